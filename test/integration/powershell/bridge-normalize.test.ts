// The bridge's normalisation (powershell/bridge/normalize.ps1) in real pwsh, on the shapes Exchange
// Online may send (facts §9): enum wrappers and plain strings, DateTime kinds, /Date()/ and ISO text,
// Unlimited values, nested identities — under a culture that formats dates and numbers differently.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAS_PWSH, PWSH } from './pwsh.js';
import { ROOT } from './workspace.js';

const SCRIPT = String.raw`
$ErrorActionPreference = 'Stop'
[System.Threading.Thread]::CurrentThread.CurrentCulture = 'de-DE'
. (Join-Path $env:BRIDGE_DIR 'json.ps1')
. (Join-Path $env:BRIDGE_DIR 'normalize.ps1')
. (Join-Path $env:BRIDGE_DIR 'normalize-users.ps1')
$utc = [datetime]::SpecifyKind([datetime]'2026-03-02T09:15:30', 'Utc')
$endpointId = [pscustomobject]@{ Id = 'EP ''ü'' $(x)'; Guid = [guid]::NewGuid() } | Add-Member -MemberType ScriptMethod -Name ToString -Value { 'not-the-name' } -Force -PassThru
$batch = [pscustomobject]@{
    Identity = [pscustomobject]@{ Name = 'Wave;1'; JobId = [guid]::Empty; Id = '00000000-0000-0000-0000-000000000000' }
    Status = [pscustomobject]@{ Value = 'SyncedWithErrors' }
    SourceEndpoint = [pscustomobject]@{ Identity = $endpointId }
    NotificationEmails = @('a@contoso.com', 'b@contoso.com')
    TotalCount = 3; ActiveCount = 0; SyncedCount = 2; FailedCount = 1; StoppedCount = $null; PendingCount = 0; ProvisionedCount = 3
    CreationDateTime = [datetime]'2026-03-02T01:15:30'; CreationDateTimeUTC = $utc
    StartDateTimeUTC = '/Date(1772442930000)/'
    InitialSyncDateTimeUTC = [DateTimeOffset]::new(2026, 3, 2, 11, 15, 30, 250, [TimeSpan]::FromHours(2))
    LastSyncedDateTimeUTC = [datetime]::SpecifyKind([datetime]'2026-03-02T09:15:30', 'Unspecified')
    StartAfterUTC = '2026-03-02T09:15:30Z'
    DataConsistencyScore = 'Perfect'
    ValidationWarnings = @([pscustomobject]@{ RowIndex = 2 } | Add-Member -MemberType ScriptMethod -Name ToString -Value { 'Row:2, EmailAddress:x@y.z, Error:E' } -Force -PassThru)
}
$endpoint = [pscustomobject]@{
    Identity = $endpointId; EndpointType = [System.DayOfWeek]::Monday; UseAutoDiscover = $true
    ExchangeServer = ''; RpcProxyServer = 'mail.contoso.com'; Username = 'CONTOSO\admin'; Authentication = 'Ntlm'
    MaxConcurrentMigrations = '300'; MaxConcurrentIncrementalSyncs = [pscustomobject]@{ IsUnlimited = $true; Value = $null }
}
$user = [pscustomobject]@{
    Identity = [pscustomobject]@{ Id = 'zoë@contoso.com' }; EmailAddress = $null
    BatchId = 'Wave;1'; Status = [pscustomobject]@{ Value = 'Synced' }; SyncedItemCount = [long]12345678901; SkippedItemCount = 0
    LastSuccessfulSyncTime = [datetime]::SpecifyKind([datetime]'2026-03-02T09:15:30', 'Local'); ErrorSummary = ''
}
$batch2 = [pscustomobject]@{
    Identity = 'Wave 2'; Status = 11; NotificationEmails = @([pscustomobject]@{ Address = 'team@contoso.com'; Local = 'team'; Domain = 'contoso.com' })
}
$endpoint2 = [pscustomobject]@{
    Identity = 'EP2'; EndpointType = 4; UseAutoDiscover = $false; Authentication = [pscustomobject]@{ value = 2 }
    MaxConcurrentMigrations = [pscustomobject]@{ IsUnlimited = $false; Value = 20 }; MaxConcurrentIncrementalSyncs = 'Unlimited'
}
$user2 = [pscustomobject]@{
    Identity = 'ann@contoso.com/0f8e6c1a-3b9d-4c2e-8a7f-5d4b3c2a1e0f'; EmailAddress = [pscustomobject]@{ Address = 'ann@contoso.com' }
    BatchId = 'Wave 2'; Status = 3; SyncedItemCount = 1; SkippedItemCount = 0
}
ConvertTo-BridgeJson @{
    batch = ConvertTo-BridgeBatch $batch; endpoint = ConvertTo-BridgeEndpoint $endpoint; user = ConvertTo-BridgeUser $user
    batch2 = ConvertTo-BridgeBatch $batch2; endpoint2 = ConvertTo-BridgeEndpoint $endpoint2; user2 = ConvertTo-BridgeUser $user2
}
`;

describe.runIf(HAS_PWSH)('bridge normalisation in real PowerShell', () => {
  const out = () => {
    const dir = mkdtempSync(join(tmpdir(), 'stagemig-norm-'));
    const file = join(dir, 'normalize.ps1');
    writeFileSync(file, SCRIPT);
    const text = execFileSync(PWSH!.command, ['-NoProfile', '-NonInteractive', '-File', file], {
      encoding: 'utf8', env: { ...process.env, BRIDGE_DIR: join(ROOT, 'powershell', 'bridge'), TZ: 'America/New_York' },
    });
    rmSync(dir, { recursive: true, force: true });
    return JSON.parse(text) as Record<string, Record<string, unknown>>;
  };
  let result: Record<string, Record<string, unknown>>;

  it('projects a batch: names from nested identities, enum wrappers, UTC dates only from *UTC', () => {
    result = out();
    expect(result.batch).toEqual({
      name: 'Wave;1', status: 'SyncedWithErrors', endpoint: "EP 'ü' $(x)", notificationEmails: ['a@contoso.com', 'b@contoso.com'],
      totalCount: 3, activeCount: 0, syncedCount: 2, failedCount: 1, stoppedCount: 0, pendingCount: 0, provisionedCount: 3,
      creationDateTime: '2026-03-02T09:15:30Z', startDateTime: '2026-03-02T09:15:30Z', initialSyncDateTime: '2026-03-02T09:15:30.250Z',
      lastSyncedDateTime: '2026-03-02T09:15:30Z', startAfter: '2026-03-02T09:15:30Z', dataConsistencyScore: 'Perfect',
      validationWarnings: ['Row:2, EmailAddress:x@y.z, Error:E'],
    });
  }, 60_000);

  it('projects an endpoint: enums to names, Unlimited values, empty text as null', () => {
    expect(result.endpoint).toEqual({
      name: "EP 'ü' $(x)", type: 'Monday', autodiscover: true, exchangeServer: null, rpcProxyServer: 'mail.contoso.com',
      username: 'CONTOSO\\admin', authentication: 'Ntlm', maxConcurrentMigrations: 300, maxConcurrentIncrementalSyncs: 'Unlimited',
    });
  });

  it('projects a user: address from the identity, 64-bit counts, a Local time converted to UTC', () => {
    expect(result.user).toMatchObject({
      email: 'zoë@contoso.com', batch: 'Wave;1', status: 'Synced', syncedItemCount: 12345678901, skippedItemCount: 0, errorSummary: null,
    });
    expect(result.user!.lastSuccessfulSyncTime).toMatch(/^2026-03-02T1[34]:15:30Z$/);
  });

  it('passes other shapes on for stagemig to read: numeric enums, Unlimited objects, address objects, address/MailboxGuid', () => {
    expect(result.batch2).toMatchObject({ name: 'Wave 2', status: 11, notificationEmails: ['team@contoso.com'] });
    expect(result.endpoint2).toMatchObject({ type: 4, authentication: 2, maxConcurrentMigrations: 20, maxConcurrentIncrementalSyncs: 'Unlimited' });
    expect(result.user2).toMatchObject({ email: 'ann@contoso.com', identity: 'ann@contoso.com/0f8e6c1a-3b9d-4c2e-8a7f-5d4b3c2a1e0f', status: 3 });
  });
});
