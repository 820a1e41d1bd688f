// `stagemig status` and `apply --wait` in-process, with an injected clock, sleep and Ctrl-C.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { advanceInPlace, loadState, saveState, setSimulatorFault } from '../../src/backends/simulator/index.js';
import type { Io } from '../../src/cli/io.js';
import { run } from '../../src/cli/program.js';
import { copyExample, PASSWORD } from '../helpers/cli.js';

const SCHEMAS = resolve(__dirname, '../../schemas');
const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
ajv.addSchema(JSON.parse(readFileSync(join(SCHEMAS, 'output-common.schema.json'), 'utf8')));
const validStatus = ajv.compile(JSON.parse(readFileSync(join(SCHEMAS, 'status-output.schema.json'), 'utf8')));

type MemoryIo = Io & { out: string[]; err: string[]; text: () => string };

function memoryIo(cwd: string, over: Partial<Io> = {}): MemoryIo {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out, err, text: () => out.join(''),
    stdout: (t) => out.push(t), stderr: (t) => err.push(t),
    isTTY: false, stdinIsTTY: false, color: false,
    env: { STAGEMIG_ONPREM_PASSWORD: PASSWORD }, cwd,
    prompt: async () => '', now: () => new Date('2026-11-25T09:00:00Z'),
    onInterrupt: () => () => {},
    ...over,
  };
}

const stateFile = (dir: string) => join(dir, '.stagemig', 'simulator.json');

/** The example with wave 3 started too (the example holds it back with state: stopped). */
function allStarted(): string {
  const dir = copyExample();
  const yaml = join(dir, 'stagemig.yaml');
  writeFileSync(yaml, readFileSync(yaml, 'utf8').replace(/(StagedBatch3:[\s\S]*?state: )stopped/, '$1started'));
  return dir;
}

describe('stagemig status', () => {
  it('after apply --wait, shows every mailbox of the example Synced', async () => {
    const dir = allStarted();
    expect(await run(['apply', 'stagemig.yaml', '--auto-approve', '--wait'], memoryIo(dir))).toBe(0);
    const io = memoryIo(dir);
    expect(await run(['status', 'stagemig.yaml', '--users'], io)).toBe(0);
    const rows = io.text().split('\n').filter((l) => /^ {4}\S+@contoso\.com /.test(l));
    expect(rows).toHaveLength(30);
    expect(rows.every((l) => /@contoso\.com\s+Synced\s/.test(l))).toBe(true);
    expect(io.text()).toMatch(/Total: 30 mailboxes, 30 synced \(100%\), 0 failed/);
  });

  it('always lists failed mailboxes with their error, and prints a JSON document valid against its schema', async () => {
    const dir = copyExample();
    await setSimulatorFault(stateFile(dir), { failMailboxes: { 'annb@contoso.com': 'MigrationRecipientNotFoundException: no recipient' } });
    expect(await run(['apply', 'stagemig.yaml', '--auto-approve', '--wait'], memoryIo(dir))).toBe(1);
    const human = memoryIo(dir);
    await run(['status', 'stagemig.yaml'], human);
    expect(human.text()).toContain('Failed mailboxes (1):\n  annb@contoso.com (StagedBatch1): MigrationRecipientNotFoundException: no recipient');
    expect(human.text()).toMatch(/StagedBatch1 +SyncedWithErrors +10 +9 \(90%\) +1 /);
    const json = memoryIo(dir);
    expect(await run(['status', 'stagemig.yaml', '--format', 'json'], json)).toBe(0);
    const doc = JSON.parse(json.text());
    expect(validStatus(doc), JSON.stringify(validStatus.errors)).toBe(true);
    expect(doc).toMatchObject({ format_version: '1.3', kind: 'status', users_scope: 'failed', totals: { mailboxes: 30, failed: 1 } });
    expect(doc.users).toEqual([expect.objectContaining({ email: 'annb@contoso.com', status: 'Failed', error_summary: 'MigrationRecipientNotFoundException: no recipient' })]);
    const one = memoryIo(dir);
    await run(['status', 'stagemig.yaml', '--batch', 'stagedbatch2', '--format', 'json'], one);
    const batchDoc = JSON.parse(one.text());
    expect(validStatus(batchDoc)).toBe(true);
    expect(batchDoc.batches.map((b: { name: string }) => b.name)).toEqual(['StagedBatch2']);
    expect(batchDoc.users).toHaveLength(10);
  });

  it('refuses a --batch the plan does not declare, suggesting the closest', async () => {
    const io = memoryIo(copyExample());
    expect(await run(['status', 'stagemig.yaml', '--batch', 'StagedBatch4'], io)).toBe(1);
    expect(io.err.join('')).toContain('--batch StagedBatch4 does not name a batch in the plan');
    expect(io.err.join('')).toContain('did you mean `StagedBatch1`?');
  });

  it('--watch re-reads at the interval without moving the simulated clock, printing only changes, until Ctrl-C', async () => {
    const dir = copyExample();
    await run(['apply', 'stagemig.yaml', '--auto-approve'], memoryIo(dir));
    let interrupt = (): void => {};
    const waits: number[] = [];
    const io = memoryIo(dir, {
      onInterrupt: (cb) => ((interrupt = cb), () => {}),
      sleep: async (ms) => {
        waits.push(ms);
        const before = (await loadState(stateFile(dir)))!.now;
        if (waits.length === 2) {
          const s = (await loadState(stateFile(dir)))!;
          advanceInPlace(s, 3_600_000);
          await saveState(stateFile(dir), s);
        }
        if (waits.length === 4) interrupt();
        expect((await loadState(stateFile(dir)))!.now >= before).toBe(true);
      },
    });
    const clock = (await loadState(stateFile(dir)))!.now;
    expect(await run(['status', 'stagemig.yaml', '--watch', '--interval', '10s'], io)).toBe(0);
    expect(waits).toEqual([10_000, 10_000, 10_000, 10_000]);
    expect(io.out.filter((t) => t.includes('Migration status of'))).toHaveLength(2);
    expect((await loadState(stateFile(dir)))!.now).toBe(new Date(Date.parse(clock) + 3_600_000).toISOString().replace('.000', ''));
  });

  it('--watch --format json prints one compact document per read', async () => {
    const dir = copyExample();
    let interrupt = (): void => {};
    let n = 0;
    const io = memoryIo(dir, {
      onInterrupt: (cb) => ((interrupt = cb), () => {}),
      sleep: async () => {
        if (++n === 1) await run(['apply', 'stagemig.yaml', '--auto-approve'], memoryIo(dir));
        if (n === 2) interrupt();
      },
    });
    expect(await run(['status', 'stagemig.yaml', '--watch', '--format', 'json'], io)).toBe(0);
    const lines = io.text().trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(validStatus(JSON.parse(l))).toBe(true);
  });
});

describe('apply --wait on a terminal', () => {
  it('draws a progress bar per batch, redrawn in place', async () => {
    const io = memoryIo(allStarted(), { isTTY: true });
    expect(await run(['apply', 'stagemig.yaml', '--auto-approve', '--wait'], io)).toBe(0);
    const text = io.text();
    expect(text).toMatch(/StagedBatch1 {2}\[#{24}\] 100% {2}Synced {2}10\/10 synced, 0 failed/);
    expect(text).toContain('\x1b[4A\x1b[0J');
    expect(text).toMatch(/Converged after \S+ of simulated time/);
  });
});
