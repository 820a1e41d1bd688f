// CLI hygiene that only a real process shows: a reader that closes early, the built version command.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { TOOL_VERSION } from '../../src/version.js';
import { CLI, PASSWORD, stagemig } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'stagemig-epipe-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A plan whose JSON document is several MB: far more than a pipe holds, so `head -1` closes it mid-write. */
function bigPlan(): void {
  const csv = (n: number) => ['EmailAddress', ...Array.from({ length: 2000 }, (_, i) => `user${n}.${i}@contoso.com`)].join('\n');
  const batches = [1, 2].map((n) => {
    writeFileSync(join(dir, `wave${n}.csv`), `${csv(n)}\n`);
    return `  Wave${n}:\n    endpoint: E\n    csv: wave${n}.csv\n`;
  });
  writeFileSync(join(dir, 'stagemig.yaml'), [
    'version: 1', 'organization: contoso.onmicrosoft.com', 'endpoints:', '  E:', '    type: ExchangeOutlookAnywhere',
    '    autodiscover: true', '    emailAddress: admin@contoso.com', '    credentials:', '      username: CONTOSO\\admin',
    '      passwordEnv: STAGEMIG_ONPREM_PASSWORD', 'batches:', ...batches, '',
  ].join('\n'));
}

describe('a reader that closes early', () => {
  it('`stagemig plan --format json | head -1` ends quietly: no EPIPE, no stack trace', async () => {
    bigPlan();
    const r = await execa('sh', ['-c', `"${process.execPath}" "${CLI}" plan stagemig.yaml --format json | head -1`], {
      cwd: dir, env: { NO_COLOR: '1', STAGEMIG_ONPREM_PASSWORD: PASSWORD }, reject: false,
    });
    expect(r.stdout.split('\n')[0]).toBe('{');
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
  });
});

describe('built CLI smoke', () => {
  it('`stagemig version` and `stagemig -v --format json`', async () => {
    expect(await stagemig(['version'], { cwd: dir })).toEqual({ exitCode: 0, stdout: `stagemig ${TOOL_VERSION}`, stderr: '' });
    const json = await stagemig(['-v', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(json.stdout)).toMatchObject({ kind: 'version', tool_version: TOOL_VERSION });
  });
});
