// The on-premises conversion script (seed step 5): parsed with PowerShell's grammar and checked for
// anything newer than Windows PowerShell 1.0, then run in real pwsh against the Exchange 2007
// stand-in (powershell/StagemigExchange2007): it converts, stops at the first error, resumes, skips
// converted users, keeps every address, and treats hostile names as literals.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversionRow } from '../../../src/operations/convert/conversion-rows.js';
import { conversionFiles } from '../../../src/operations/convert/conversion-files.js';
import { HAS_PWSH, PWSH } from './pwsh.js';
import { ROOT } from './workspace.js';

const SCRIPT = join(ROOT, 'powershell', 'onprem', 'Convert-StagemigBatch.ps1');
const STAND_IN = join(ROOT, 'powershell', 'StagemigExchange2007', 'StagemigExchange2007.psd1');
const DC = 'dc01.contoso.com';

/** Cmdlets of Windows PowerShell 1.0 the script may call, with the parameters it may use on them. */
const PS1_CMDLETS: Record<string, string[]> = {
  'Split-Path': ['Parent'], 'Join-Path': [], 'Write-Host': [], 'Import-Csv': ['Path'], 'New-Object': [], 'Out-Null': [],
  'Push-Location': ['LiteralPath'], 'Pop-Location': [],
};
/** The Exchange 2007 cmdlets it calls, with the documented parameters it may use (parameter-sets/exchange-2007). */
function exchange2007Parameters(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const name of ['Get-Mailbox', 'Get-MailUser', 'Disable-Mailbox', 'Enable-MailUser', 'Set-MailUser']) {
    const spec = JSON.parse(readFileSync(join(ROOT, 'powershell', 'parameter-sets', 'exchange-2007', `${name}.json`), 'utf8')) as { parameters: Record<string, string>; shouldProcess?: boolean };
    out[name] = [...Object.keys(spec.parameters), 'ErrorAction', ...(spec.shouldProcess ? ['Confirm', 'WhatIf'] : [])];
  }
  return out;
}

const GUIDS = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222', '33333333-3333-4333-8333-333333333333'];
const HOSTILE = "o'brien$(whoami)`;x@contoso.com";
const HOSTILE_ROUTING = "o'brien$(whoami)`;x@contoso.mail.onmicrosoft.com";
const WILD = 'a*b@contoso.com';
const cloudDn = (n: string) => `/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=${n}`;

const ROWS: ConversionRow[] = [
  { emailAddress: 'ann@contoso.com', routingAddress: 'ann@contoso.mail.onmicrosoft.com', cloudLegacyExchangeDN: cloudDn('aa11-ann'), exchangeGuid: GUIDS[0]!, proxyAddresses: ['smtp:ann@contoso.onmicrosoft.com', 'smtp:ann@contoso.mail.onmicrosoft.com'] },
  { emailAddress: HOSTILE, routingAddress: HOSTILE_ROUTING, cloudLegacyExchangeDN: cloudDn(`bb22-o'brien"$(x)\`;`), exchangeGuid: GUIDS[1]!, proxyAddresses: [`smtp:${HOSTILE_ROUTING}`, "X500:/o=First Organization/cn=o'brien\"$(x)"] },
  { emailAddress: WILD, routingAddress: 'a*b@contoso.mail.onmicrosoft.com', cloudLegacyExchangeDN: cloudDn('cc33-ab'), exchangeGuid: GUIDS[2]!, proxyAddresses: [] },
];

interface Recipient {
  guid: string; name: string; alias: string; distinguishedName: string; type: string; primarySmtpAddress: string;
  emailAddresses: string[]; legacyExchangeDN: string; windowsEmailAddress: string; externalEmailAddress: string; emailAddressPolicyEnabled: boolean;
}
interface Directory { recipients: Recipient[]; calls: { cmdlet: string; identity: string; domainController: string }[]; faults: Record<string, string> }

function mailbox(n: number, alias: string, address: string, name = alias): Recipient {
  return {
    guid: `0000000${n}-aaaa-4aaa-8aaa-00000000000${n}`, name, alias, distinguishedName: `CN=${name},OU=Staff,DC=contoso,DC=com`, type: 'UserMailbox',
    primarySmtpAddress: address, emailAddresses: [`SMTP:${address}`, `smtp:${alias}@contoso.local`, `X400:c=US;a= ;p=Contoso;o=Exchange;s=${alias};`],
    legacyExchangeDN: `/o=Contoso/ou=First Administrative Group/cn=Recipients/cn=${alias}`, windowsEmailAddress: address, externalEmailAddress: '', emailAddressPolicyEnabled: true,
  };
}

describe.runIf(HAS_PWSH)('the Exchange 2007 conversion script', () => {
  let dir: string;
  let out: string;
  const directory = () => JSON.parse(readFileSync(join(dir, 'directory.json'), 'utf8')) as Directory;
  const byAddress = (address: string) => directory().recipients.find((r) => r.guid === initial.find((i) => i.primarySmtpAddress === address)!.guid)!;
  const initial = [
    mailbox(1, 'ann', 'ann@contoso.com'),
    mailbox(2, "o'brien$x", HOSTILE, 'O"Brien, Pat $(x) `;'),
    mailbox(3, 'ab', WILD),
    mailbox(4, 'axxb', 'axxb@contoso.com'), // answers to the wildcard a*b: must stay a mailbox
  ];
  const setDirectory = (edit: (d: Directory) => void) => {
    const d = directory();
    edit(d);
    writeFileSync(join(dir, 'directory.json'), JSON.stringify(d));
  };
  const runScript = (args: string[] = ['-DomainController', DC]) => {
    const r = spawnSync(PWSH!.command, ['-NoProfile', '-NonInteractive', '-Command',
      `Import-Module $env:STAND_IN; & $env:CONVERT_SCRIPT ${args.join(' ')}; exit $LASTEXITCODE`], {
      encoding: 'utf8', env: { ...process.env, STAND_IN, CONVERT_SCRIPT: join(out, 'Convert-StagemigBatch.ps1'), STAGEMIG_EXCHANGE2007_STATE: join(dir, 'directory.json') },
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'stagemig-convert-'));
    out = join(dir, "conversion [wave 1] o'neil");
    mkdirSync(out);
    for (const f of conversionFiles(ROWS)) writeFileSync(join(out, f.name), f.content);
    writeFileSync(join(dir, 'directory.json'), JSON.stringify({
      organization: 'Contoso', policyDomain: 'contoso.com', domainControllers: [DC], faults: { 'Enable-MailUser': initial[1]!.guid }, recipients: initial, calls: [],
    }));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('parses with PowerShell\'s grammar and uses nothing newer than Windows PowerShell 1.0', () => {
    const report = JSON.parse(execFileSync(PWSH!.command, ['-NoProfile', '-NonInteractive', '-File', join(__dirname, 'convert-script-ast.ps1'), '-Path', SCRIPT], { encoding: 'utf8' })) as {
      errors: string[]; newer: string[]; commands: { name: string; parameters: string[]; line: number }[]; functions: string[];
    };
    expect(report.errors).toEqual([]);
    expect(report.newer).toEqual([]);
    const allowed: Record<string, string[]> = { ...PS1_CMDLETS, ...exchange2007Parameters() };
    for (const c of report.commands) {
      if (report.functions.includes(c.name)) continue;
      expect(Object.keys(allowed), `line ${c.line}: ${c.name}`).toContain(c.name);
      for (const p of c.parameters) expect(allowed[c.name], `line ${c.line}: ${c.name} -${p}`).toContain(p);
    }
    expect(report.commands.map((c) => c.name)).toEqual(expect.arrayContaining(['Get-Mailbox', 'Disable-Mailbox', 'Enable-MailUser', 'Set-MailUser', 'Get-MailUser']));
    const text = readFileSync(SCRIPT, 'utf8');
    expect(text).not.toMatch(/Invoke-Expression|\biex\b|ConvertTo-SecureString|Get-Credential|-Password\b/i);
  }, 60_000);

  it('refuses to run without a domain controller, changing nothing', () => {
    const r = runScript([]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('STOPPED: Name the domain controller for every read and write');
    expect(directory().calls).toEqual([]);
  }, 60_000);

  it('stops at the first error and logs each user; a second run finishes the stopped user and the rest', () => {
    const first = runScript();
    expect(first.status).toBe(1);
    expect(first.stdout).toContain('converted ann@contoso.com: mail user forwarding to ann@contoso.mail.onmicrosoft.com');
    expect(first.stdout).toContain(`STOPPED at ${HOSTILE}: Injected fault: Enable-MailUser failed`);
    expect(byAddress('ann@contoso.com').type).toBe('MailUser');
    expect(byAddress(HOSTILE).type).toBe('User'); // disabled, its addresses saved, not yet a mail user
    expect(byAddress(WILD).type).toBe('UserMailbox'); // never reached
    expect(readFileSync(join(out, 'conversion.log'), 'utf8')).toContain(`STOPPED at ${HOSTILE}`);

    setDirectory((d) => (d.faults = {}));
    const second = runScript();
    expect(second.stderr).toBe('');
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('skipped ann@contoso.com: already a mail user');
    expect(second.stdout).toContain(`converted ${HOSTILE} (finished after an earlier stop): mail user forwarding to ${HOSTILE_ROUTING}`);
    expect(second.stdout).toContain(`converted ${WILD}: mail user forwarding to a*b@contoso.mail.onmicrosoft.com`);
    expect(second.stdout).toContain('Done: 1 converted, 1 finished after an earlier stop, 1 already converted.');
  }, 120_000);

  it('reaches the expected mail users: routing address outside, every address kept, both X500s, policy off', () => {
    for (const [i, row] of ROWS.entries()) {
      const before = initial[i]!;
      const after = byAddress(row.emailAddress);
      expect(after.type).toBe('MailUser');
      expect(after.externalEmailAddress).toBe(`SMTP:${row.routingAddress}`);
      expect(after.primarySmtpAddress).toBe(row.emailAddress);
      expect(after.windowsEmailAddress).toBe(row.emailAddress);
      expect(after.emailAddressPolicyEnabled).toBe(false);
      expect(after.emailAddresses).toEqual([
        ...before.emailAddresses,
        `X500:${before.legacyExchangeDN}`,
        `X500:${row.cloudLegacyExchangeDN}`,
        `smtp:${row.routingAddress}`,
        ...row.proxyAddresses.filter((p) => p.toLowerCase() !== `smtp:${row.routingAddress}`.toLowerCase()),
      ]);
    }
    expect(byAddress('axxb@contoso.com')).toEqual(initial[3]);
    const d = directory();
    expect(d.calls.length).toBeGreaterThan(10);
    expect(new Set(d.calls.map((c) => c.domainController))).toEqual(new Set([DC]));
  });

  it('skips everyone on a further run and changes nothing', () => {
    const writes = (d: Directory) => d.calls.filter((c) => !c.cmdlet.startsWith('Get-')).length;
    const before = directory();
    const r = runScript();
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Done: 0 converted, 0 finished after an earlier stop, 3 already converted.');
    expect(r.stdout.match(/ skipped /g)).toHaveLength(3);
    expect(directory().recipients).toEqual(before.recipients);
    expect(writes(directory())).toBe(writes(before));
  }, 60_000);

  it('stops with the address when a listed mailbox does not exist on premises', () => {
    setDirectory((d) => {
      d.recipients = d.recipients.filter((r) => r.alias !== 'ann');
    });
    rmSync(join(out, 'saved', `${GUIDS[0]}.csv`));
    const r = runScript();
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`STOPPED at ann@contoso.com: No mailbox or mail user has the address ann@contoso.com on ${DC}.`);
  }, 60_000);
});

const DECLARED = String.raw`
$ErrorActionPreference = 'Stop'
Import-Module $env:STAND_IN
$common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
$out = [ordered]@{}
foreach ($name in 'Get-Mailbox', 'Get-MailUser', 'Disable-Mailbox', 'Enable-MailUser', 'Set-MailUser') {
    $c = Get-Command $name
    $sets = [ordered]@{}
    foreach ($s in $c.ParameterSets) {
        $ps = @($s.Parameters | Where-Object { $common -notcontains $_.Name })
        $sets[$s.Name] = [ordered]@{
            mandatory = @($ps | Where-Object IsMandatory | ForEach-Object Name | Sort-Object)
            optional  = @($ps | Where-Object { -not $_.IsMandatory } | ForEach-Object Name | Sort-Object)
        }
    }
    $out[$name] = [ordered]@{ sets = $sets; shouldProcess = $c.Parameters.ContainsKey('WhatIf') }
}
ConvertTo-Json -InputObject $out -Depth 6 -Compress
`;

describe.runIf(HAS_PWSH)('the Exchange 2007 stand-in', () => {
  it('declares exactly the documented parameter sets recorded in powershell/parameter-sets/exchange-2007', () => {
    const text = execFileSync(PWSH!.command, ['-NoProfile', '-NonInteractive', '-Command', DECLARED], { encoding: 'utf8', env: { ...process.env, STAND_IN } });
    const declared = JSON.parse(text) as Record<string, { sets: Record<string, { mandatory: string[]; optional: string[] }>; shouldProcess: boolean }>;
    for (const [name, got] of Object.entries(declared)) {
      const spec = JSON.parse(readFileSync(join(ROOT, 'powershell', 'parameter-sets', 'exchange-2007', `${name}.json`), 'utf8')) as {
        shouldProcess: boolean; parameterSets: Record<string, { mandatory: string[]; optional: string[] }>;
      };
      const sorted = (sets: Record<string, { mandatory: string[]; optional: string[] }>) =>
        Object.fromEntries(Object.entries(sets).map(([k, v]) => [k, { mandatory: [...v.mandatory].sort(), optional: [...v.optional].sort() }]));
      expect(sorted(got.sets), name).toEqual(sorted(spec.parameterSets));
      expect(got.shouldProcess, name).toBe(spec.shouldProcess);
    }
  }, 60_000);
});
