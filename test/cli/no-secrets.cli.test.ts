import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExample, EXAMPLE, PASSWORD } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';

const PLAN = 'stagemig.yaml';

/** The example's secrets: the on-premises password from the environment and every CSV Password value. */
function secrets(): string[] {
  const rows = readFileSync(join(EXAMPLE, 'batches', 'wave2-sales.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
  const passwords = rows.map((r) => r.split(',')[1]!.replace(/"/g, ''));
  expect(passwords.length).toBeGreaterThan(5);
  expect(passwords.every((p) => p.startsWith('Welcome-2026!'))).toBe(true);
  return [PASSWORD, ...passwords];
}

describe('no secret in any output format', () => {
  it('keeps passwords out of validate, plan, show, apply (human, json, markdown) and the saved plan file', async () => {
    const dir = copyExample();
    const outputs: Array<[string, string]> = [];
    const record = async (label: string, args: string[], expectedExit?: number) => {
      const r = await runCli(args, { cwd: dir });
      if (expectedExit !== undefined) expect(r.exitCode, `${label}: ${r.stderr}`).toBe(expectedExit);
      outputs.push([`${label} stdout`, r.stdout], [`${label} stderr`, r.stderr]);
    };
    await record('validate', ['validate', PLAN], 0);
    await record('validate json', ['validate', PLAN, '--format', 'json'], 0);
    for (const format of ['human', 'json', 'markdown']) await record(`plan ${format}`, ['plan', PLAN, '--format', format], 0);
    await record('plan --out', ['plan', PLAN, '--out', 'plan.json'], 0);
    outputs.push(['saved plan file', readFileSync(join(dir, 'plan.json'), 'utf8')]);
    for (const format of ['human', 'json', 'markdown']) await record(`show ${format}`, ['show', 'plan.json', '--format', format], 0);
    await record('apply saved plan', ['apply', 'plan.json'], 0);
    await record('plan after apply json', ['plan', PLAN, '--format', 'json'], 0);

    // Problems in a row that holds a password: diagnostics (human excerpt and JSON) must not echo it.
    const csv = join(dir, 'batches', 'wave2-sales.csv');
    writeFileSync(csv, readFileSync(csv, 'utf8').replace('Welcome-2026!x,True', 'Welcome-2026!x,Maybe'));
    await record('validate bad row', ['validate', PLAN], 1);
    await record('validate bad row json', ['validate', PLAN, '--format', 'json'], 1);
    await record('plan bad row json', ['plan', PLAN, '--format', 'json'], 1);
    await record('stale saved plan', ['apply', 'plan.json'], 1);

    expect(outputs.find(([l]) => l === 'plan json stdout')?.[1]).toContain('"password": "(sensitive)"');
    for (const secret of secrets()) {
      for (const [label, text] of outputs) expect(text.includes(secret), `${label} contains ${secret}`).toBe(false);
    }
  });
});
