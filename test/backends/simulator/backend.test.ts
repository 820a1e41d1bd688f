import { existsSync } from 'node:fs';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Invocation } from '../../../src/model/index.js';
import {
  createSimulatorBackend, loadState, saveState, setSimulatorFault, SERVICE_TEXTS as T,
} from '../../../src/backends/simulator/index.js';
import { advance, credential, csvBytes, csvOf, T0 } from './helpers.js';

async function backend() {
  const dir = await mkdtemp(join(tmpdir(), 'stagemig-sim-backend-'));
  const stateFile = join(dir, '.stagemig', 'simulator.json');
  return { stateFile, sim: createSimulatorBackend({ stateFile, now: () => T0 }) };
}

const newEndpoint: Invocation = {
  cmdlet: 'New-MigrationEndpoint',
  parameters: { Name: 'StagedEndpoint', ExchangeOutlookAnywhere: true, Autodiscover: true, EmailAddress: 'administrator@contoso.com', Credentials: credential },
};
const newBatch = (name: string, emails: string[], extra: Invocation['parameters'] = {}): Invocation => ({
  cmdlet: 'New-MigrationBatch',
  parameters: { Name: name, SourceEndpoint: 'StagedEndpoint', CSVData: csvOf(emails), ...extra },
});

describe('createSimulatorBackend', () => {
  it('reads an empty service without creating the state file, counting three reads', async () => {
    const { stateFile, sim } = await backend();
    expect(await sim.readLive()).toEqual({ endpoints: [], batches: [], users: [] });
    expect(existsSync(stateFile)).toBe(false);
    expect(sim.readCalls).toBe(3);
    await sim.readLive();
    expect(sim.readCalls).toBe(6);
  });

  it('persists writes, starting the clock at now(), and returns sorted live state', async () => {
    const { stateFile, sim } = await backend();
    expect(await sim.run(newEndpoint)).toEqual({ ok: true, warnings: [] });
    expect(await sim.run(newBatch('Zeta', ['b@contoso.com', 'C@contoso.com']))).toEqual({ ok: true, warnings: [] });
    expect(await sim.run(newBatch('alpha', ['a@contoso.com']))).toEqual({ ok: true, warnings: [] });
    const live = await sim.readLive();
    expect(live.batches.map((b) => b.name)).toEqual(['alpha', 'Zeta']);
    expect(live.users.map((u) => u.email)).toEqual(['a@contoso.com', 'b@contoso.com', 'C@contoso.com']);
    expect((await loadState(stateFile))!.now).toBe('2026-01-05T09:00:00Z');
  });

  it('never writes the endpoint password or CSV passwords to the state file', async () => {
    const { stateFile, sim } = await backend();
    await sim.run(newEndpoint);
    await sim.run({ ...newBatch('B1', []), parameters: { Name: 'B1', SourceEndpoint: 'StagedEndpoint', CSVData: csvBytes('EmailAddress,Password\na@contoso.com,CsvSecret99\n') } });
    const text = await readFile(stateFile, 'utf8');
    expect(text).not.toContain('P@ssw0rd-secret');
    expect(text).not.toContain('CsvSecret99');
  });

  it('leaves the state file untouched when the service refuses a cmdlet', async () => {
    const { stateFile, sim } = await backend();
    await sim.run(newEndpoint);
    const before = await readFile(stateFile, 'utf8');
    const mtime = (await stat(stateFile)).mtimeMs;
    expect(await sim.run(newEndpoint)).toEqual({ ok: false, error: T.endpointExists('StagedEndpoint') });
    expect(await sim.run({ cmdlet: 'Start-MigrationBatch', parameters: { Identity: 'Nope' } })).toEqual({ ok: false, error: T.batchNotFound('Nope') });
    expect(await readFile(stateFile, 'utf8')).toBe(before);
    expect((await stat(stateFile)).mtimeMs).toBe(mtime);
  });

  it('does not create the state file for a refused first cmdlet', async () => {
    const { stateFile, sim } = await backend();
    expect((await sim.run({ cmdlet: 'Remove-MigrationBatch', parameters: { Identity: 'B1' } })).ok).toBe(false);
    expect(existsSync(stateFile)).toBe(false);
  });

  it('fails the Nth write after a fault is set, changing nothing but the counter', async () => {
    const { stateFile, sim } = await backend();
    await sim.run(newEndpoint);
    await setSimulatorFault(stateFile, { failOnWriteCall: 2, message: 'Transient failure, try again.' });
    expect(await sim.run(newBatch('B1', ['a@contoso.com']))).toMatchObject({ ok: true });
    expect(await sim.run(newBatch('B2', ['b@contoso.com']))).toEqual({ ok: false, error: 'Transient failure, try again.' });
    expect((await sim.readLive()).batches.map((b) => b.name)).toEqual(['B1']);
    expect((await loadState(stateFile))!.writeCalls).toBe(2);
    expect(await sim.run(newBatch('B2', ['b@contoso.com']))).toMatchObject({ ok: true });
  });

  it('counts refused writes towards the fault and uses a realistic default message', async () => {
    const { stateFile, sim } = await backend();
    await setSimulatorFault(stateFile, { failOnWriteCall: 2 }, () => T0);
    expect((await sim.run({ cmdlet: 'Start-MigrationBatch', parameters: { Identity: 'Nope' } })).ok).toBe(false);
    expect(await sim.run(newEndpoint)).toEqual({ ok: false, error: T.throttled });
    expect((await sim.readLive()).endpoints).toEqual([]);
  });

  it('answers an unknown cmdlet like PowerShell', async () => {
    const { sim } = await backend();
    expect(await sim.run({ cmdlet: 'Get-Mailbox' as Invocation['cmdlet'], parameters: {} })).toEqual({
      ok: false, error: "The term 'Get-Mailbox' is not recognized as a name of a cmdlet, function, script file, or executable program.",
    });
  });

  it('batchWrites saves at the end (not per step), and a refusal inside keeps the unsaved changes', async () => {
    const { stateFile, sim } = await backend();
    await sim.run(newEndpoint); // outside a batch: saved at once
    const results = await sim.batchWrites(async () => {
      const out = [];
      for (const name of ['B1', 'B2', 'B3']) out.push(await sim.run(newBatch(name, [`${name.toLowerCase()}@contoso.com`])));
      out.push(await sim.run(newBatch('B1', ['x@contoso.com']))); // refused: the name is taken
      out.push(await sim.run(newBatch('B4', ['b4@contoso.com'])));
      return out;
    });
    expect(results.map((r) => r.ok)).toEqual([true, true, true, false, true]);
    expect((await loadState(stateFile))!.batches.map((b) => b.name)).toEqual(['B1', 'B2', 'B3', 'B4']);
    expect((await sim.readLive()).users.map((u) => u.email).sort()).toEqual(['b1@contoso.com', 'b2@contoso.com', 'b3@contoso.com', 'b4@contoso.com']);
  });

  it('reads the progress made by simulator advance', async () => {
    const { stateFile, sim } = await backend();
    await sim.run(newEndpoint);
    await sim.run(newBatch('B1', ['a@contoso.com'], { AutoStart: true }));
    await saveState(stateFile, advance((await loadState(stateFile))!, '1d'));
    expect((await sim.readLive()).batches[0]).toMatchObject({ status: 'Synced', syncedCount: 1 });
  });
});
