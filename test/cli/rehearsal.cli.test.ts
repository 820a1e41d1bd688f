// The seed's whole staged migration, rehearsed on the simulator through the built CLI only: an endpoint,
// three batches started in waves with startAfter, a mailbox that fails once and is retried (fault file),
// users added to a synced batch, and a batch removed at the end, until `plan` reports no changes.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/in-process.js';

const NOW = '2026-12-01T07:00:00Z';
const emails = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}.${i + 1}@contoso.com`);
const csv = (list: string[]) => `EmailAddress,Password,ForceChangePassword\r\n${list.map((e) => `${e},Rehearsal-9x!${e.length},False`).join('\r\n')}\r\n`;

const PLAN = `version: 1
organization: contoso.onmicrosoft.com
endpoints:
  StagedEndpoint:
    type: ExchangeOutlookAnywhere
    autodiscover: true
    emailAddress: administrator@contoso.com
    credentials: {username: CONTOSO\\administrator, passwordEnv: STAGEMIG_ONPREM_PASSWORD}
    maxConcurrentMigrations: 10
    maxConcurrentIncrementalSyncs: 5
batches:
  Wave1:
    endpoint: StagedEndpoint
    csv: wave1.csv
    startAfter: 2026-12-01T09:00:00+01:00
  Wave2:
    endpoint: StagedEndpoint
    csv: wave2.csv
    startAfter: 2026-12-01T14:00:00+01:00
    retryFailed: true
  Wave3:
    endpoint: StagedEndpoint
    csv: wave3.csv
    startAfter: 2026-12-01T20:00:00+01:00
`;

const FAULTS = `# one mailbox of wave 2 fails part-way through its initial sync, once
failMailboxes:
  sales.3@contoso.com:
    failure: remoteServerDelays
    times: 1
`;

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'stagemig-rehearsal-'));
  writeFileSync(join(dir, 'stagemig.yaml'), PLAN);
  writeFileSync(join(dir, 'wave1.csv'), csv(emails('it', 8)));
  writeFileSync(join(dir, 'wave2.csv'), csv(emails('sales', 12)));
  writeFileSync(join(dir, 'wave3.csv'), csv(emails('finance', 6)));
  writeFileSync(join(dir, 'faults.yaml'), FAULTS);
  return dir;
}

describe('a staged migration rehearsed end to end on the simulator', () => {
  it('runs the seed process in waves and converges', async () => {
    const dir = workspace();
    const cli = (...args: string[]) => runCli(args, { cwd: dir, env: { STAGEMIG_NOW: NOW } });

    expect((await cli('validate', 'stagemig.yaml')).exitCode).toBe(0);
    const faults = await cli('simulator', 'faults', 'stagemig.yaml', 'faults.yaml');
    expect(faults.exitCode).toBe(0);
    expect(faults.stdout).toContain('mailbox sales.3@contoso.com fails during sync, the first 1 attempt(s)');

    const plan = await cli('plan', 'stagemig.yaml', '--detailed-exitcode');
    expect(plan.exitCode).toBe(2);
    expect(plan.stdout).toContain("New-MigrationBatch -Name 'Wave1' -SourceEndpoint 'StagedEndpoint' -CSVData (8 rows from 'wave1.csv') -StartAfter '2026-12-01T08:00:00Z'");
    expect(plan.stdout).toContain("-StartAfter '2026-12-01T19:00:00Z'");
    expect(plan.stdout).not.toContain('-AutoStart');

    // Step 3 and 4 of the seed: the endpoint and the batches, which the service starts in waves.
    const first = await cli('apply', 'stagemig.yaml', '--auto-approve', '--wait');
    expect(first.stderr).toBe('');
    expect(first.exitCode).toBe(0);
    const out = first.stdout;
    const started = (b: string) => out.search(new RegExp(`(\\d\\d:\\d\\d) UTC  batch\\.${b}  Waiting -> Syncing`));
    expect(out).toMatch(/08:00 UTC {2}batch\.Wave1 {2}Waiting -> Syncing/);
    expect(out).toMatch(/13:00 UTC {2}batch\.Wave2 {2}Waiting -> Syncing/);
    expect(out).toMatch(/19:00 UTC {2}batch\.Wave3 {2}Waiting -> Syncing/);
    expect(started('Wave1')).toBeLessThan(started('Wave2'));
    expect(started('Wave2')).toBeLessThan(started('Wave3'));
    expect(out).toMatch(/batch\.Wave2 {2}Syncing -> SyncedWithErrors {2}\(11\/12 synced, 1 failed\)/);
    expect(out).toContain("[1/1] batch.Wave2: Start-MigrationBatch -Identity 'Wave2'");
    expect(out).toMatch(/Converged after \S+ of simulated time: every batch is at its desired state\./);

    const status = await cli('status', 'stagemig.yaml', '--users');
    const rows = status.stdout.split('\n').filter((l) => /^ {4}\S+@contoso\.com /.test(l));
    expect(rows).toHaveLength(26);
    expect(rows.filter((l) => !/\sSynced\s/.test(l))).toEqual([]);
    expect(status.stdout).toMatch(/Wave2 +Synced +12 +12 \(100%\) +0 /);

    // More mailboxes for a batch that has synced: appended, then the batch is started again.
    writeFileSync(join(dir, 'wave1.csv'), csv(emails('it', 10)));
    const more = await cli('apply', 'stagemig.yaml', '--auto-approve', '--wait');
    expect(more.exitCode).toBe(0);
    expect(more.stdout).toContain("Set-MigrationBatch -Identity 'Wave1' -AddUsers -CSVData (2 rows from 'wave1.csv')");
    expect(more.stdout).toContain("Start-MigrationBatch -Identity 'Wave1'");
    expect((await cli('status', 'stagemig.yaml')).stdout).toMatch(/Wave1 +Synced +10 +10 \(100%\)/);

    // Step 6 of the seed: once the first wave's mailboxes are converted (recorded now), the next daily sync
    // copies what reached them before, and apply --wait removes the batch then.
    const simulatedNow = JSON.parse(readFileSync(join(dir, '.stagemig', 'simulator.json'), 'utf8')).now as string;
    writeFileSync(join(dir, 'stagemig.yaml'), readFileSync(join(dir, 'stagemig.yaml'), 'utf8').replace('csv: wave1.csv', `csv: wave1.csv\n    state: removed\n    convertedAt: ${simulatedNow}`));
    const removal = await cli('apply', 'stagemig.yaml', '--auto-approve', '--wait');
    expect(removal.exitCode).toBe(0);
    expect(removal.stdout).toContain('Removal held: 10 of its 10 mailboxes have not synced since the conversion');
    expect(removal.stdout).toContain("Remove-MigrationBatch -Identity 'Wave1' -Confirm:$false");
    expect(removal.stdout).toMatch(/batch\.Wave1 {2}Removing -> removed/);

    const last = await cli('plan', 'stagemig.yaml', '--detailed-exitcode');
    expect(last.exitCode).toBe(0);
    expect(last.stdout).toContain('No changes. The migration service matches the plan.');
  }, 120_000);
});
