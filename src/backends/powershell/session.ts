// One PowerShell session per run: calls with throttling retries, an orderly close (Disconnect-ExchangeOnline,
// then end of input so pwsh exits), and Ctrl-C handling (close after the call in flight; twice: kill).
//
// Must not: print, or put a secret on pwsh's command line, in its environment or in a log.
import { error, StagemigError } from '../../diag/index.js';
import { BridgeExitError, type BridgeProcess } from './bridge-process.js';
import { bridgeEnded, pwshMissing } from './failures.js';
import type { BridgeResponse, BridgeValue } from './protocol.js';
import { withThrottleRetry, type RetryOptions } from './retry.js';

const DISCONNECT_TIMEOUT_MS = 30_000;
const EXIT_TIMEOUT_MS = 10_000;

export interface SessionOptions {
  command: string;
  retry: RetryOptions;
  onInterrupt?: (cb: () => void) => () => void;
}

function interruptedError(): StagemigError {
  return new StagemigError([
    error('BACKEND_FAILED', 'Interrupted: the Exchange Online session was closed', {
      hint: 'Nothing more was sent to the service. Run `stagemig plan` to see where things stand.',
    }),
  ]);
}

export class PwshSession {
  #busy = 0;
  #interrupts = 0;
  #connected = false;
  #graphConnected = false;
  #closing: Promise<void> | undefined;
  readonly #unhook: (() => void) | undefined;

  constructor(readonly bridge: BridgeProcess, private readonly opts: SessionOptions) {
    this.#unhook = opts.onInterrupt?.(() => this.#interrupt());
  }

  /** Marks the session connected, so close() disconnects it. */
  connected(): void {
    this.#connected = true;
  }

  /** Marks Microsoft Graph connected in this session, so close() disconnects it too. */
  graphConnected(): void {
    this.#graphConnected = true;
  }

  translate(err: unknown, during: string): unknown {
    if (err instanceof BridgeExitError) return err.missing ? pwshMissing(this.opts.command) : bridgeEnded(err, during);
    return err;
  }

  async call(cmdlet: string, parameters: Record<string, BridgeValue>, during: string): Promise<BridgeResponse> {
    if (this.#interrupts > 0 || this.#closing) throw interruptedError();
    this.#busy += 1;
    try {
      return await withThrottleRetry(() => this.bridge.call(cmdlet, parameters), this.opts.retry);
    } catch (err) {
      throw this.translate(err, during);
    } finally {
      this.#busy -= 1;
      if (this.#interrupts > 0 && this.#busy === 0) void this.close();
    }
  }

  /** Idempotent: disconnects (when connected), ends pwsh's input and waits for it to exit. */
  close(): Promise<void> {
    this.#closing ??= this.#doClose();
    return this.#closing;
  }

  async #doClose(): Promise<void> {
    this.#unhook?.();
    if (this.#connected || this.#graphConnected) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, DISCONNECT_TIMEOUT_MS)));
      const quietly = (p: Promise<unknown>): Promise<void> => p.then(() => undefined, () => undefined);
      const disconnect = (async () => {
        if (this.#graphConnected) await quietly(this.bridge.call('Disconnect-MgGraph', {}));
        if (this.#connected) await quietly(this.bridge.call('Disconnect-ExchangeOnline', { Confirm: false }));
      })();
      await Promise.race([disconnect, timeout]);
      clearTimeout(timer);
    }
    await this.bridge.end(EXIT_TIMEOUT_MS);
  }

  #interrupt(): void {
    this.#interrupts += 1;
    if (this.#interrupts > 1) return this.bridge.kill();
    if (this.#busy === 0) void this.close();
  }
}
