// Scenario files: the declared faults, validated with positions, applied to the state.
import { describe, expect, it } from 'vitest';
import {
  applyScenario, faultsInForce, FAILURE_KINDS, parseScenario,
} from '../../../src/backends/simulator/index.js';
import { faultLines } from '../../../src/render/simulator/faults-lines.js';
import { withBatch, withEndpoint } from './helpers.js';

const FULL = `# rehearsal of a bad day
version: 1
failMailboxes:
  Bob@contoso.com: recipientNotFound
  eve@contoso.com:
    failure: remoteServerDelays
    times: 1
  ann@contoso.com:
    errorSummary: "MigrationPermanentException: Target user 'ann' already has a primary mailbox."
    at: sync
endpoint: wrongCredentials
throttle: {call: 3, message: Server busy}
corruptBatches:
  StagedBatch2: 30m
cutoverBatch: LegacyCutover
`;

describe('parseScenario', () => {
  it('reads every kind of fault', () => {
    const { scenario, diagnostics } = parseScenario(FULL, 'bad-day.yaml');
    expect(diagnostics).toEqual([]);
    expect(scenario).toEqual({
      faults: {
        failMailboxes: {
          'bob@contoso.com': { errorSummary: FAILURE_KINDS.recipientNotFound!.summary('Bob@contoso.com'), at: 'provisioning' },
          'eve@contoso.com': { errorSummary: FAILURE_KINDS.remoteServerDelays!.summary('eve@contoso.com'), at: 'sync', times: 1 },
          'ann@contoso.com': { errorSummary: "MigrationPermanentException: Target user 'ann' already has a primary mailbox.", at: 'sync' },
        },
        endpointFailure: 'credentials',
        failOnWriteCall: 3,
        message: 'Server busy',
        corruptBatches: { stagedbatch2: 30 * 60_000 },
      },
      cutoverBatch: { name: 'LegacyCutover', endpoint: 'CutoverEndpoint' },
    });
  });

  it('reads JSON, a bare throttle count and a list of batches to corrupt', () => {
    const json = JSON.stringify({ throttle: 2, corruptBatches: ['B1'], endpoint: 'unreachable' });
    expect(parseScenario(json, 'f.json').scenario).toEqual({
      faults: { failOnWriteCall: 2, corruptBatches: { b1: 0 }, endpointFailure: 'unreachable' },
    });
    expect(parseScenario('', 'empty.yaml').scenario).toEqual({ faults: {} });
  });

  it('reports every problem with file, line and column, and applies nothing', () => {
    const text = [
      'failMailbox: {}',
      'failMailboxes:',
      '  not-an-address: recipientNotFound',
      '  x@contoso.com: lostInTransit',
      '  y@contoso.com: {failure: unknownError, errorSummary: two}',
      'endpoint: offline',
      'throttle: 0',
      'corruptBatches: {B1: soon}',
    ].join('\n');
    const { scenario, diagnostics } = parseScenario(text, 's.yaml');
    expect(scenario).toBeUndefined();
    expect(diagnostics.map((d) => `${d.range!.start.line}:${d.range!.start.col} ${d.summary}`)).toEqual([
      '1:1 Unknown key `failMailbox` in the scenario file',
      '3:3 failMailboxes: "not-an-address" is not an email address',
      '4:18 Unknown failure kind "lostInTransit" for x@contoso.com',
      '5:18 The fault of y@contoso.com needs exactly one of `failure` or `errorSummary`',
      '6:11 endpoint must be one of: unreachable, wrongCredentials, autodiscoverFails',
      '7:11 throttle (the write call that fails) must be a whole number of at least 1',
      '8:22 corruptBatches.B1: "soon" is not a duration',
    ]);
    expect(diagnostics[0]!.hint).toContain('failMailboxes');
    expect(diagnostics[2]!.hint).toContain('recipientNotFound');
    expect(diagnostics.every((d) => d.range!.file === 's.yaml')).toBe(true);
  });

  it('reports YAML syntax errors with their position', () => {
    const { diagnostics } = parseScenario('failMailboxes:\n  a@b.com: [unclosed\n', 'bad.yaml');
    expect(diagnostics[0]).toMatchObject({ code: 'YAML_SYNTAX', range: { file: 'bad.yaml' } });
  });
});

describe('applyScenario', () => {
  it('replaces the faults, resets the throttle counter and adds the cutover batch', () => {
    const state = { ...withEndpoint(), writeCalls: 5, faults: { endpointUnreachable: true } };
    const { scenario } = parseScenario('throttle: 1\ncutoverBatch: {name: Old, endpoint: StagedEndpoint}\n', 's.yaml');
    const out = applyScenario(state, scenario!);
    if (!('state' in out)) throw new Error(out.error);
    expect(out.state.faults).toEqual({ failOnWriteCall: 1 });
    expect(out.state.writeCalls).toBe(0);
    expect(out.state.batches.map((b) => [b.name, b.type, b.status])).toEqual([['Old', 'cutover', 'Synced']]);
    expect(faultLines(faultsInForce(out.state))).toEqual([
      'write call 1 fails (1 to go): throttled',
      'cutover batch Old exists: staged batches are refused',
    ]);
  });

  it('refuses a cutover batch next to staged ones', () => {
    const { scenario } = parseScenario('cutoverBatch: Old\n', 's.yaml');
    expect(applyScenario(withBatch(withEndpoint(), 'B1', ['a@contoso.com']), scenario!)).toEqual({
      error: 'cutoverBatch: staged batches exist (B1); the service never lets staged and cutover batches coexist',
    });
  });
});
