// Debug log of every call to the migration service (STAGEMIG_LOG=debug or --log-file): what was
// called, its parameters with every secret masked, how long it took and how big the answer was.
//
// Must not: print; every call to the service goes through the Backend interface.
import { performance } from 'node:perf_hooks';
import { SENSITIVE_MASK } from '../model/index.js';
import type { Invocation, LiveState, WireValue } from '../model/index.js';
import type { Backend, RunResult } from './backend.js';

/** Receives one finished line (no newline); the CLI writes it to stderr or the log file. */
export type CallLogSink = (line: string) => void;

/** Parameter names that hold a secret whatever their value looks like. */
const SECRET_NAME = /(password|passwd|pwd|secret|credential)/i;

/** A parameter value as the log shows it: credentials and CSV bytes never, only their shape. */
export function maskedValue(name: string, v: WireValue): unknown {
  if (typeof v === 'object' && !Array.isArray(v)) {
    if ('credential' in v) return { username: v.credential.username, password: SENSITIVE_MASK };
    if ('bytes' in v) return `${SENSITIVE_MASK} CSV, ${Buffer.byteLength(v.bytes, 'base64')} bytes`;
  }
  return SECRET_NAME.test(name) ? SENSITIVE_MASK : v;
}

export function maskedParameters(inv: Invocation): Record<string, unknown> {
  return Object.fromEntries(Object.entries(inv.parameters).map(([k, v]) => [k, maskedValue(k, v)]));
}

const liveSize = (l: LiveState): string =>
  `${l.endpoints.length} endpoints, ${l.batches.length} batches, ${l.users.length} users, ${Buffer.byteLength(JSON.stringify(l))} bytes`;

const runSize = (r: RunResult): string => (r.ok ? `ok, ${r.warnings.length} warnings` : `refused: ${r.error.length} characters of error text`);

/** Wraps a backend so each call writes one line; everything else (clock, counters) passes through. */
export function withCallLog(backend: Backend, sink: CallLogSink, now: () => Date): Backend {
  async function timed<T>(call: string, args: string, fn: () => Promise<T>, size: (r: T) => string): Promise<T> {
    const started = performance.now();
    const line = (outcome: string) => `${now().toISOString()} debug backend.${call}${args ? ` ${args}` : ''} (${Math.round(performance.now() - started)} ms) -> ${outcome}`;
    try {
      const result = await fn();
      sink(line(size(result)));
      return result;
    } catch (err) {
      sink(line(`threw ${err instanceof Error ? err.name : 'error'}`));
      throw err;
    }
  }
  const wrapped: Partial<Backend> = {
    readLive: () => timed('readLive', '', () => backend.readLive(), liveSize),
    readMailboxes: () => timed('readMailboxes', '', () => backend.readMailboxes(), (m) => `${m.length} mailboxes`),
    run: (inv) => timed('run', `${inv.cmdlet} ${JSON.stringify(maskedParameters(inv))}`, () => backend.run(inv), runSize),
    close: () => timed('close', '', () => backend.close(), () => 'closed'),
  };
  // Only where the backend reads licences: callers ask `backend.readLicensing` whether it can.
  const readLicensing = backend.readLicensing?.bind(backend);
  if (readLicensing) wrapped.readLicensing = () => timed('readLicensing', '', readLicensing, (l) => `${l.skus.length} SKUs, ${l.users.length} users`);
  return new Proxy(backend, {
    get(target, prop, receiver) {
      if (typeof prop === 'string' && prop in wrapped) return wrapped[prop as keyof Backend];
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
