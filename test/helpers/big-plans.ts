// Plans that share one simulator state file: N batches of M mailboxes each, with their own endpoint.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function writeSharedPlan(dir: string, name: string, batches: number, mailboxes: number): string {
  mkdirSync(join(dir, name), { recursive: true });
  const lines = [
    'version: 1', 'organization: contoso.onmicrosoft.com', 'backend:', '  type: simulator', '  stateFile: .stagemig/simulator.json',
    'endpoints:', `  Ep${name}:`, '    type: ExchangeOutlookAnywhere', '    autodiscover: true', '    emailAddress: administrator@contoso.com',
    '    credentials:', '      username: CONTOSO\\administrator', '      passwordEnv: STAGEMIG_ONPREM_PASSWORD', 'batches:',
  ];
  for (let b = 1; b <= batches; b++) {
    const batch = `${name}${String(b).padStart(2, '0')}`;
    lines.push(`  ${batch}:`, `    endpoint: Ep${name}`, `    csv: ${name}/${batch}.csv`);
    const rows = Array.from({ length: mailboxes }, (_, i) => `${batch.toLowerCase()}-${i}@contoso.com`);
    writeFileSync(join(dir, name, `${batch}.csv`), `EmailAddress\n${rows.join('\n')}\n`);
  }
  const file = `${name}.yaml`;
  writeFileSync(join(dir, file), `${lines.join('\n')}\n`);
  return file;
}

export const tempFolder = (prefix: string): string => mkdtempSync(join(tmpdir(), `stagemig-${prefix}-`));
