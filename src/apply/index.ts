// Apply: runs a plan's steps through a backend, stopping at the first failure.
export * from './execute.js';
export * from './materialize.js';
export { buildCsvData } from './csv-data.js';
