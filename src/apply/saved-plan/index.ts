// Saved plans (`plan --out FILE`, `apply FILE`, `show FILE`): the file format, writing it, reading it,
// and the stale-plan preflight. The plan itself stays pure in src/plan; the I/O lives here.
// Must not: hold code (re-exports only) or print; a plain `plan` loads it only for --out.
export * from './format.js';
export { compareFingerprints, fingerprintLive, type LiveDifference } from './fingerprint.js';
export { changedInputs, hashInputs, type InputChange } from './inputs.js';
export { readSavedPlan, sniffSavedPlan, type SniffedSavedPlan } from './read.js';
export { buildSavedPlan, writeSavedPlan } from './write.js';
export { preflightSavedPlan } from './preflight.js';
export { checkOutPath, OUT_STDOUT } from './out-path.js';
