// `status` and `check` read licences (Microsoft Graph) only when a batch declares `license`, as plan and
// apply do: a plan without it never signs in to Graph, so an admin without the Graph modules can use
// them. They then say that licences were not read, never that none are missing. In-process on the
// simulator; the debug log of service calls shows whether licences were read.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExample } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';
import { schemaErrors } from '../helpers/json-schema.js';

const PLAN = 'stagemig.yaml';
const env = { STAGEMIG_NOW: '2026-11-25T09:00:00Z', STAGEMIG_LOG: 'debug' };
const NOT_READ = 'Licences: not read (no batch declares `license`, so stagemig does not sign in to Microsoft Graph); migrated mailboxes may still be unlicensed';

async function run(cwd: string, ...args: string[]) {
  const r = await runCli(args, { cwd, env });
  return { ...r, licenceReads: r.stderr.split('\n').filter((l) => l.includes('debug backend.readLicensing')).length };
}

/** The example, applied and synced: every mailbox of StagedBatch1 and StagedBatch2 is migrated (and unlicensed). */
async function synced(): Promise<string> {
  const cwd = copyExample();
  expect((await runCli(['apply', PLAN, '--auto-approve', '--wait'], { cwd, env: { STAGEMIG_NOW: env.STAGEMIG_NOW } })).exitCode).toBe(0);
  return cwd;
}

const declareLicence = (cwd: string) => {
  const path = join(cwd, PLAN);
  writeFileSync(path, readFileSync(path, 'utf8').replace('    csv: batches/wave1-it-pilot.csv\n', '    csv: batches/wave1-it-pilot.csv\n    license: {skuPartNumber: ENTERPRISEPACK, usageLocation: DE}\n'));
};

describe('status and check read licences only when the plan assigns them', () => {
  it('status of a plan without `license`: not read, and it says so in every format', async () => {
    const cwd = await synced();
    const human = await run(cwd, 'status', PLAN);
    expect(human.exitCode, human.stderr).toBe(0);
    expect(human.licenceReads).toBe(0);
    expect(human.stdout).toContain(NOT_READ);
    expect(human.stdout).not.toMatch(/Licences: (no|\d+) migrated mailbox/);
    const json = await run(cwd, 'status', PLAN, '--format', 'json');
    const doc = JSON.parse(json.stdout) as { format_version: string; journey: { licenses: unknown; licenses_not_read: string | null } };
    expect(doc.journey).toMatchObject({ licenses: null, licenses_not_read: 'no-license-declared' });
    expect(json.licenceReads).toBe(0);
    expect((await run(cwd, 'status', PLAN, '--format', 'markdown')).stdout).toContain(NOT_READ.replaceAll('`', '\\`'));
    expect((await run(cwd, 'status', PLAN, '--format', 'html')).stdout).toContain(`<p class="licences">${NOT_READ}`);
  });

  it('check of a plan without `license`: the licence check is listed as not made, with no Graph read', async () => {
    const cwd = await synced();
    const human = await run(cwd, 'check', PLAN);
    expect(human.licenceReads).toBe(0);
    expect(human.stdout).toMatch(/Licences of migrated mailboxes \(30-day grace\)\n {2}skip {2}no batch declares `license`, so licences were not read/);
    expect(human.stdout).toContain('Not checked: licences of migrated mailboxes (30-day grace).');
    expect(human.stdout).not.toContain('every migrated mailbox is licensed');
    const json = await run(cwd, 'check', PLAN, '--format', 'json');
    const doc = JSON.parse(json.stdout) as { service_calls: number; findings: Array<{ check: string }>; skipped: Array<{ check: string; summary: string }> };
    expect(schemaErrors('check', doc)).toEqual([]);
    expect(doc.findings.map((f) => f.check)).not.toContain('licenses');
    expect(doc.skipped).toEqual([expect.objectContaining({ check: 'licenses', summary: expect.stringMatching(/^no batch declares `license`/) })]);
    const md = await run(cwd, 'check', PLAN, '--format', 'markdown');
    expect(md.stdout).toContain('Not checked: Licences of migrated mailboxes (30-day grace): no batch declares \\`license\\`');
    // With a licence declared, both read licences (two Graph reads for check) and report on them.
    declareLicence(cwd);
    const withLicence = await run(cwd, 'check', PLAN, '--format', 'json');
    const licensed = JSON.parse(withLicence.stdout) as typeof doc;
    expect(withLicence.licenceReads).toBe(1);
    expect(licensed.skipped).toEqual([]);
    expect(licensed.findings.filter((f) => f.check === 'licenses')).toHaveLength(1);
    expect(licensed.service_calls).toBe(doc.service_calls + 2);
    const status = await run(cwd, 'status', PLAN);
    expect(status.licenceReads).toBe(1);
    expect(status.stdout).toContain('Licences: 20 migrated mailboxes are unlicensed');
    expect(status.stdout).not.toContain('Licences: not read');
  });
});
