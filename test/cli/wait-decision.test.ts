// `apply --wait` when what is left needs the admin (a decision, a YAML edit) or is a status stagemig
// does not know: waiting never resolves it, so the wait stops at the first read with the message that
// says what is needed (exit 1), instead of reading the service again and again (on a tenant: sleeping
// between reads; on the simulator: moving its clock on). Reads are counted in the debug log of service
// calls; sleeps with the injected sleep.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExample } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';

const PLAN = 'stagemig.yaml';
const env = { STAGEMIG_NOW: '2026-12-01T07:00:00Z' };
const STATE = join('.stagemig', 'simulator.json');

/** The example, applied and waited for until every batch is at its state. */
async function converged(): Promise<string> {
  const cwd = copyExample();
  const r = await runCli(['apply', PLAN, '--auto-approve', '--wait'], { cwd, env });
  expect(r.exitCode, r.stdout).toBe(0);
  return cwd;
}

/** apply --wait with the debug log on: its output, the service reads it made and the sleeps it asked for. */
async function applyWait(cwd: string) {
  let sleeps = 0;
  const r = await runCli(['apply', PLAN, '--auto-approve', '--wait'], { cwd, env: { ...env, STAGEMIG_LOG: 'debug' }, sleep: async () => void sleeps++ });
  const reads = r.stderr.split('\n').filter((l) => l.includes('debug backend.readLive')).length;
  return { ...r, reads, sleeps };
}

const simulatedNow = (cwd: string): string => (JSON.parse(readFileSync(join(cwd, STATE), 'utf8')) as { now: string }).now;
const edit = (cwd: string, file: string, change: (text: string) => string) => writeFileSync(join(cwd, file), change(readFileSync(join(cwd, file), 'utf8')));

describe('apply --wait stops at once when what is left needs your decision', () => {
  it('an already-migrated mailbox listed in another batch: one read, no sleep, the clock untouched, the decision named, exit 1', async () => {
    const cwd = await converged();
    // annb@ was migrated by StagedBatch1; the CSVs now list it in StagedBatch2: a move that never happens.
    edit(cwd, 'batches/wave1-it-pilot.csv', (t) => t.replace('annb@contoso.com\r\n', ''));
    edit(cwd, 'batches/wave2-sales.csv', (t) => `${t}annb@contoso.com,Welcome-2026!z,True\r\n`);
    const before = simulatedNow(cwd);
    const r = await applyWait(cwd);
    expect(r.stdout).toContain('Nothing can be run now: the remaining changes wait on your decision (see the notes).');
    // The plan's read, then one read of the wait: it stops there.
    expect(r.reads).toBe(2);
    expect(r.sleeps).toBe(0);
    expect(simulatedNow(cwd)).toBe(before);
    expect(r.stdout).toContain('Stopped waiting: the plan still waits on something that will not change by itself:');
    expect(r.stdout).toMatch(/ {2}batch\.StagedBatch2 needs your decision: 1 mailbox is already migrated \(a cloud mailbox exists\)/);
    expect(r.stdout).toMatch(/ {2}batch\.StagedBatch1 needs your decision: 1 mailbox is already migrated .*stay in this one\.\)/);
    expect(r.stdout).toContain('Make the decision the notes describe (usually a YAML or CSV edit), then run `stagemig apply` again.');
    expect(r.stdout).not.toContain('no progress lately');
    expect(r.exitCode).toBe(1);
  });

  it('a removal held until the YAML records the conversion: stops at the first read, naming the gate', async () => {
    const cwd = await converged();
    edit(cwd, PLAN, (t) => t.replace('csv: batches/wave1-it-pilot.csv\n    state: started', 'csv: batches/wave1-it-pilot.csv\n    state: removed'));
    const before = simulatedNow(cwd);
    const r = await applyWait(cwd);
    expect(r.reads).toBe(2);
    expect(r.sleeps).toBe(0);
    expect(simulatedNow(cwd)).toBe(before);
    expect(r.stdout).toMatch(/batch\.StagedBatch1 is held by a removal gate that will not open by itself: Removal held: the conversion of its on-premises mailboxes to mail-enabled users is not recorded; opens once `convertedAt` is set/);
    expect(r.exitCode).toBe(1);
  });

  it('a batch the service still moves is followed until it gets there, then the wait stops at that read', async () => {
    const cwd = await converged();
    // A new wave lists a mailbox StagedBatch1 migrated (a decision) and one new mailbox (the service syncs it).
    edit(cwd, 'batches/wave1-it-pilot.csv', (t) => t.replace('annb@contoso.com\r\n', ''));
    edit(cwd, PLAN, (t) => `${t}\n  StagedBatch4:\n    endpoint: StagedEndpoint\n    csv: batches/wave4.csv\n`);
    writeFileSync(join(cwd, 'batches/wave4.csv'), 'EmailAddress\nannb@contoso.com\nnew.hire@contoso.com\n');
    const r = await applyWait(cwd);
    expect(r.exitCode).toBe(1);
    const lines = r.stdout.split('\n');
    const synced = lines.findIndex((l) => /batch\.StagedBatch4 {2}\S+ -> Synced/.test(l));
    expect(synced, r.stdout).toBeGreaterThan(0);
    expect(lines.some((l) => /batch\.StagedBatch4 {2}Syncing/.test(l) || /StagedBatch4 {2}Starting/.test(l))).toBe(true);
    // Nothing read after the read that found it Synced: no further progress line, straight to the decision.
    const stamp = (l: string) => /^(\d{4}-\d\d-\d\d \d\d:\d\d UTC)/.exec(l)?.[1];
    const last = lines.map(stamp).filter((s): s is string => s !== undefined).at(-1);
    expect(last).toBe(stamp(lines[synced]!));
    expect(r.stdout).toMatch(/batch\.StagedBatch4 needs your decision: 1 mailbox is already migrated/);
    expect(r.stdout).toContain('Some changes need your decision (see the notes above): they will not change by themselves.');
    expect(r.sleeps).toBe(0);
  });
});
