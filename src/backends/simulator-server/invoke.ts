// One "invoke cmdlet" request against the simulator's state file: reads, writes and session calls.
//
// Must not: print, or answer anything but 127.0.0.1 and its secret URL.
import type { Invocation, WireValue } from '../../model/index.js';
import { createSimulatorBackend, loadState, type OnPremises, type StateLockOptions } from '../simulator/index.js';
import { readLicensing } from '../simulator/licensing.js';
import { preflightRecords } from './preflight-records.js';
import { createdRecord, readRecords, type ReadCmdlet } from './records.js';

export interface InvokeRequest {
  cmdlet: string;
  parameters: Record<string, WireValue>;
}

export type InvokeResponse =
  | { ok: true; warnings: string[]; result?: unknown }
  | { ok: false; error: string };

const READS = new Set<string>(['get-migrationendpoint', 'get-migrationbatch', 'get-migrationuser', 'get-mailbox']);
const SESSION = new Set(['connect-exchangeonline', 'disconnect-exchangeonline', 'connect-mggraph', 'disconnect-mggraph']);
/** Microsoft Graph's bulk reads (seed step 7): the simulator's licence model. */
const GRAPH_READS = new Set(['get-mguser', 'get-mgsubscribedsku']);

/** Checks the request body's shape; returns an error text when it is not an invocation. */
export function parseInvokeRequest(body: unknown): InvokeRequest | string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'The request body must be a JSON object.';
  const { cmdlet, parameters = {} } = body as { cmdlet?: unknown; parameters?: unknown };
  if (typeof cmdlet !== 'string' || !/^[A-Za-z]+-[A-Za-z]+$/.test(cmdlet)) return '"cmdlet" must be a cmdlet name.';
  if (typeof parameters !== 'object' || parameters === null || Array.isArray(parameters)) {
    return '"parameters" must be a JSON object.';
  }
  return { cmdlet, parameters: parameters as Record<string, WireValue> };
}

export async function invokeOnSimulator(
  request: InvokeRequest,
  opts: { stateFile: string; now: () => Date; organization?: string; onPremises?: OnPremises; lock?: StateLockOptions },
): Promise<InvokeResponse> {
  const name = request.cmdlet.toLowerCase();
  if (SESSION.has(name)) return { ok: true, warnings: [] };
  const preflight = await preflightRecords(name, request.parameters, opts);
  if (preflight !== undefined) return preflight;
  if (GRAPH_READS.has(name)) {
    const licensing = readLicensing(await loadState(opts.stateFile));
    return { ok: true, warnings: [], result: name === 'get-mguser' ? licensing.users : licensing.skus };
  }
  if (READS.has(name)) {
    return { ok: true, warnings: [], result: readRecords(await loadState(opts.stateFile), name as ReadCmdlet, opts.organization) };
  }
  const backend = createSimulatorBackend({ stateFile: opts.stateFile, now: opts.now });
  const result = await backend.run(request as unknown as Invocation);
  await backend.close();
  if (!result.ok) return result;
  const identity = request.parameters.Name;
  if (name.startsWith('new-') && typeof identity === 'string') {
    const created = createdRecord(await loadState(opts.stateFile), name, identity);
    return { ok: true, warnings: result.warnings, result: created };
  }
  return { ok: true, warnings: result.warnings };
}
