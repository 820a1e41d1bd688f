// Waiting between reads of the service, cut short by Ctrl-C (status --watch, apply --wait on a real tenant).
import type { Io } from './io.js';

export interface Pauser {
  /** Waits `ms` (or until Ctrl-C); resolves false once interrupted. */
  pause: (ms: number) => Promise<boolean>;
  readonly interrupted: boolean;
  /** Unregisters the Ctrl-C handler. */
  done: () => void;
}

export function createPauser(io: Io, onInterrupt?: () => void): Pauser {
  let interrupted = false;
  let wake: (() => void) | undefined;
  const unhook = io.onInterrupt(() => {
    interrupted = true;
    onInterrupt?.();
    wake?.();
  });
  const sleep = io.sleep ?? ((ms: number) => new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    wake = () => {
      clearTimeout(timer);
      resolve();
    };
  }));
  return {
    get interrupted() {
      return interrupted;
    },
    pause: async (ms) => {
      if (interrupted) return false;
      await sleep(ms);
      wake = undefined;
      return !interrupted;
    },
    done: unhook,
  };
}
