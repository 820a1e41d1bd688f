// A stand-in for the pwsh process: answers bridge requests from a handler, records what it was sent.
import { BridgeExitError, type BridgeProcess, type BridgeSpawnOptions } from '../../../src/backends/powershell/bridge-process.js';
import type { BridgeResponse, BridgeValue } from '../../../src/backends/powershell/protocol.js';

export interface SentCall {
  cmdlet: string;
  parameters: Record<string, BridgeValue>;
}

export type Handler = (call: SentCall) => BridgeResponse | Promise<BridgeResponse> | 'die';

export const ok = (result: unknown = null, warnings: string[] = []): BridgeResponse => ({ id: 1, ok: true, result, warnings });
export const fail = (error: string, errorType?: string): BridgeResponse => ({ id: 1, ok: false, error, ...(errorType ? { errorType } : {}) });

export function fakeBridge(handler: Handler, opts: { missing?: boolean } = {}) {
  const calls: SentCall[] = [];
  const state = { spawned: undefined as BridgeSpawnOptions | undefined, ended: false, killed: false };
  let dead: BridgeExitError | undefined = opts.missing ? new BridgeExitError('pwsh could not be started (not found)', true, '') : undefined;
  const spawn = (spawnOpts: BridgeSpawnOptions): BridgeProcess => {
    state.spawned = spawnOpts;
    return {
      pid: 4242,
      hello: dead ? Promise.reject(dead) : Promise.resolve(ok({ bridge: 1 })),
      async call(cmdlet, parameters) {
        if (dead) throw dead;
        calls.push({ cmdlet, parameters });
        const r = await handler({ cmdlet, parameters });
        if (r === 'die') {
          dead = new BridgeExitError('PowerShell ended unexpectedly (exit code 1)', false, 'Fatal error.');
          throw dead;
        }
        return r;
      },
      async end() {
        state.ended = true;
      },
      kill() {
        state.killed = true;
      },
      stderrTail: () => '',
    };
  };
  return { spawn, calls, state, cmdlets: () => calls.map((c) => c.cmdlet) };
}

/** A handler for a healthy session whose reads return the given normalised objects. */
export function healthy(reads: Partial<Record<string, unknown[]>> = {}, writes: Handler = () => ok()): Handler {
  return (call) => {
    if (call.cmdlet === 'Import-Module' || call.cmdlet.endsWith('ExchangeOnline') || call.cmdlet.endsWith('MgGraph')) return ok();
    if (call.cmdlet.startsWith('Get-')) return ok(reads[call.cmdlet] ?? []);
    return writes(call);
  };
}
