import { describe, expect, it } from 'vitest';
import { createExchangeOnlineBackend } from '../../../src/backends/powershell/index.js';
import { StagemigError } from '../../../src/diag/index.js';
import { fakeBridge, healthy, ok, type Handler } from './fake-bridge.js';

function open(handler: Handler, onInterrupt: (cb: () => void) => () => void) {
  const fake = fakeBridge(handler);
  const backend = createExchangeOnlineBackend({
    config: { type: 'exchange-online', appId: 'a', certificateThumbprint: 'AB'.repeat(20) },
    organization: 'contoso.onmicrosoft.com', env: {}, spawn: fake.spawn, onInterrupt,
  });
  return { fake, backend };
}

async function summary(p: Promise<unknown>): Promise<string> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(StagemigError);
  return (err as StagemigError).diagnostics[0]!.summary;
}

describe('Ctrl-C', () => {
  function interruptible() {
    const handlers: Array<() => void> = [];
    return { onInterrupt: (cb: () => void) => (handlers.push(cb), () => handlers.splice(handlers.indexOf(cb), 1)), fire: () => [...handlers].forEach((h) => h()), handlers };
  }

  it('when idle: disconnects and ends the process at once; later calls are refused', async () => {
    const irq = interruptible();
    const { fake, backend } = open(healthy(), irq.onInterrupt);
    const b = await backend;
    irq.fire();
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.cmdlets().at(-1)).toBe('Disconnect-ExchangeOnline');
    expect(fake.state.ended).toBe(true);
    expect(irq.handlers).toHaveLength(0);
    expect(await summary(b.readLive())).toMatch(/^Interrupted/);
  });

  it('during a call: lets it finish, then closes; a second Ctrl-C kills pwsh', async () => {
    const irq = interruptible();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { fake, backend } = open(healthy({}, async () => (await gate, ok())), irq.onInterrupt);
    const b = await backend;
    const running = b.run({ cmdlet: 'Stop-MigrationBatch', parameters: { Identity: 'B', Confirm: false } });
    irq.fire();
    expect(fake.state.ended).toBe(false);
    release();
    expect(await running).toEqual({ ok: true, warnings: [] });
    await b.close();
    expect(fake.cmdlets()).toEqual(['Import-Module', 'Connect-ExchangeOnline', 'Stop-MigrationBatch', 'Disconnect-ExchangeOnline']);
    expect(fake.state.ended).toBe(true);
    const second = open(healthy({}, () => new Promise(() => undefined)), irq.onInterrupt);
    const b2 = await second.backend;
    void b2.run({ cmdlet: 'Stop-MigrationBatch', parameters: { Identity: 'B' } });
    irq.fire();
    irq.fire();
    expect(second.fake.state.killed).toBe(true);
  });
});
