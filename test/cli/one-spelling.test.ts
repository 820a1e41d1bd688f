// One address, one spelling (issue 8 part 7), through the built CLI on the simulator: a CSV re-saved in
// decomposed Unicode (NFD) shows no changes, an IDN domain in U-label and A-label form is one domain, the
// same mailbox in two batches in two spellings is refused, and `check` classifies it by the same key.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExample } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';

const PLAN = 'stagemig.yaml';
const CSV = join('batches', 'wave2-sales.csv');

describe('one address, one spelling', () => {
  it('an NFD re-save of a CSV shows no changes', async () => {
    const cwd = copyExample();
    expect((await runCli(['apply', PLAN, '--auto-approve'], { cwd })).exitCode).toBe(0);
    const text = readFileSync(join(cwd, CSV), 'utf8');
    expect(text).toMatch(/josé/);
    writeFileSync(join(cwd, CSV), text.normalize('NFD'));
    expect(readFileSync(join(cwd, CSV), 'utf8')).not.toBe(text);
    const plan = await runCli(['plan', PLAN, '--detailed-exitcode'], { cwd });
    expect(plan.exitCode, plan.stdout).toBe(0);
    expect(plan.stdout).toContain('No changes. The migration service matches the plan.');
  });

  it('an IDN domain in U-label and A-label form is the same domain', async () => {
    const cwd = copyExample();
    const csv = join(cwd, 'batches', 'wave1-it-pilot.csv');
    writeFileSync(csv, `${readFileSync(csv, 'utf8').trimEnd()}\r\nanna@bücher.example\r\n`);
    expect((await runCli(['apply', PLAN, '--auto-approve'], { cwd })).exitCode).toBe(0);
    writeFileSync(csv, readFileSync(csv, 'utf8').replace('anna@bücher.example', 'Anna@XN--BCHER-KVA.example'));
    const plan = await runCli(['plan', PLAN, '--detailed-exitcode'], { cwd });
    expect(plan.exitCode, plan.stdout).toBe(0);
    // check groups the domain by its A-label, whichever form the CSV uses, and finds the mail user.
    const check = await runCli(['check', PLAN, '--format', 'json'], { cwd });
    const doc = JSON.parse(check.stdout) as { findings: Array<{ check: string; object: string; counts?: Record<string, number> }> };
    const domains = doc.findings.filter((f) => f.check === 'domains').map((f) => f.object);
    expect(domains).toContain('domain.xn--bcher-kva.example');
    expect(domains).not.toContain('domain.bücher.example');
  });

  it('the same mailbox in two batches in two spellings is refused with both places named', async () => {
    const cwd = copyExample();
    const nfd = 'josé.garcía@contoso.com'.normalize('NFD');
    const csv = join(cwd, 'batches', 'wave1-it-pilot.csv');
    writeFileSync(csv, `${readFileSync(csv, 'utf8').trimEnd()}\r\n${nfd}\r\n`);
    const r = await runCli(['validate', PLAN], { cwd });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/is already in batch `StagedBatch[12]`/);
  });
});
