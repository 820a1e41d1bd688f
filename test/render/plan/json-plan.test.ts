import { describe, expect, it } from 'vitest';
import { error } from '../../../src/diag/index.js';
import { Sensitive } from '../../../src/model/index.js';
import { buildPlan } from '../../../src/plan/index.js';
import type { Plan } from '../../../src/plan/index.js';
import { stringifyJson } from '../../../src/render/common/json-document.js';
import { toPlanDocument } from '../../../src/render/plan/json-plan.js';
import { toValidateDocument } from '../../../src/render/validate/json-validate.js';
import { schemaErrors } from '../../helpers/json-schema.js';
import { batch, desired, live, liveBatch, liveUsers } from '../../helpers/states.js';

const meta = { toolVersion: '0.1.0', createdAt: '2026-01-02T03:04:05.000Z', planFile: 'stagemig.yaml', backend: { type: 'simulator', organization: 'contoso.onmicrosoft.com' } };

/** A plan with a create, an update with membership changes and a move, a removal and an unmanaged batch. */
function mixedPlan(): Plan {
  const d = desired([
    batch('A', ['a1@x.com', 'moved@x.com'], { notificationEmails: ['n@x.com'] }),
    batch('B', ['b1@x.com']),
    batch('Gone', [], { state: 'removed' }),
    batch('New', ['z@x.com']),
  ]);
  const l = live({
    batches: [liveBatch('A', 'Synced'), liveBatch('B', 'Synced'), liveBatch('Gone', 'Stopped'), liveBatch('Other', 'Syncing', { totalCount: 3 })],
    // moved@ is still Queued (not provisioned): a mailbox already migrated would not move (issue 8).
    users: [...liveUsers('A', ['a1@x.com', 'old@x.com']), ...liveUsers('B', ['b1@x.com']), ...liveUsers('B', ['moved@x.com'], 'Queued')],
  });
  return buildPlan(d, l);
}

describe('toPlanDocument', () => {
  it('is a valid format 1.2 plan document with actions as arrays, membership, steps and summary', () => {
    const doc = toPlanDocument(mixedPlan(), meta);
    expect(schemaErrors('plan', JSON.parse(stringifyJson(doc)))).toEqual([]);
    expect(doc.format_version).toBe('1.3');
    const byAddress = Object.fromEntries(doc.resource_changes.map((c) => [c.address, c]));
    expect(byAddress['batch.New']?.actions).toEqual(['create']);
    expect(byAddress['batch.New']?.before).toBeNull();
    expect(byAddress['batch.Gone']?.actions).toEqual(['delete']);
    expect(byAddress['batch.Gone']?.after).toBeNull();
    expect(byAddress['batch.A']?.actions).toEqual(['update']);
    expect(byAddress['batch.A']?.before).toMatchObject({ notificationEmails: [] });
    expect(byAddress['batch.A']?.after).toMatchObject({ notificationEmails: ['n@x.com'] });
    expect(byAddress['batch.A']?.membership).toEqual({
      added: [], removed: ['old@x.com'], moved_in: [{ email: 'moved@x.com', from: 'B' }], moved_out: [],
    });
    expect(byAddress['batch.B']?.membership?.moved_out).toEqual([{ email: 'moved@x.com', to: 'A' }]);
    expect(doc.steps.map((s) => s.index)).toEqual(doc.steps.map((_, i) => i + 1));
    expect(doc.steps[0]?.text).toMatch(/^[A-Z][a-z]+-Migration/);
    expect(doc.unmanaged).toEqual([{ address: 'batch.Other', status: 'Syncing', mailboxes: 3, no_longer_in_plan: false }]);
    expect(doc.summary.mailboxes).toEqual({ added: 1, removed: 1, moved: 1 });
    expect(doc.summary.steps).toBe(doc.steps.length);
  });

  it('writes a replace as ["delete", "create"] and masks secrets in values, parameters and drift', () => {
    const plan: Plan = {
      changes: [{ address: 'endpoint.E', type: 'endpoint', name: 'E', action: 'replace', attributes: [{ name: 'password', before: new Sensitive('s3cret'), after: new Sensitive('n3w') }], notes: [] }],
      steps: [{ address: 'endpoint.E', action: 'new-endpoint', cmdlet: 'New-MigrationEndpoint', parameters: [['Name', 'E'], ['Credentials', { credential: { username: 'C\\admin', passwordEnv: 'PW_ENV' } }]] }],
      unmanaged: [], drift: [{ address: 'endpoint.E', kind: 'setting', summary: 'password changed', expected: { password: 'old-secret' }, actual: new Sensitive('x') }],
      summary: { add: 1, change: 0, remove: 1 },
    };
    const text = stringifyJson(toPlanDocument(plan, meta));
    const doc = JSON.parse(text) as ReturnType<typeof toPlanDocument>;
    expect(schemaErrors('plan', doc)).toEqual([]);
    expect(doc.resource_changes[0]?.actions).toEqual(['delete', 'create']);
    expect(doc.steps[0]?.parameters.Credentials).toEqual({ credential: { username: 'C\\admin', password: '(sensitive)', password_env: 'PW_ENV' } });
    expect(text).not.toMatch(/s3cret|n3w|old-secret/);
    expect(doc.drift[0]).toMatchObject({ expected: { password: '(sensitive)' }, actual: '(sensitive)' });
  });

  it('describes a failed plan with its diagnostics and empty lists', () => {
    const diag = error('CSV_DUPLICATE', 'Duplicate mailbox', { range: { file: 'b.csv', start: { line: 3, col: 1 } }, hint: 'Remove one.' });
    const doc = toPlanDocument(undefined, { ...meta, backend: null, diagnostics: [diag] });
    expect(schemaErrors('plan', doc)).toEqual([]);
    expect(doc).toMatchObject({ errored: true, applyable: false, converged: false, resource_changes: [], steps: [] });
    expect(doc.diagnostics[0]).toEqual({
      severity: 'error', code: 'CSV_DUPLICATE', summary: 'Duplicate mailbox', detail: null, hint: 'Remove one.',
      range: { file: 'b.csv', start: { line: 3, column: 1 }, end: null }, address: null,
    });
  });

  it('is the same bytes for the same inputs', () => {
    expect(stringifyJson(toPlanDocument(mixedPlan(), meta))).toBe(stringifyJson(toPlanDocument(mixedPlan(), meta)));
  });
});

describe('toValidateDocument', () => {
  it('counts what a valid plan declares, and nothing for an invalid one', () => {
    const d = desired([batch('A', ['a@x.com', 'b@x.com'])]);
    const ok = toValidateDocument({ toolVersion: '0.1.0', planFile: 'p.yaml', desired: d, diagnostics: [] });
    expect(schemaErrors('validate', ok)).toEqual([]);
    expect(ok).toMatchObject({ valid: true, error_count: 0, totals: { endpoints: 1, batches: 1, mailboxes: 2 } });
    const bad = toValidateDocument({ toolVersion: '0.1.0', planFile: 'p.yaml', desired: undefined, diagnostics: [error('YAML_SYNTAX', 'Bad')] });
    expect(schemaErrors('validate', bad)).toEqual([]);
    expect(bad).toMatchObject({ valid: false, error_count: 1, totals: null });
  });
});
