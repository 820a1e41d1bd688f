// Apply: runs a plan's steps through a backend, stopping at the first failure.
//
// Must not: print (progress goes through events to the command's view).
export * from './execute.js';
export * from './materialize.js';
export { buildCsvData } from './csv-data.js';
