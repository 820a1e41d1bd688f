// What `stagemig convert` prints: what it read and wrote, and what the on-premises administrator does next.
//
// Must not: read files, the service or the clock: data in, text out (a view object writes only to the streams it is given).
import { relative } from 'node:path';
import type { ConvertResult } from '../../operations/convert/convert.js';
import { CONVERSION_SCRIPT, MAILBOXES_CSV, PROXIES_CSV } from '../../operations/convert/conversion-files.js';
import { plural } from '../../model/index.js';
import { forTerminal } from '../common/safe-text.js';
import { diagnosticsText, output, type Output } from '../common/output.js';

function shownFolder(outDir: string, cwd: string): string {
  const rel = relative(cwd, outDir);
  return rel === '' ? '.' : rel.startsWith('..') ? outDir : rel;
}

export function renderConvertHuman(input: ConvertResult, cwd: string): string {
  const result = forTerminal(input);
  const n = result.rows.length;
  const proxies = result.rows.reduce((sum, r) => sum + r.proxyAddresses.length, 0);
  const folder = shownFolder(result.outDir, cwd);
  const sep = folder.includes('\\') || /^[A-Za-z]:/.test(folder) ? '\\' : '/';
  return [
    `Batch ${result.batch}: ${plural(n, 'mailbox', 'mailboxes')} Synced, their cloud addresses read from Exchange Online.`,
    `Wrote ${folder}${sep}:`,
    `  ${MAILBOXES_CSV.padEnd(26)}${plural(n, 'mailbox', 'mailboxes')}: address, routing address, cloud LegacyExchangeDN, ExchangeGuid`,
    `  ${PROXIES_CSV.padEnd(26)}${plural(proxies, 'cloud address', 'cloud addresses')} to keep on the mail users`,
    `  ${CONVERSION_SCRIPT.padEnd(26)}the conversion script (Exchange 2007 Management Shell; no secret, no data)`,
    '',
    'Next, copy the folder to an Exchange 2007 server and run in the Exchange Management Shell, from that folder:',
    `  .\\${CONVERSION_SCRIPT} -DomainController <domain controller FQDN>`,
    'It turns each mailbox into a mail user that forwards to its routing address and keeps its addresses,',
    'logs each user to conversion.log, skips users already converted and stops at the first error',
    '(run it again to carry on). Exchange 2003 has no Management Shell: see the README.',
    `When it prints Done, record that time in the plan as \`convertedAt:\` of batch ${result.batch} (RFC 3339);`,
    'deleting the batch (state: removed) waits for it.',
    '',
  ].join('\n');
}

/** The files written on stdout; the plan's warnings on stderr. */
export const convertOutput = (r: ConvertResult, o: { color: boolean; cwd: string }): Output =>
  output(renderConvertHuman(r, o.cwd), diagnosticsText(r.diagnostics, o.color));
