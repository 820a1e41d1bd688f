import { describe, expect, it } from 'vitest';
import { createExchangeOnlineBackend, type ExchangeOnlineOptions } from '../../../src/backends/powershell/index.js';
import { StagemigError } from '../../../src/diag/index.js';
import { fail, fakeBridge, healthy, ok, type Handler } from './fake-bridge.js';

const THROTTLED = 'You have reached the maximum number of concurrent requests per tenant. Please wait and try again.';
const ENV = { PATH: '/usr/bin', EXO_CERT_PASSWORD: 'cert-secret', STAGEMIG_ONPREM_PASSWORD: 'onprem-secret' };

function open(handler: Handler, over: Partial<ExchangeOnlineOptions> = {}) {
  const fake = fakeBridge(handler);
  const sleeps: number[] = [];
  const backend = createExchangeOnlineBackend({
    config: {
      type: 'exchange-online', appId: '11111111-2222-3333-4444-555555555555',
      certificateFile: '/plans/app.pfx', certificatePasswordEnv: 'EXO_CERT_PASSWORD',
    },
    organization: 'contoso.onmicrosoft.com',
    env: ENV,
    spawn: fake.spawn,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...over,
  });
  return { fake, backend, sleeps };
}

async function diagnostics(p: Promise<unknown>) {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(StagemigError);
  return (err as StagemigError).diagnostics;
}

describe('exchange-online backend session', () => {
  it('never copies a passwordEnv into pwsh, even one named with an allowed prefix (LC_, DOTNET_, POWERSHELL_, XDG_)', async () => {
    const env = { ...ENV, LC_ONPREM: 'lc-secret', DOTNET_PW: 'dotnet-secret', POWERSHELL_PW: 'ps-secret', XDG_PW: 'xdg-secret', LC_ALL: 'C.UTF-8' };
    const { fake, backend } = open(healthy(), { env, secretEnvNames: ['LC_ONPREM', 'DOTNET_PW', 'POWERSHELL_PW', 'xdg_pw'] });
    await (await backend).close();
    const spawned = fake.state.spawned!;
    expect(JSON.stringify(spawned.env)).not.toMatch(/lc-secret|dotnet-secret|ps-secret|xdg-secret/);
    expect(spawned.env).toMatchObject({ LC_ALL: 'C.UTF-8' });
  });

  it('starts one pwsh with the bridge, imports the module and connects once; secrets only in requests', async () => {
    const { fake, backend } = open(healthy());
    await (await backend).close();
    const spawned = fake.state.spawned!;
    expect(spawned.args.slice(0, 4)).toEqual(['-NoLogo', '-NoProfile', '-NonInteractive', '-ExecutionPolicy']);
    expect(spawned.args.at(-1)).toMatch(/powershell[\\/]bridge\.ps1$/);
    expect(JSON.stringify([spawned.args, spawned.env])).not.toMatch(/cert-secret|onprem-secret/);
    expect(fake.cmdlets()).toEqual(['Import-Module', 'Connect-ExchangeOnline', 'Disconnect-ExchangeOnline']);
    expect(fake.calls[0]!.parameters).toEqual({ Name: 'ExchangeOnlineManagement' });
    expect(fake.calls[1]!.parameters).toMatchObject({ CertificatePassword: { secureString: 'cert-secret' }, ShowBanner: false });
    expect(fake.calls[2]!.parameters).toEqual({ Confirm: false });
    expect(fake.state.ended).toBe(true);
  });

  it('reads with four calls (the cloud mailboxes too), -ResultSize Unlimited where it exists, and never an -Identity', async () => {
    const { fake, backend } = open(healthy({
      'Get-MigrationUser': [{ email: 'a@x.com', batch: 'B', status: 'Synced', syncedItemCount: 1, skippedItemCount: 0 }],
      'Get-Mailbox': [{ primarySmtpAddress: 'gone@x.com', emailAddresses: ['SMTP:gone@x.com', 'smtp:alias@x.com', 'X500:/o=x'], legacyExchangeDN: '/o=x/cn=gone' }],
    }));
    const b = await backend;
    const live = await b.readLive();
    expect(live.users).toHaveLength(1);
    // A mailbox migrated before, whose migration record is gone, is known as provisioned.
    expect(live.mailboxes).toEqual(['gone@x.com', 'gone@x.com', 'alias@x.com']);
    const reads = fake.calls.filter((c) => c.cmdlet.startsWith('Get-'));
    expect(reads).toEqual([
      { cmdlet: 'Get-MigrationEndpoint', parameters: {} },
      { cmdlet: 'Get-MigrationBatch', parameters: { ResultSize: 'Unlimited' } },
      { cmdlet: 'Get-MigrationUser', parameters: { ResultSize: 'Unlimited' } },
      { cmdlet: 'Get-Mailbox', parameters: { ResultSize: 'Unlimited' } },
    ]);
    await b.close();
  });

  it('reads the cloud mailboxes once for a live read and the conversion that follows, again after a write', async () => {
    const mailbox = { primarySmtpAddress: 'gone@x.com', emailAddresses: ['SMTP:gone@x.com'], legacyExchangeDN: '/o=x/cn=gone' };
    const { fake, backend } = open(healthy({ 'Get-Mailbox': [mailbox] }, () => ok()));
    const b = await backend;
    await b.readLive();
    const first = await b.readMailboxes!();
    const count = () => fake.calls.filter((c) => c.cmdlet === 'Get-Mailbox').length;
    expect(count()).toBe(1);
    expect(first.map((m) => m.primarySmtpAddress)).toEqual(['gone@x.com']);
    await b.run({ cmdlet: 'Start-MigrationBatch', parameters: { Identity: 'B' } } as never);
    expect(await b.readMailboxes!()).toEqual(first);
    expect(count(), 'a write since the live read: the mailboxes are read again').toBe(2);
    await b.close();
  });

  it('reports a failed read as an error with the service text and a hint, never as "absent"', async () => {
    const { backend } = open(healthy({}, () => ok()));
    const b = await backend;
    const failing = open((c) => (c.cmdlet === 'Get-MigrationBatch' ? fail('The operation timed out.') : healthy()(c)));
    const d = await diagnostics((await failing.backend).readLive());
    expect(d[0]).toMatchObject({ code: 'BACKEND_FAILED', summary: 'Get-MigrationBatch failed', detail: 'The operation timed out.' });
    expect(d[0]!.hint).toMatch(/nothing was planned or changed/);
    await b.close();
  });

  it('turns a missing read cmdlet into a permission diagnostic', async () => {
    const notImported = "The term 'Get-MigrationUser' is not recognized as a name of a cmdlet, function, script file, or executable program.";
    const { backend } = open((c) => (c.cmdlet === 'Get-MigrationUser' ? fail(notImported, 'System.Management.Automation.CommandNotFoundException') : healthy()(c)));
    const d = await diagnostics((await backend).readLive());
    expect(d).toHaveLength(1);
    expect(d[0]!.summary).toBe('Not allowed to run Get-MigrationUser in Exchange Online');
    expect(d[0]!.hint).toMatch(/Exchange\.ManageAsApp/);
  });

  it('refuses a truncated read and values of no known shape', async () => {
    const warning = 'By default, only the first 1000 items are returned. Use the ResultSize parameter ...';
    const truncated = open((c) => (c.cmdlet === 'Get-MigrationUser' ? ok([], [warning]) : healthy()(c)));
    expect((await diagnostics((await truncated.backend).readLive()))[0]!.summary).toMatch(/does not understand/);
    const odd = open(healthy({ 'Get-MigrationBatch': [{ name: 'B', status: 7, notificationEmails: [{ Display: 'x' }] }] }));
    expect((await diagnostics((await odd.backend).readLive()))[0]!.detail).toMatch(/"notificationEmails" is not a list of addresses/);
    // An unknown status is not an error: that batch is reported unknown and the rest reads as usual.
    const paused = open(healthy({ 'Get-MigrationBatch': [{ name: 'B', status: 'Paused' }, { name: 'C', status: 'Synced' }] }));
    const live = await (await paused.backend).readLive();
    expect(live.batches.map((b) => b.name)).toEqual(['C']);
    expect(live.unknown).toEqual([{ kind: 'batch', name: 'B', status: 'Paused' }]);
  });

  it('returns service refusals of writes with the service text; retries throttling with backoff', async () => {
    let throttles = 2;
    const { fake, backend, sleeps } = open(healthy({}, (c) => {
      if (c.cmdlet === 'Start-MigrationBatch') return fail('The migration batch has already started.');
      if (throttles-- > 0) return fail(THROTTLED);
      return ok(null, ["The migration batch 'B' has validation warnings and won't be started automatically."]);
    }));
    const b = await backend;
    expect(await b.run({ cmdlet: 'Start-MigrationBatch', parameters: { Identity: 'B' } }))
      .toEqual({ ok: false, error: 'The migration batch has already started.' });
    expect(sleeps).toEqual([]);
    const r = await b.run({ cmdlet: 'New-MigrationBatch', parameters: { Name: 'B', CSVData: { bytes: 'QQ==' }, AutoStart: true } });
    expect(r).toEqual({ ok: true, warnings: ["The migration batch 'B' has validation warnings and won't be started automatically."] });
    expect(sleeps).toEqual([2000, 4000]);
    expect(fake.cmdlets().filter((c) => c === 'New-MigrationBatch')).toHaveLength(3);
  });

  it('runs only the write cmdlets stagemig emits', async () => {
    const { fake, backend } = open(healthy());
    const b = await backend;
    const r = await b.run({ cmdlet: 'Complete-MigrationBatch' as never, parameters: { Identity: 'B' } });
    expect(r).toEqual({ ok: false, error: 'stagemig does not run Complete-MigrationBatch' });
    expect(fake.cmdlets()).not.toContain('Complete-MigrationBatch');
  });
});

describe('exchange-online backend start-up failures: one diagnostic each', () => {
  it('pwsh is not installed', async () => {
    const fake = fakeBridge(healthy(), { missing: true });
    const d = await diagnostics(open(healthy(), { spawn: fake.spawn }).backend);
    expect(d).toEqual([expect.objectContaining({ summary: 'PowerShell 7 (pwsh) was not found' })]);
  });

  it('the module is not installed', async () => {
    const text = "The specified module 'ExchangeOnlineManagement' was not loaded because no valid module file was found in any module directory.";
    const { fake, backend } = open((c) => (c.cmdlet === 'Import-Module' ? fail(text, 'System.IO.FileNotFoundException') : ok()));
    const d = await diagnostics(backend);
    expect(d).toEqual([expect.objectContaining({ summary: 'The PowerShell module ExchangeOnlineManagement is not installed', detail: text })]);
    expect(d[0]!.hint).toContain('Install-Module ExchangeOnlineManagement -Scope CurrentUser');
    expect(fake.cmdlets()).toEqual(['Import-Module']);
    expect(fake.state.ended).toBe(true);
  });

  it('the connection fails: no disconnect, the process ends, the hint names the password variable', async () => {
    const text = 'The certificate data cannot be read with the provided password, the password may be incorrect.';
    const { fake, backend } = open((c) => (c.cmdlet === 'Connect-ExchangeOnline' ? fail(text) : ok()));
    const d = await diagnostics(backend);
    expect(d).toEqual([expect.objectContaining({ summary: 'Could not connect to Exchange Online for contoso.onmicrosoft.com', detail: text })]);
    expect(d[0]!.hint).toContain('EXO_CERT_PASSWORD');
    expect(fake.cmdlets()).toEqual(['Import-Module', 'Connect-ExchangeOnline']);
    expect(fake.state.ended).toBe(true);
  });

  it('PowerShell dies in the middle of a call', async () => {
    const { backend } = open((c) => (c.cmdlet === 'Get-MigrationBatch' ? 'die' : healthy()(c)));
    const d = await diagnostics((await backend).readLive());
    expect(d[0]!.summary).toBe('PowerShell ended unexpectedly while running Get-MigrationBatch');
  });
});
