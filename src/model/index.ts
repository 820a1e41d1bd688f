// Plain types shared by every layer: desired and live state, statuses, addresses.
//
// Must not: do I/O or import from src/ folders other than diag/.
export * from './address.js';
export * from './desired.js';
export * from './live.js';
export * from './status.js';
export * from './sensitive.js';
export * from './step.js';
export * from './applied.js';
export * from './duration.js';
export * from './plural.js';
export * from './cloud-mailbox.js';
export * from './licensing.js';
export { portablePath, portableRelative, type PathApi } from './portable-path.js';
export * from './email-key.js';
export { describeUnsafe, escapeUnsafe, firstUnsafeIndex, hasUnsafeCharacter } from './unsafe-text.js';
