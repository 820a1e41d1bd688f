// `stagemig import`: bring an existing migration under stagemig (YAML + one CSV per batch).
//
// Must not: print or read `process`: it takes a Host and returns values (views make the text).
export { buildImport, type EndpointHint, type ImportOptions, type ImportResult } from './import-plan.js';
export { backendSection, schemaRef } from './backend-section.js';
export { refuseOverwrite, writeOutputs, planFileIn, PLAN_FILE, type OutputFile } from './write-import.js';
export { importSource, type ImportSource } from './import-source.js';
export { runImport, type ImportArgs, type ImportRunResult } from './run-import.js';
