// The files `stagemig convert` writes for the on-premises administrator: two data files that Windows
// PowerShell 1.0's Import-Csv reads (UTF-16 LE with a byte order mark, CRLF, every field quoted) and
// the Exchange 2007 script, which is the same for every batch and holds no data.
//
// Must not: read anything but the script template shipped with stagemig, or write files (convert.ts does).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConversionRow } from './conversion-rows.js';
import { powershellFolder } from '../../backends/powershell/locate.js';

export const CONVERSION_SCRIPT = 'Convert-StagemigBatch.ps1';
export const MAILBOXES_CSV = 'mailboxes.csv';
export const PROXIES_CSV = 'proxy-addresses.csv';

export interface OutputFile {
  name: string;
  content: Buffer;
}

const field = (value: string): string => `"${value.replace(/"/g, '""')}"`;

/** UTF-16 LE with a byte order mark: the encoding Import-Csv of Windows PowerShell 1.0 reads without being told. */
function utf16Csv(header: string[], rows: string[][]): Buffer {
  const lines = [header, ...rows].map((cells) => cells.map(field).join(','));
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf16le')]);
}

export function mailboxesCsv(rows: ConversionRow[]): Buffer {
  return utf16Csv(
    ['EmailAddress', 'RoutingAddress', 'CloudLegacyExchangeDN', 'ExchangeGuid'],
    rows.map((r) => [r.emailAddress, r.routingAddress, r.cloudLegacyExchangeDN, r.exchangeGuid]),
  );
}

export function proxyAddressesCsv(rows: ConversionRow[]): Buffer {
  return utf16Csv(['EmailAddress', 'ProxyAddress'], rows.flatMap((r) => r.proxyAddresses.map((p) => [r.emailAddress, p])));
}

/** The script with Windows line ends (it is ASCII, which every Windows PowerShell reads). */
export function conversionScript(): Buffer {
  const text = readFileSync(join(powershellFolder(), 'onprem', CONVERSION_SCRIPT), 'utf8');
  return Buffer.from(text.replace(/\r?\n/g, '\r\n'), 'ascii');
}

export function conversionFiles(rows: ConversionRow[]): OutputFile[] {
  return [
    { name: MAILBOXES_CSV, content: mailboxesCsv(rows) },
    { name: PROXIES_CSV, content: proxyAddressesCsv(rows) },
    { name: CONVERSION_SCRIPT, content: conversionScript() },
  ];
}
