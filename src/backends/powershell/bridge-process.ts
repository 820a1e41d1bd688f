// The long-lived pwsh process running bridge.ps1: one request at a time over stdin, responses by id.
//
// Must not: print, or put a secret on pwsh's command line, in its environment or in a log.
import { createInterface } from 'node:readline';
import { execa } from 'execa';
import {
  BridgeProtocolError, encodeRequest, parseBridgeLine, type BridgeRequest, type BridgeResponse, type BridgeValue,
} from './protocol.js';

export interface BridgeProcess {
  readonly pid: number | undefined;
  /** The bridge's hello (id 0): resolves once PowerShell runs the script. */
  readonly hello: Promise<BridgeResponse>;
  call(cmdlet: string, parameters: Record<string, BridgeValue>): Promise<BridgeResponse>;
  /** Closes stdin (the bridge disconnects and exits) and waits; kills the process after `timeoutMs`. */
  end(timeoutMs: number): Promise<void>;
  kill(): void;
  /** The last lines pwsh wrote to stderr, for a diagnostic. */
  stderrTail(): string;
}

export interface BridgeSpawnOptions {
  command: string;
  args: string[];
  env: Record<string, string>;
  cwd?: string;
}

/** pwsh ended before answering: `missing` when the program itself could not be started. */
export class BridgeExitError extends Error {
  constructor(message: string, readonly missing: boolean, readonly stderr: string) {
    super(message);
    this.name = 'BridgeExitError';
  }
}

const TAIL = 4000;

/**
 * Kills pwsh with everything it started: `pwsh` may be a launcher (the dotnet global tool's shim runs
 * pwsh.dll in a child), and the child runs in its own process group (detached), so kill the group.
 */
function killTree(pid: number | undefined, fallback: () => void): void {
  if (pid === undefined) return;
  if (process.platform === 'win32') return fallback();
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    fallback();
  }
}

export function spawnBridge(opts: BridgeSpawnOptions): BridgeProcess {
  // Own process group: a terminal Ctrl-C reaches stagemig only, which then ends the session in order.
  const child = execa(opts.command, opts.args, {
    env: opts.env, extendEnv: false, cwd: opts.cwd, stdin: 'pipe', stdout: 'pipe', stderr: 'pipe',
    buffer: false, reject: false, detached: true, windowsHide: true, stripFinalNewline: false,
  });
  const pending = new Map<number, { resolve: (r: BridgeResponse) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let stderr = '';
  let exitError: BridgeExitError | undefined;
  let helloResolve!: (r: BridgeResponse) => void;
  let helloReject!: (e: Error) => void;
  const hello = new Promise<BridgeResponse>((resolve, reject) => ((helloResolve = resolve), (helloReject = reject)));
  hello.catch(() => undefined);

  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-TAIL)));
  const failAll = (err: Error): void => {
    helloReject(err);
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  if (child.stdout) {
    createInterface({ input: child.stdout, crlfDelay: Infinity }).on('line', (line) => {
      let response: BridgeResponse | undefined;
      try {
        response = parseBridgeLine(line);
      } catch (err) {
        failAll(err as BridgeProtocolError);
        killTree(child.pid, () => child.kill('SIGKILL'));
        return;
      }
      if (!response) return;
      if (response.id === 0) return helloResolve(response);
      const waiter = response.id === null ? undefined : pending.get(response.id);
      if (!waiter) return;
      pending.delete(response.id!);
      waiter.resolve(response);
    });
  }
  child.stdin?.on('error', () => undefined);
  const exited = child.then((result) => {
    const missing = (result as { code?: string }).code === 'ENOENT';
    const how = result.signal ? `signal ${result.signal}` : `exit code ${String(result.exitCode)}`;
    exitError = new BridgeExitError(
      missing ? `${opts.command} could not be started (not found)` : `PowerShell ended unexpectedly (${how})`, missing, stderr,
    );
    failAll(exitError);
  });

  return {
    get pid() {
      return child.pid;
    },
    hello,
    call(cmdlet, parameters) {
      if (exitError) return Promise.reject(exitError);
      const request: BridgeRequest = { id: nextId++, cmdlet, parameters };
      return new Promise<BridgeResponse>((resolve, reject) => {
        pending.set(request.id, { resolve, reject });
        child.stdin?.write(encodeRequest(request));
      });
    },
    async end(timeoutMs) {
      child.stdin?.end();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
      const outcome = await Promise.race([exited.then(() => 'exited' as const), timeout]);
      clearTimeout(timer);
      if (outcome === 'timeout') {
        killTree(child.pid, () => child.kill('SIGKILL'));
        await exited;
      }
    },
    kill() {
      killTree(child.pid, () => child.kill('SIGKILL'));
    },
    stderrTail: () => stderr,
  };
}
