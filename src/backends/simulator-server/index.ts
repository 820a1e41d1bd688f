// The simulator over HTTP for real PowerShell (the StagemigSimulator module), on 127.0.0.1 only.
//
// Must not: print, or answer anything but 127.0.0.1 and its secret URL.
export { startSimulatorServer, SIMULATOR_HOST } from './server.js';
export type { SimulatorServer, SimulatorServerOptions, SimulatorServerStats } from './server.js';
export { invokeOnSimulator, parseInvokeRequest } from './invoke.js';
export type { InvokeRequest, InvokeResponse } from './invoke.js';
