// Bounded input (issue 12): input bombs end with a clear error, in bounded memory (one built-CLI test
// runs with a 200 MB heap, which only a process can have), and CSV paths stay inside the plan's folder
// unless allowed. How fast each bomb is refused is a figure of `npm run bench` (bench/input-bombs.ts).
import { mkdirSync, readFileSync, renameSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExample, stagemig } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';

const BOUNDED = { NODE_OPTIONS: '--max-old-space-size=200' };

function pointBatchAt(dir: string, csv: string): void {
  const file = join(dir, 'stagemig.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('csv: batches/wave1-it-pilot.csv', `csv: ${JSON.stringify(csv)}`));
}

/** A 200 MB CSV and a 50 MB YAML in a copy of the example. */
function bigInputs(): string {
  const dir = copyExample();
  truncateSync(join(dir, 'batches', 'wave1-it-pilot.csv'), 200 * 1024 * 1024);
  const yaml = join(dir, 'big.yaml');
  writeFileSync(yaml, `version: 1\norganization: "${'x'.repeat(1024)}`);
  truncateSync(yaml, 50 * 1024 * 1024);
  return dir;
}

describe('input bombs', () => {
  it('csv: /dev/zero ends at once: only regular files are read', async () => {
    const dir = copyExample();
    pointBatchAt(dir, '/dev/zero');
    const r = await runCli(['validate', 'stagemig.yaml', '--allow-csv-outside'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('CSV file "/dev/zero" of batch `StagedBatch1` is not a regular file (a device, pipe or socket)');
  }, 30_000);

  it('a 200 MB CSV and a 50 MB YAML are refused by size, not read', async () => {
    const dir = bigInputs();
    const csv = await runCli(['plan', 'stagemig.yaml'], { cwd: dir });
    expect(csv.exitCode).toBe(1);
    expect(csv.stderr).toContain('of batch `StagedBatch1` is too large (200 MiB; at most 8 MiB is read)');
    const big = await runCli(['validate', 'big.yaml'], { cwd: dir });
    expect(big.exitCode).toBe(1);
    expect(big.stderr).toContain('Plan file big.yaml is too large (50 MiB; at most 4 MiB is read)');
  }, 60_000);

  it('built CLI in a 200 MB heap: the 200 MB CSV, the 50 MB YAML and 130,000 rows end with the same errors, no crash', async () => {
    const dir = bigInputs();
    const csv = await stagemig(['plan', 'stagemig.yaml'], { cwd: dir, env: BOUNDED });
    expect(csv.exitCode).toBe(1);
    expect(csv.stderr).toContain('of batch `StagedBatch1` is too large (200 MiB; at most 8 MiB is read)');
    const big = await stagemig(['validate', 'big.yaml'], { cwd: dir, env: BOUNDED });
    expect(big.exitCode).toBe(1);
    expect(big.stderr).toContain('Plan file big.yaml is too large (50 MiB; at most 4 MiB is read)');
    writeFileSync(join(dir, 'batches', 'wave1-it-pilot.csv'), `EmailAddress\n${'x\n'.repeat(130_000)}`);
    const rows = await stagemig(['validate', 'stagemig.yaml'], { cwd: dir, env: BOUNDED });
    expect(rows.exitCode).toBe(1);
    expect(rows.stderr).toContain('The CSV file has 130,000 rows; a batch holds at most 2,000');
    expect(rows.stderr).not.toMatch(/Maximum call stack|internal error/);
  }, 60_000);

  it('130,000 short invalid rows give one clear error, no crash', async () => {
    const dir = copyExample();
    writeFileSync(join(dir, 'batches', 'wave1-it-pilot.csv'), `EmailAddress\n${'x\n'.repeat(130_000)}`);
    const r = await runCli(['validate', 'stagemig.yaml'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('The CSV file has 130,000 rows; a batch holds at most 2,000');
    expect(r.stderr).not.toMatch(/Maximum call stack|internal error/);
    expect(r.stderr.split('\n').length).toBeLessThan(40);
  }, 30_000);
});

describe('CSV paths outside the plan\'s folder', () => {
  it('are refused, whether absolute, through .. or a symlink, and no row of them is shown', async () => {
    for (const csv of ['/etc/passwd', '../outside.csv', 'batches/link.csv']) {
      const copy = join(copyExample(), 'plan');
      mkdirSync(copy);
      for (const f of ['stagemig.yaml', 'batches']) renameSync(join(copy, '..', f), join(copy, f));
      writeFileSync(join(copy, '..', 'outside.csv'), 'EmailAddress\nsecret-row@contoso.com\n');
      symlinkSync(join(copy, '..', 'outside.csv'), join(copy, 'batches', 'link.csv'));
      pointBatchAt(copy, csv);
      const r = await runCli(['plan', 'stagemig.yaml', '--format', 'markdown'], { cwd: copy });
      expect([csv, r.exitCode]).toEqual([csv, 1]);
      expect(r.stderr).toContain(`CSV file ${JSON.stringify(csv)} of batch \`StagedBatch1\` is outside the plan's folder`);
      expect(r.stdout + r.stderr).not.toMatch(/root:|secret-row/);
    }
  }, 60_000);
});
