// The whole seed on the simulator, as an admin walks it: create and sync (steps 3-4), convert with the
// generated script run in real pwsh against the Exchange 2007 stand-in (step 5), record the conversion
// and the MX switch, the removal gates hold and then open at the right simulated times (step 6),
// licences (step 7), removal, and the post-migration list (step 8). The CLI runs in-process.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/in-process.js';
import { HAS_PWSH } from './pwsh.js';
import { onPremRecipients, runConversionScript, WAVES, walkPlanYaml, writeOnPremDirectory, writeWaveCsvs } from './seed-walk-fixture.js';

const NOW = '2026-12-01T08:00:00Z';


const stepLines = (stdout: string) => stdout.split('\n').filter((l) => /^\s+\d+\. /.test(l)).map((l) => l.trim().replace(/^\d+\. /, ''));

describe.runIf(HAS_PWSH)('the whole seed, walked on the simulator', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stagemig-walk-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const cli = (...args: string[]) => runCli(args, { cwd: dir, env: { STAGEMIG_NOW: NOW } });
  const simNow = () => (JSON.parse(readFileSync(join(dir, '.stagemig', 'simulator.json'), 'utf8')) as { now: string }).now;
  const hours = (iso: string, h: number) => new Date(Date.parse(iso) + h * 3_600_000).toISOString().replace(/\.000Z$/, 'Z');

  it('creates, syncs, converts, gates, licenses, removes and lists what is left', async () => {
    writeWaveCsvs(dir);
    writeFileSync(join(dir, 'stagemig.yaml'), walkPlanYaml([]));

    // Steps 3-4: endpoint and batches; the service syncs them.
    expect((await cli('apply', 'stagemig.yaml', '--auto-approve')).exitCode).toBe(0);
    expect((await cli('status', 'stagemig.yaml')).stdout).toMatch(/Wave1 +(created|migrating) /);
    expect((await cli('simulator', 'advance', 'stagemig.yaml', '6h')).exitCode).toBe(0);
    let status = await cli('status', 'stagemig.yaml');
    expect(status.stdout).toMatch(/Wave1 +synced +convert the on-premises mailboxes \(seed step 5\): stagemig convert stagemig\.yaml --batch Wave1/);
    expect(status.stdout).toContain('Licences: 5 migrated mailboxes are unlicensed');

    // Step 7 can start as soon as a mailbox is Synced: apply assigns the declared licence.
    const lic = await cli('apply', 'stagemig.yaml', '--auto-approve');
    expect(lic.exitCode).toBe(0);
    expect(lic.stdout).toContain("Set-MgUserLicense -UserId 'ann@contoso.com' -AddLicenses @(@{SkuId='6fd2c87f-b296-42f0-b197-1e91e994b900'}) -RemoveLicenses @()");

    // Step 5: the conversion files for each batch, and the script run on "premises" (the Exchange 2007 stand-in).
    writeOnPremDirectory(dir, Object.values(WAVES).flat());
    for (const name of Object.keys(WAVES)) {
      const convert = await cli('convert', 'stagemig.yaml', '--batch', name, '--out', `convert-${name}`);
      expect(convert.exitCode, convert.stderr).toBe(0);
      const run = runConversionScript(dir, `convert-${name}`);
      expect(run.status, run.stdout + run.stderr).toBe(0);
    }
    const onPrem = onPremRecipients(dir);
    expect(onPrem.map((r) => r.type)).toEqual(['MailUser', 'MailUser', 'MailUser', 'MailUser', 'MailUser']);
    expect(onPrem[0]!.externalEmailAddress).toMatch(/^(SMTP:)?ann@contoso\.mail\.onmicrosoft\.com$/);

    // Record the conversion (now) and the MX switch (now), and ask for the batches' removal.
    const converted = simNow();
    writeFileSync(join(dir, 'stagemig.yaml'), walkPlanYaml([], {
      top: ['cutover:', `  mxSwitchedAt: ${converted}`],
      batch: { Wave1: ['state: removed', `convertedAt: ${converted}`], Wave2: ['state: removed', `convertedAt: ${converted}`] },
    }));
    // Gates hold: no mailbox has synced since the conversion, and the MX switch is recent.
    let plan = await cli('plan', 'stagemig.yaml', '--detailed-exitcode');
    expect(plan.exitCode).toBe(2);
    expect(stepLines(plan.stdout)).toEqual([]);
    expect(plan.stdout).toContain('note: Removal held: 3 of its 3 mailboxes have not synced since the conversion');
    expect(plan.stdout).toContain(`note: Removal held: the MX switch at ${converted.slice(0, 10)} ${converted.slice(11, 16)} UTC is less than 72 h ago; opens ${hours(converted, 72).slice(0, 10)} ${hours(converted, 72).slice(11, 16)} UTC.`);
    expect((await cli('apply', 'stagemig.yaml', '--auto-approve')).stdout).not.toContain('Remove-MigrationBatch');
    status = await cli('status', 'stagemig.yaml');
    expect(status.stdout).toMatch(/Wave1 +licensed +stagemig apply removes it once the gates open +3 of its 3 mailboxes have not synced since the conversion .*; the MX switch at/);

    // A day later every mailbox has synced again; only the MX wait holds, until exactly 72 hours.
    expect((await cli('simulator', 'advance', 'stagemig.yaml', '25h')).exitCode).toBe(0);
    plan = await cli('plan', 'stagemig.yaml');
    expect(plan.stdout).not.toContain('have not synced since the conversion');
    expect(plan.stdout).toContain('is less than 72 h ago');
    expect((await cli('simulator', 'advance', 'stagemig.yaml', '46h59m')).exitCode).toBe(0);
    expect(stepLines((await cli('plan', 'stagemig.yaml')).stdout)).toEqual([]);
    expect((await cli('simulator', 'advance', 'stagemig.yaml', '1m')).exitCode).toBe(0);
    plan = await cli('plan', 'stagemig.yaml');
    expect(stepLines(plan.stdout).map((l) => l.replace(/\s+#.*$/, ''))).toEqual([
      "Remove-MigrationBatch -Identity 'Wave1' -Confirm:$false", "Remove-MigrationBatch -Identity 'Wave2' -Confirm:$false",
    ]);
    expect((await cli('apply', 'stagemig.yaml', '--auto-approve', '--wait')).exitCode).toBe(0);

    // Step 8: every batch is removed; MX and Autodiscover move (the simulated tenant's DNS), the endpoint goes.
    status = await cli('status', 'stagemig.yaml');
    expect(status.exitCode).toBe(0);
    expect(status.stdout).toContain('Every batch is removed. Post-migration (seed step 8):');
    expect(status.stdout).toMatch(/Autodiscover for contoso\.com +to do +CNAME autodiscover\.contoso\.com → autodiscover\.outlook\.com \(now: autodiscover\.contoso\.com\)/);
    expect(status.stdout).toMatch(/Migration endpoints +to do +set `state: removed` on StagedEndpoint/);
    writeFileSync(join(dir, 'dns.yaml'), 'dns:\n  contoso.com: {mx: [contoso-com.mail.protection.outlook.com], autodiscover: autodiscover.outlook.com}\n');
    expect((await cli('simulator', 'faults', 'stagemig.yaml', 'dns.yaml')).exitCode).toBe(0);
    writeFileSync(join(dir, 'stagemig.yaml'), walkPlanYaml([], { top: ['cutover:', `  mxSwitchedAt: ${converted}`], endpoint: ['    state: removed', '    protect: false'],
      batch: { Wave1: ['state: removed', `convertedAt: ${converted}`], Wave2: ['state: removed', `convertedAt: ${converted}`] } }));
    expect((await cli('apply', 'stagemig.yaml', '--auto-approve')).exitCode).toBe(0);
    status = await cli('status', 'stagemig.yaml');
    expect(status.stdout).toMatch(/Autodiscover for contoso\.com +done /);
    expect(status.stdout).toMatch(/MX for contoso\.com +done /);
    expect(status.stdout).toMatch(/Migration endpoints +done +none left/);
    expect(status.stdout).toMatch(/Decommission on-premises Exchange +unknown/);
    expect((await cli('plan', 'stagemig.yaml', '--detailed-exitcode')).exitCode).toBe(0);
  }, 180_000);
});
