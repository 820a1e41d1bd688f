// What the `stagemig simulator` commands print: status (simulator-status.ts), what reset deleted, the
// clock advanced, the faults in force, and serve's listening banner and call log.
//
// Must not: read or change the simulator (operations/simulator.ts and simulator-serve.ts do).
import type { Diagnostic } from '../../diag/index.js';
import type { AdvanceResult, FaultsResult, ResetResult } from '../../operations/simulator.js';
import type { ServeEvents } from '../../operations/simulator-serve.js';
import { formatDuration } from '../../model/index.js';
import type { Streams } from '../apply/apply-view.js';
import { diagnosticsText, output, type Output } from '../common/output.js';
import { termText } from '../common/safe-text.js';
import { quotePs } from '../runbook/powershell-quote.js';
import { renderSimulatorStatus, type SimulatorStatusInput } from './simulator-status.js';
import { faultLines } from './faults-lines.js';

export const statusOutput = (r: { warnings: readonly Diagnostic[]; snapshot: SimulatorStatusInput }, color: boolean): Output =>
  output(renderSimulatorStatus(r.snapshot), diagnosticsText(r.warnings, color));

export function resetOutput(r: ResetResult, color: boolean): Output {
  const text = (r.deleted
    ? `Deleted the simulator state file ${r.stateFile}; the simulated service is now empty.\n`
    : `No simulator state file at ${r.stateFile}; the simulated service is already empty.\n`) +
    (r.record ? `Deleted the last-applied record ${r.record}.\n` : '');
  return output(text, diagnosticsText(r.warnings, color));
}

export const advanceOutput = (r: AdvanceResult, color: boolean): Output =>
  output(`Advanced the simulated clock by ${formatDuration(r.byMs)}: ${r.from} -> ${r.snapshot.now}\n\n${renderSimulatorStatus(r.snapshot)}`, diagnosticsText(r.warnings, color));

export function faultsOutput(r: FaultsResult, color: boolean): Output {
  const lines = faultLines(r.faults);
  const list = lines.map((l) => `  ${termText(l)}`).join('\n');
  let text: string;
  if (r.action === 'show') text = lines.length === 0 ? 'No faults: the simulated service behaves normally.\n' : `Faults in force:\n${list}\n`;
  else text = lines.length === 0 ? 'Cleared every fault: the simulated service behaves normally.\n' : `Faults in force (they replace any set before):\n${list}\n`;
  return output(text, diagnosticsText(r.warnings, color));
}

/** `simulator serve`: the banner on stdout, a line per call on stderr, and a closing line. */
export function createServeView(out: Streams, o: { color: boolean }): ServeEvents {
  return {
    loaded(warnings) {
      const text = diagnosticsText(warnings, o.color);
      if (text !== '') out.stderr(text);
    },
    listening({ url, stateFile, modulePath }) {
      out.stdout([
        `Simulator listening on ${url} (state file ${stateFile})`,
        'Point the StagemigSimulator PowerShell module at it:',
        `  $env:STAGEMIG_SIMULATOR_URL = ${quotePs(url)}`,
        `  Import-Module ${quotePs(modulePath)}`,
        '  Connect-ExchangeOnline -Organization contoso.onmicrosoft.com -ShowBanner:$false',
        'or set `backend.module` in an exchange-online plan to that module. Press Ctrl-C to stop.',
        '',
      ].join('\n'));
    },
    request: (at, cmdlet, ok) => out.stderr(`${at.toISOString()} ${termText(cmdlet)} ${ok ? 'ok' : 'refused'}\n`),
    stopped: () => out.stdout('Simulator stopped.\n'),
  };
}
