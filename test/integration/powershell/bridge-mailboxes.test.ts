// The bridge's Get-Mailbox projection (powershell/bridge/normalize-mailboxes.ps1) in real pwsh, on the
// shapes Exchange Online sends: address objects that print as text, proxy lists of one, GUIDs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapMailboxes } from '../../../src/backends/powershell/mailbox-map.js';
import { HAS_PWSH, PWSH } from './pwsh.js';
import { ROOT } from './workspace.js';

const SCRIPT = String.raw`
$ErrorActionPreference = 'Stop'
. (Join-Path $env:BRIDGE_DIR 'json.ps1')
. (Join-Path $env:BRIDGE_DIR 'normalize-mailboxes.ps1')
$smtp = [pscustomobject]@{ Address = 'x' } | Add-Member -MemberType ScriptMethod -Name ToString -Value { 'o''brien$(x)@contoso.com' } -Force -PassThru
$list = [System.Collections.ArrayList]::new()
[void]$list.Add('SMTP:o''brien$(x)@contoso.com'); [void]$list.Add('smtp:obrien@contoso.mail.onmicrosoft.com'); [void]$list.Add('X500:/o=First/cn=o''brien')
$one = [pscustomobject]@{ PrimarySmtpAddress = $smtp; EmailAddresses = $list; LegacyExchangeDN = '/o=ExchangeLabs/cn=Recipients/cn=abc'; ExchangeGuid = [guid]'0f6b5deb-8918-4a02-ab4e-75aa300e5c53' }
$two = [pscustomobject]@{ PrimarySmtpAddress = 'zoë@contoso.com'; EmailAddresses = 'SMTP:zoë@contoso.com'; LegacyExchangeDN = '/o=ExchangeLabs/cn=Recipients/cn=def'; ExchangeGuid = [guid]::Empty }
ConvertTo-BridgeJson (ConvertTo-BridgeMailboxList @($one, $two))
`;

describe.runIf(HAS_PWSH)('the bridge\'s Get-Mailbox projection in real PowerShell', () => {
  it('keeps addresses as text, a single proxy as a list, and an empty ExchangeGuid as absent', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stagemig-mbx-'));
    const file = join(dir, 'mailboxes.ps1');
    writeFileSync(file, SCRIPT);
    const text = execFileSync(PWSH!.command, ['-NoProfile', '-NonInteractive', '-File', file], {
      encoding: 'utf8', env: { ...process.env, BRIDGE_DIR: join(ROOT, 'powershell', 'bridge') },
    });
    rmSync(dir, { recursive: true, force: true });
    expect(mapMailboxes(JSON.parse(text))).toEqual([
      {
        primarySmtpAddress: "o'brien$(x)@contoso.com",
        emailAddresses: ["SMTP:o'brien$(x)@contoso.com", 'smtp:obrien@contoso.mail.onmicrosoft.com', "X500:/o=First/cn=o'brien"],
        legacyExchangeDN: '/o=ExchangeLabs/cn=Recipients/cn=abc',
        exchangeGuid: '0f6b5deb-8918-4a02-ab4e-75aa300e5c53',
      },
      { primarySmtpAddress: 'zoë@contoso.com', emailAddresses: ['SMTP:zoë@contoso.com'], legacyExchangeDN: '/o=ExchangeLabs/cn=Recipients/cn=def' },
    ]);
  }, 60_000);
});
