// Writes that cannot destroy (issue 12): fmt on a full disk (a built-CLI subprocess: only a process can
// have a file-size limit), --out onto inputs, devices and symlinks (in-process).
import { lstatSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { CLI, copyExample } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';

describe('fmt on a full disk', () => {
  it('leaves the plan whole and says it could not write it', async () => {
    const dir = copyExample();
    const file = join(dir, 'stagemig.yaml');
    // Unformatted (keys out of order) and larger than the 1 KiB the shell lets the process write.
    const original = readFileSync(file, 'utf8').replace('version: 1\norganization: contoso.onmicrosoft.com\n', 'organization: contoso.onmicrosoft.com\nversion: 1\n') +
      `${'# a long comment that fmt keeps\n'.repeat(100)}`;
    writeFileSync(file, original);
    const r = await execa('bash', ['-c', `ulimit -f 1; exec "${process.execPath}" "${CLI}" fmt stagemig.yaml`], { cwd: dir, reject: false, env: { NO_COLOR: '1' } });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('Cannot write stagemig.yaml (EFBIG); it was left unchanged');
    expect(readFileSync(file, 'utf8')).toBe(original);
    expect(readdirSync(dir).sort()).toEqual(['batches', 'stagemig.yaml']);
  });
});

describe('plan --out', () => {
  it('refuses the plan\'s own files, directories, devices and symlinks, and writes to stdout with -', async () => {
    const dir = copyExample();
    expect((await runCli(['apply', 'stagemig.yaml', '--auto-approve'], { cwd: dir })).exitCode).toBe(0);
    writeFileSync(join(dir, 'stagemig.yaml'), readFileSync(join(dir, 'stagemig.yaml'), 'utf8').replace('state: stopped', 'state: started'));
    mkdirSync(join(dir, 'folder'));
    writeFileSync(join(dir, 'precious.txt'), 'keep me');
    symlinkSync(join(dir, 'precious.txt'), join(dir, 'link.json'));
    await execa('mkfifo', [join(dir, 'fifo')]);
    const before = new Map(['stagemig.yaml', 'batches/wave1-it-pilot.csv', '.stagemig/simulator.json', '.stagemig/stagemig.applied.json', 'precious.txt']
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
    const refused: Array<[string, string]> = [
      ['stagemig.yaml', 'it is the plan YAML itself'],
      ['./batches/../batches/wave1-it-pilot.csv', 'it is the CSV file of batch StagedBatch1'],
      ['.stagemig/simulator.json', 'it is the simulator state file'],
      ['.stagemig/stagemig.applied.json', 'it is the last-applied record'],
      ['folder', 'it is a directory'],
      ['fifo', 'it is a device, pipe or socket, not a regular file (use - for stdout)'],
      ['link.json', 'it is a symbolic link'],
    ];
    for (const [out, why] of refused) {
      const r = await runCli(['plan', 'stagemig.yaml', '--out', out], { cwd: dir });
      expect([out, r.exitCode, r.stderr]).toEqual([out, 1, expect.stringContaining(`Refusing to write the saved plan to ${out}: ${why}`)]);
    }
    for (const [f, text] of before) expect(readFileSync(join(dir, f), 'utf8')).toBe(text);
    expect(lstatSync(join(dir, 'fifo')).isFIFO()).toBe(true);
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    const piped = await runCli(['plan', 'stagemig.yaml', '--out', '-'], { cwd: dir });
    expect(piped.exitCode).toBe(0);
    expect(JSON.parse(piped.stdout)).toMatchObject({ kind: 'stagemig-saved-plan', plan: { steps: [{ cmdlet: 'Start-MigrationBatch' }] } });
    expect(piped.stderr).toContain('Plan: 0 to add, 1 to change, 0 to remove.');
    writeFileSync(join(dir, 'saved.json'), piped.stdout);
    expect((await runCli(['apply', 'saved.json'], { cwd: dir })).exitCode).toBe(0);
  }, 180_000);
});
