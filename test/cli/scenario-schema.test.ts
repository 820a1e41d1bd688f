// Issue 12: every file stagemig reads back is checked against a JSON Schema. The simulator's scenario
// (fault) files against schemas/simulator-scenario.schema.json, the faults stored in its state file
// against schemas/simulator-state.schema.json: a wrongly typed value is an error at its position,
// naming its path, and nothing is applied.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExample } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';

const NOW = '2026-12-01T07:00:00Z';
const cli = (dir: string, ...args: string[]) => runCli(args, { cwd: dir, env: { STAGEMIG_NOW: NOW } });

async function refused(file: string, text: string): Promise<string> {
  const dir = copyExample();
  writeFileSync(join(dir, file), text);
  const r = await cli(dir, 'simulator', 'faults', 'stagemig.yaml', file);
  expect(r.exitCode).toBe(1);
  expect(r.stderr).not.toContain('internal error');
  expect((await cli(dir, 'simulator', 'faults', 'stagemig.yaml')).stdout).toBe('No faults: the simulated service behaves normally.\n');
  return r.stderr;
}

describe('scenario (fault) files are checked against their schema', () => {
  it('a wrongly typed YAML scenario: the value, its path and its line and column', async () => {
    const err = await refused('faults.yaml', 'throttle:\n  call: "three"\n');
    expect(err).toContain('faults.yaml:2:9: error: throttle.call must be integer');
    expect(err).toContain('hint: The format: "Rehearsing failures" in the README, and schemas/simulator-scenario.schema.json.');
  });

  it('a wrongly typed JSON fault file: nested values, lists and forms', async () => {
    expect(await refused('faults.json', '{\n  "failMailboxes": {\n    "annb@contoso.com": {"failure": "recipientNotFound", "times": "many"}\n  }\n}\n'))
      .toContain('faults.json:3:67: error: failMailboxes.annb@contoso.com.times must be integer');
    expect(await refused('faults.json', '{"failMailboxes": ["annb@contoso.com"]}')).toContain('faults.json:1:19: error: failMailboxes must be object');
    expect(await refused('faults.json', '{"throttle": "soon"}')).toContain('faults.json:1:14: error: throttle must be integer or object');
    expect(await refused('faults.json', '{"dns": {"contoso.com": {"mx": [1]}}}')).toContain('faults.json:1:33: error: dns.contoso.com.mx[0] must be string');
    expect(await refused('faults.json', '{"recipients": {"annb@contoso.com": "robot"}}'))
      .toContain('faults.json:1:37: error: recipients.annb@contoso.com must be one of: missing, mailUser, mailbox, contact, group');
  });

  it('an unknown key is named at its own position', async () => {
    expect(await refused('faults.yaml', 'latency: 1s\nfailMailbox: {}\n')).toContain('faults.yaml:2:1: error: Unknown key `failMailbox` in the scenario file');
  });

  it('a wrongly typed fault in the simulator state file: an error at its JSON path, not a TypeError', async () => {
    const dir = copyExample();
    expect((await cli(dir, 'apply', 'stagemig.yaml', '--auto-approve')).exitCode).toBe(0);
    const file = join(dir, '.stagemig', 'simulator.json');
    const state = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify({ ...state, faults: { failOnWriteCall: 'two' } }, null, 2));
    const r = await cli(dir, 'plan', 'stagemig.yaml');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/simulator\.json:\d+:\d+: error: The simulator state file .*simulator\.json is not valid: \/faults\/failOnWriteCall must be integer/);
    expect(r.stderr).not.toContain('internal error');
  });

  it('the scenario schema describes every key', () => {
    const schema = JSON.parse(readFileSync(join(__dirname, '../../schemas/simulator-scenario.schema.json'), 'utf8')) as { properties: Record<string, { description?: string }> };
    const keys = Object.keys(schema.properties);
    expect(keys).toEqual(expect.arrayContaining(['failMailboxes', 'recipients', 'endpoint', 'throttle', 'corruptBatches', 'cutoverBatch', 'latency', 'dns']));
    for (const k of keys) expect(schema.properties[k]!.description, k).toMatch(/\w{3,}/);
  });
});
