// Writes that cannot destroy (issue 12): fmt on a full disk, --out onto inputs, devices and symlinks.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { CLI, copyExample } from '../helpers/cli.js';

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
