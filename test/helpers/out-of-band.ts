// Changes "made in the admin center": cmdlets run straight against a simulator state file, behind stagemig's back.
import type { WireValue } from '../../src/model/index.js';
import { advanceInPlace, invokeCmdlet, loadState, saveState } from '../../src/backends/simulator/index.js';

export type Call = [cmdlet: string, parameters: Record<string, WireValue>] | ['advance', { minutes: number }];

export async function outOfBand(stateFile: string, ...calls: Call[]): Promise<void> {
  let state = await loadState(stateFile);
  if (!state) throw new Error(`no simulator state at ${stateFile}`);
  for (const [cmdlet, parameters] of calls) {
    if (cmdlet === 'advance') {
      advanceInPlace(state, (parameters as { minutes: number }).minutes * 60_000);
      continue;
    }
    const outcome = invokeCmdlet(state, { cmdlet, parameters: parameters as Record<string, WireValue> });
    if (!outcome.result.ok) throw new Error(`${cmdlet}: ${outcome.result.error}`);
    state = outcome.state;
  }
  await saveState(stateFile, state);
}
