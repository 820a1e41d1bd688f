// Diagnostics: problems as values with a source range and a hint.
//
// Must not: print (render/common/diagnostics.ts renders diagnostics).
export * from './diagnostic.js';
export * from './diagnostics.js';
export * from './errors.js';
export { secretEnvHint } from './secret-hint.js';
