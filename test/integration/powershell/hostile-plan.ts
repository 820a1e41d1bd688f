// A plan whose names and values are built to break naive quoting: quotes of every kind, $(...),
// backticks, semicolons, an escaped newline (`n) inside a batch name, non-ASCII, CSV fields with commas and
// quotes. (A real line break in a name is refused by the plan loader since issue 12: names cannot hold control
// characters.)
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';

export const EP = "Staged 'EP' $(Get-Date) `; x ü";
export const USERNAME = "CONTOSO\\o'brien $(whoami) `n;";
export const WAVE_A = "Wave '1' $(Remove-Item x) `$env:PATH; \"q\" Zürich ‘’";
export const WAVE_B = 'Wave `nzwei';
export const CSV_A = "batches/wave 'a' $(x).csv";
export const USERS_A = ["o'neil@contoso.com", 'zoë.müller@contoso.com', 'sam.okafor@contoso.com'];
export const USERS_B = ['dana.whitfield@contoso.com', "d'arcy@contoso.com"];
export const CSV_PASSWORDS = ["Pa'ss,$(whoami)`;\"x1", 'Zürich-Pass‘2’'];

export function hostileYaml(): string {
  return stringify({
    version: 1,
    organization: 'contoso.onmicrosoft.com',
    backend: { type: 'simulator' },
    sso: false,
    endpoints: {
      [EP]: {
        type: 'ExchangeOutlookAnywhere', autodiscover: true, emailAddress: "o'brien@contoso.com",
        credentials: { username: USERNAME, passwordEnv: 'STAGEMIG_ONPREM_PASSWORD' },
        maxConcurrentMigrations: 20, maxConcurrentIncrementalSyncs: 10,
      },
    },
    batches: {
      [WAVE_A]: { endpoint: EP, csv: CSV_A, notificationEmails: ["o'neil.team@contoso.com"] },
      [WAVE_B]: { endpoint: EP, csv: 'batches/two.csv', state: 'stopped' },
    },
  });
}

const field = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** Writes the CSVs of the hostile plan into `dir`/batches. */
export function writeHostileCsvs(dir: string): void {
  const a = ['EmailAddress,Password,ForceChangePassword',
    `${field(USERS_A[0]!)},${field(CSV_PASSWORDS[0]!)},False`,
    `${field(USERS_A[1]!)},${field(CSV_PASSWORDS[1]!)},True`,
    `${USERS_A[2]},,`];
  writeFileSync(join(dir, CSV_A), a.join('\r\n') + '\r\n');
  writeFileSync(join(dir, 'batches', 'two.csv'), ['EmailAddress', ...USERS_B].join('\r\n') + '\r\n');
}
