// Shared set-up for the simulator tests: a fresh service, CSV bytes, and cmdlet shortcuts.
import { expect } from 'vitest';
import type { WireValue } from '../../../src/model/index.js';
import type { RunResult } from '../../../src/backends/backend.js';
import {
  advanceState, emptyState, invokeCmdlet, readBatches, readUsers, type SimState,
} from '../../../src/backends/simulator/index.js';
import { parseDuration } from '../../../src/model/index.js';

export const T0 = new Date('2026-01-05T09:00:00Z');

export const csvBytes = (text: string, encoding: BufferEncoding = 'utf8'): { bytes: string } => ({
  bytes: Buffer.from(text, encoding).toString('base64'),
});

export const csvOf = (emails: string[]): { bytes: string } => csvBytes(`EmailAddress\r\n${emails.join('\r\n')}\r\n`);

export const credential = { credential: { username: 'CONTOSO\\administrator', password: 'P@ssw0rd-secret' } };

export function invoke(state: SimState, cmdlet: string, parameters: Record<string, WireValue>): { state: SimState; result: RunResult } {
  return invokeCmdlet(state, { cmdlet, parameters });
}

/** Runs a cmdlet that must succeed; returns the new state. */
export function ok(state: SimState, cmdlet: string, parameters: Record<string, WireValue>): SimState {
  const { state: next, result } = invoke(state, cmdlet, parameters);
  expect(result, `${cmdlet} ${JSON.stringify(parameters)}`).toMatchObject({ ok: true });
  return next;
}

/** Runs a cmdlet that must be refused with `text`; asserts that the state is unchanged. */
export function refused(state: SimState, cmdlet: string, parameters: Record<string, WireValue>, text: string): void {
  const before = structuredClone(state);
  const { state: next, result } = invoke(state, cmdlet, parameters);
  expect(result).toEqual({ ok: false, error: text });
  expect(next).toEqual(before);
}

export function withEndpoint(state = emptyState(T0), extra: Record<string, WireValue> = {}, name = 'StagedEndpoint'): SimState {
  return ok(state, 'New-MigrationEndpoint', {
    Name: name, ExchangeOutlookAnywhere: true, Autodiscover: true, EmailAddress: 'administrator@contoso.com',
    Credentials: credential, ...extra,
  });
}

export function withBatch(state: SimState, name: string, emails: string[], extra: Record<string, WireValue> = {}): SimState {
  return ok(state, 'New-MigrationBatch', { Name: name, SourceEndpoint: 'StagedEndpoint', CSVData: csvOf(emails), ...extra });
}

export const emails = (prefix: string, n: number): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(4, '0')}@contoso.com`);

export const advance = (state: SimState, duration: string): SimState => advanceState(state, parseDuration(duration)!);

export const batchOf = (state: SimState, name: string) => readBatches(state).find((b) => b.name === name)!;
export const userOf = (state: SimState, email: string) => readUsers(state).find((u) => u.email === email)!;
