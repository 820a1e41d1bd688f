// A saved plan is read and parsed once, and the digests of its inputs are those of the bytes the plan
// was made from: an input edited while stagemig runs is never recorded (or accepted) with another hash.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSavedPlan, changedInputs, readSavedPlan, sniffSavedPlan, writeSavedPlan } from '../../../src/apply/saved-plan/index.js';
import { loadPlan } from '../../../src/config/index.js';
import { buildPlan } from '../../../src/plan/index.js';
import { planYaml, tempDir } from '../../config/helpers.js';
import { live } from '../../helpers/states.js';

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');
const CSV_A = 'EmailAddress\r\na1@contoso.com\r\na2@contoso.com\r\n';
const CSV_B = 'EmailAddress\nb1@contoso.com\n';

function folder(): string {
  return tempDir({ 'stagemig.yaml': planYaml({ A: 'a.csv', B: 'b.csv' }), 'a.csv': CSV_A, 'b.csv': CSV_B });
}

describe('saved plan inputs', () => {
  it('records the digest of the bytes parsed, even when a file changes before the plan is saved', async () => {
    const dir = folder();
    const { desired } = await loadPlan('stagemig.yaml', { cwd: dir, digestInputs: true });
    expect(desired?.batches.find((b) => b.name === 'A')?.users.map((u) => u.email)).toEqual(['a1@contoso.com', 'a2@contoso.com']);
    // Edited after it was read and planned from, before the saved plan is written.
    writeFileSync(join(dir, 'a.csv'), 'EmailAddress\r\na1@contoso.com\r\n');
    const saved = await buildSavedPlan({
      desired: desired!, live: live(), plan: buildPlan(desired!, live()), cwd: dir, now: new Date('2026-01-01T00:00:00Z'), toolVersion: 'test',
      options: { targets: [], allow_remove: false },
    });
    expect(saved.inputs).toEqual([
      { path: 'stagemig.yaml', sha256: sha(planYaml({ A: 'a.csv', B: 'b.csv' })) },
      { path: 'a.csv', sha256: sha(CSV_A) },
      { path: 'b.csv', sha256: sha(CSV_B) },
    ]);
    // Applying it now reports the edit, comparing what the loader just read with what was planned from.
    const again = await loadPlan('stagemig.yaml', { cwd: dir, digestInputs: true });
    expect(await changedInputs(saved.inputs, dir, again.inputDigests)).toEqual([{ path: 'a.csv', what: 'changed' }]);
  });

  it('the loader hashes its inputs only when asked, and reports them even when the plan has errors', async () => {
    const dir = folder();
    expect((await loadPlan('stagemig.yaml', { cwd: dir })).inputDigests).toBeUndefined();
    expect((await loadPlan('stagemig.yaml', { cwd: dir })).desired?.inputDigests).toBeUndefined();
    writeFileSync(join(dir, 'b.csv'), 'EmailAddress\nnot-an-address\n');
    const broken = await loadPlan('stagemig.yaml', { cwd: dir, digestInputs: true });
    expect(broken.desired).toBeUndefined();
    expect(broken.inputDigests?.get(join(dir, 'b.csv'))).toBe(sha('EmailAddress\nnot-an-address\n'));
    expect(broken.inputDigests?.get(join(dir, 'a.csv'))).toBe(sha(CSV_A));
  });

  it('a saved input the loader did not read (the YAML no longer names it) is still compared from disk', async () => {
    const dir = folder();
    const saved = [{ path: 'gone.csv', sha256: sha('x') }, { path: 'a.csv', sha256: sha(CSV_A) }, { path: 'b.csv', sha256: sha('old') }];
    expect(await changedInputs(saved, dir, new Map())).toEqual([{ path: 'gone.csv', what: 'missing' }, { path: 'b.csv', what: 'changed' }]);
  });

  it('apply reads and parses the saved plan file once: what it sniffed is checked, not read again', async () => {
    const dir = folder();
    const { desired } = await loadPlan('stagemig.yaml', { cwd: dir, digestInputs: true });
    const saved = await buildSavedPlan({
      desired: desired!, live: live(), plan: buildPlan(desired!, live()), cwd: dir, now: new Date('2026-01-01T00:00:00Z'), toolVersion: 'test',
      options: { targets: [], allow_remove: false },
    });
    await writeSavedPlan('plan.json', dir, saved);
    const sniffed = await sniffSavedPlan('plan.json', dir);
    expect(sniffed?.text).toBe(readFileSync(join(dir, 'plan.json'), 'utf8'));
    rmSync(join(dir, 'plan.json'));
    expect(await readSavedPlan('plan.json', dir, sniffed)).toEqual(saved);
    await expect(readSavedPlan('plan.json', dir)).rejects.toThrow(/does not exist/);
  });
});
