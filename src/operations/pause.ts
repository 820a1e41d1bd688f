// Waiting between reads of the service, cut short by Ctrl-C (status --watch, apply --wait on a real tenant).
//
// Must not: print or read `process`: it takes a Host and returns values (views make the text).
import type { Host } from './host.js';

export interface Pauser {
  /** Waits `ms` (or until Ctrl-C); resolves false once interrupted. */
  pause: (ms: number) => Promise<boolean>;
  readonly interrupted: boolean;
  /** Unregisters the Ctrl-C handler. */
  done: () => void;
}

export function createPauser(host: Host, onInterrupt?: () => void): Pauser {
  let interrupted = false;
  let wake: (() => void) | undefined;
  const unhook = host.onInterrupt(() => {
    interrupted = true;
    onInterrupt?.();
    wake?.();
  });
  const sleep = host.clock.sleep ?? ((ms: number) => new Promise<void>((resolve) => {
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
