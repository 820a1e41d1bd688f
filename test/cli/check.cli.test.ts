// Smoke test of the built CLI: `stagemig check` as a subprocess on the bundled example (the failing
// check after a fault runs in-process).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExample, stagemig } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';
import { schemaErrors } from '../helpers/json-schema.js';

describe('stagemig check (built CLI)', () => {
  it('passes on the example, and fails with exit 1 on an unreachable endpoint, naming it', async () => {
    const dir = copyExample();
    const ok = await stagemig(['check', 'stagemig.yaml', '--format', 'json'], { cwd: dir });
    expect(ok.exitCode, ok.stderr).toBe(0);
    expect(schemaErrors('check', JSON.parse(ok.stdout))).toEqual([]);
    writeFileSync(join(dir, 's.yaml'), 'version: 1\nendpoint: unreachable\n');
    expect((await runCli(['simulator', 'faults', 'stagemig.yaml', 's.yaml'], { cwd: dir })).exitCode).toBe(0);
    const bad = await runCli(['check', 'stagemig.yaml'], { cwd: dir });
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout).toContain('FAIL  endpoint.StagedEndpoint: The migration service cannot use this endpoint');
  }, 60_000);
});
