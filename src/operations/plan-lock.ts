// The per-plan lock apply holds for its whole run, as Terraform locks its state: a second apply of
// the same plan waits (--lock-timeout) or is refused with the holder's pid, host, command and start.
//
// Must not: print or read `process`: it takes a Host and returns values (views make the text).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { planLockPath } from '../apply/applied/index.js';
import { acquireLock, holdingLock, type Lock } from '../files/index.js';
import type { Host } from './host.js';

export async function lockPlan(host: Host, planPath: string): Promise<Lock> {
  const planFile = resolve(host.cwd, planPath);
  // A plan that does not exist is reported by the loader; there is nothing to lock.
  if (!existsSync(planFile)) return { release: async () => undefined };
  return acquireLock(planLockPath(planFile), {
    what: `The plan ${planFile}`, command: host.lock?.command ?? 'stagemig apply', timeoutMs: host.lock?.timeoutMs ?? 0,
  });
}

/** Runs `fn` holding the plan's lock. */
export function withPlanLock<T>(host: Host, planPath: string, fn: () => Promise<T>): Promise<T> {
  return holdingLock(lockPlan(host, planPath), fn);
}
