// Diagnostics: problems as values with a source range and a hint.
export * from './diagnostic.js';
export * from './diagnostics.js';
export * from './errors.js';
export { secretEnvHint } from './secret-hint.js';
