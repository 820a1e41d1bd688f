// What the two seed walks (simulator, exchange-online) share: the waves, their plan and CSVs, and the
// on-premises side of seed step 5 (a directory of Exchange 2007 mailboxes for the Exchange 2007 stand-in,
// and the generated conversion script run against it in real pwsh).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PWSH } from './pwsh.js';
import { ROOT } from './workspace.js';

export const DC = 'dc01.contoso.com';

export const WAVES: Record<string, string[]> = {
  Wave1: ['ann@contoso.com', 'bob@contoso.com', 'cy@contoso.com'],
  Wave2: ['dee@contoso.com', 'eli@contoso.com'],
};

/** The walk's plan: one Autodiscover endpoint and a batch per wave with its licence; `backend` lines if any. */
export function walkPlanYaml(backend: string[], extra: { batch?: Record<string, string[]>; top?: string[]; endpoint?: string[] } = {}): string {
  const lines = [
    'version: 1', 'organization: contoso.onmicrosoft.com', ...backend, ...(extra.top ?? []),
    'endpoints:', '  StagedEndpoint:', '    type: ExchangeOutlookAnywhere', '    autodiscover: true', '    emailAddress: administrator@contoso.com',
    '    credentials: {username: CONTOSO\\administrator, passwordEnv: STAGEMIG_ONPREM_PASSWORD}', ...(extra.endpoint ?? []),
    'batches:',
  ];
  for (const name of Object.keys(WAVES)) {
    lines.push(`  ${name}:`, '    endpoint: StagedEndpoint', `    csv: ${name.toLowerCase()}.csv`, '    license: {skuPartNumber: ENTERPRISEPACK, usageLocation: DE}');
    lines.push(...(extra.batch?.[name] ?? []).map((l) => `    ${l}`));
  }
  return `${lines.join('\n')}\n`;
}

/** One CSV per wave in `dir`. */
export function writeWaveCsvs(dir: string): void {
  for (const [name, emails] of Object.entries(WAVES)) writeFileSync(join(dir, `${name.toLowerCase()}.csv`), `EmailAddress\n${emails.join('\n')}\n`);
}
const EXCHANGE_2007 = join(ROOT, 'powershell', 'StagemigExchange2007', 'StagemigExchange2007.psd1');

/** Writes directory.json in `dir`: one on-premises mailbox per address, not yet converted. */
export function writeOnPremDirectory(dir: string, emails: readonly string[]): void {
  const recipients = emails.map((email, i) => {
    const alias = email.split('@')[0]!;
    return {
      guid: `0000000${i + 1}-aaaa-4aaa-8aaa-00000000000${i + 1}`, name: alias, alias, distinguishedName: `CN=${alias},OU=Staff,DC=contoso,DC=com`, type: 'UserMailbox',
      primarySmtpAddress: email, emailAddresses: [`SMTP:${email}`], legacyExchangeDN: `/o=Contoso/ou=First Administrative Group/cn=Recipients/cn=${alias}`,
      windowsEmailAddress: email, externalEmailAddress: '', emailAddressPolicyEnabled: true,
    };
  });
  writeFileSync(join(dir, 'directory.json'), JSON.stringify({ organization: 'Contoso', policyDomain: 'contoso.com', domainControllers: [DC], faults: {}, recipients, calls: [] }));
}

/** Runs the conversion script that `stagemig convert --out <outDir>` wrote, against the stand-in's directory. */
export function runConversionScript(dir: string, outDir: string) {
  return spawnSync(PWSH!.command, ['-NoProfile', '-NonInteractive', '-Command', `Import-Module $env:STAND_IN; & $env:SCRIPT -DomainController ${DC}; exit $LASTEXITCODE`], {
    encoding: 'utf8',
    env: { ...process.env, STAND_IN: EXCHANGE_2007, SCRIPT: join(dir, outDir, 'Convert-StagemigBatch.ps1'), STAGEMIG_EXCHANGE2007_STATE: join(dir, 'directory.json') },
  });
}

/** The on-premises recipients after the script ran. */
export function onPremRecipients(dir: string): { type: string; externalEmailAddress: string }[] {
  return (JSON.parse(readFileSync(join(dir, 'directory.json'), 'utf8')) as { recipients: { type: string; externalEmailAddress: string }[] }).recipients;
}
