// `stagemig simulator serve`: the simulator over HTTP on 127.0.0.1 only, for the StagemigSimulator
// PowerShell module. One endpoint invokes a cmdlet; /stats counts the calls per cmdlet. The URL holds a
// random secret path, so that only a process that was given the URL (not any local process) can call it.
//
// Must not: print, or answer anything but 127.0.0.1 and its secret URL.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StateLockOptions } from '../simulator/index.js';
import { invokeOnSimulator, parseInvokeRequest } from './invoke.js';
import type { OnPremises } from '../simulator/index.js';

export const SIMULATOR_HOST = '127.0.0.1';
const MAX_BODY = 32 * 1024 * 1024;

export interface SimulatorServerStats {
  /** Calls per cmdlet, by the name the caller used (e.g. "Get-MigrationBatch"). */
  calls: Record<string, number>;
}

export interface SimulatorServer {
  /** Base URL with its secret path, e.g. http://127.0.0.1:8123/Xy3…; the only way in. */
  url: string;
  port: number;
  stats(): SimulatorServerStats;
  resetStats(): void;
  close(): Promise<void>;
}

export interface SimulatorServerOptions {
  stateFile: string;
  now: () => Date;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The tenant (*.onmicrosoft.com) until a Connect-ExchangeOnline names one: the mailboxes' routing domain. */
  organization?: string;
  /** What directory sync mirrors into the simulated tenant (the served plan's organization and addresses). */
  onPremises?: OnPremises;
  /** Called after each request (for a log line). */
  onRequest?: (cmdlet: string, ok: boolean) => void;
  /** The state file's lock, shared with every other stagemig process that writes it. */
  lock?: StateLockOptions;
}

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new HttpError(413, 'The request body is too large.');
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 'The request body is not JSON.');
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export async function startSimulatorServer(opts: SimulatorServerOptions): Promise<SimulatorServer> {
  let calls: Record<string, number> = {};
  let queue: Promise<unknown> = Promise.resolve();
  /** One request at a time: each one loads, changes and saves the state file. */
  const serialize = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };
  let port = 0;
  // A session is tenant-scoped: Connect-ExchangeOnline -Organization names the tenant the reads answer for.
  let organization = opts.organization;
  const secret = Buffer.from(`/${randomBytes(24).toString('base64url')}`);
  const knowsSecret = (path: string): boolean => {
    const given = Buffer.from(path.slice(0, secret.length));
    return given.length === secret.length && timingSafeEqual(given, secret) && path[secret.length] === '/';
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = (req.headers.host ?? '').toLowerCase();
    if (host !== `${SIMULATOR_HOST}:${port}` && host !== `localhost:${port}`) throw new HttpError(403, 'Unexpected Host header.');
    const fullPath = (req.url ?? '').split('?')[0] ?? '';
    if (!knowsSecret(fullPath)) throw new HttpError(403, 'Use the URL that `stagemig simulator serve` printed.');
    const path = fullPath.slice(secret.length);
    if (req.method === 'GET' && path === '/stats') return send(res, 200, { calls });
    if (req.method === 'POST' && path === '/stats/reset') {
      calls = {};
      return send(res, 200, { calls });
    }
    if (req.method !== 'POST' || path !== '/invoke') throw new HttpError(404, 'Use POST /invoke or GET /stats.');
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) throw new HttpError(415, 'Send application/json.');
    const parsed = parseInvokeRequest(await readJson(req));
    if (typeof parsed === 'string') throw new HttpError(400, parsed);
    calls[parsed.cmdlet] = (calls[parsed.cmdlet] ?? 0) + 1;
    const connectingTo = parsed.parameters.Organization;
    if (parsed.cmdlet.toLowerCase() === 'connect-exchangeonline' && typeof connectingTo === 'string' && connectingTo.trim() !== '') organization = connectingTo;
    const response = await serialize(() => invokeOnSimulator(parsed, { ...opts, ...(organization ? { organization } : {}) }));
    opts.onRequest?.(parsed.cmdlet, response.ok);
    send(res, 200, response);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      const status = err instanceof HttpError ? err.status : 500;
      send(res, status, { ok: false, error: err instanceof Error ? err.message : String(err) });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, SIMULATOR_HOST, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${SIMULATOR_HOST}:${port}${secret.toString()}`,
    port,
    stats: () => ({ calls: { ...calls } }),
    resetStats: () => {
      calls = {};
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
