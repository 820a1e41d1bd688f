// Smoke test of the built CLI: `stagemig convert` on a rehearsal whose batch is Synced (applied in-process).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { copyExample, stagemig } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';

it('the built stagemig convert writes the three files for a Synced batch', async () => {
  const dir = copyExample();
  const env = { STAGEMIG_NOW: '2026-11-25T09:00:00Z' };
  expect((await runCli(['apply', 'stagemig.yaml', '--auto-approve', '--wait'], { cwd: dir, env })).exitCode).toBe(0);
  const r = await stagemig(['convert', 'stagemig.yaml', '--batch', 'StagedBatch1', '--out', 'conversion'], { cwd: dir, env });
  expect(r.stderr).toBe('');
  expect(r.exitCode).toBe(0);
  expect(r.stdout).toContain('Wrote conversion/:');
  for (const f of ['mailboxes.csv', 'proxy-addresses.csv', 'Convert-StagemigBatch.ps1']) expect(existsSync(join(dir, 'conversion', f))).toBe(true);
  expect(readFileSync(join(dir, 'conversion', 'mailboxes.csv')).subarray(2).toString('utf16le')).toContain('"annb@contoso.com","annb@contoso.mail.onmicrosoft.com"');
});
