// The on-premises side of seed step 5 in the walks: a directory of Exchange 2007 mailboxes for the
// Exchange 2007 stand-in, and the generated conversion script run against it in real pwsh.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PWSH } from './pwsh.js';
import { ROOT } from './workspace.js';

export const DC = 'dc01.contoso.com';
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
