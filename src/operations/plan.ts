// `stagemig plan`: load the YAML, read the service once, plan, and (with --out) save the plan.
// Must not: print, change the service, or write anything but the --out file.
//
// THE PATTERN every command follows (plan is the reference; apply, show, status, ... are alike):
//   cli/commands/<name>.ts   thin: commander flags → typed args; call the operation; pick a view;
//                            print the view's text; set the exit code. No logic, no literal text.
//   operations/<name>.ts     run<Name>(host, args) → result value (+ warnings as diagnostics).
//                            Loads plans with loadDesired, opens backends with openBackendFor /
//                            withBackend / openPlanSession, sequences config, plan, apply, backends.
//                            Aborts with StagemigError (diagnostics); never prints. Long-running
//                            operations report progress through an events object the command passes.
//   render/<area>/<name>-view.ts  result → text (human, json, markdown...). The only code that writes
//                            text or terminal escapes. Pure: no I/O, no clock reads.
// Tests: operations and views unit-tested directly; behaviour through test/helpers/in-process.ts.
import { displayPath } from '../config/index.js';
import type { Diagnostic } from '../diag/index.js';
import type { DesiredState, LiveState } from '../model/index.js';
import { hasPendingChanges, type Plan } from '../plan/index.js';
import { TOOL_VERSION } from '../version.js';
import type { Host } from './host.js';
import { openPlanSession } from './plan-session.js';
import type { PlanningOptions } from './planning.js';

export interface PlanArgs extends PlanningOptions {
  planPath: string;
  /** --out: also save the plan here (relative to host.cwd). */
  out?: string;
}

export interface PlanResult {
  desired: DesiredState;
  live: LiveState;
  plan: Plan;
  /** When the plan was made (the saved plan and the JSON document carry it). */
  createdAt: Date;
  /** Warnings from loading the plan (errors abort). */
  warnings: Diagnostic[];
  /** Changes pending (for refresh-only: drift found), what --detailed-exitcode reports. */
  pending: boolean;
  /** The saved plan file, when --out was given. */
  savedTo?: string;
  /** `--out -`: the saved plan itself, for stdout. */
  savedJson?: string;
  /** The plan file as the user sees it (relative to the working folder). */
  planFileShown: string;
}

export async function runPlan(host: Host, args: PlanArgs): Promise<PlanResult> {
  // --out: the saved plan records the digests of the bytes this plan is made from (one read of each input).
  const session = await openPlanSession(host, args.planPath, args, { warnUnsetSecrets: true, digestInputs: args.out !== undefined });
  try {
    const { desired, live, plan, warnings } = session;
    const createdAt = host.clock.now();
    let savedJson: string | undefined;
    if (args.out !== undefined) {
      // Loaded only for --out: a plain plan starts faster without the saved-plan modules.
      const { buildSavedPlan, checkOutPath, OUT_STDOUT, writeSavedPlan } = await import('../apply/saved-plan/index.js');
      const options = { targets: session.options.targets ?? [], allow_remove: session.options.allowRemove === true };
      if (args.out !== OUT_STDOUT) await checkOutPath(args.out, host.cwd, desired);
      const saved = await buildSavedPlan({ desired, live, plan, cwd: host.cwd, now: createdAt, toolVersion: TOOL_VERSION, options });
      if (args.out === OUT_STDOUT) savedJson = `${JSON.stringify(saved, null, 2)}\n`;
      else await writeSavedPlan(args.out, host.cwd, saved);
    }
    return {
      desired, live, plan, createdAt, warnings, pending: hasPendingChanges(plan), planFileShown: displayPath(desired.planFile, host.cwd),
      ...(args.out !== undefined && savedJson === undefined ? { savedTo: args.out } : {}), ...(savedJson !== undefined ? { savedJson } : {}),
    };
  } finally {
    await session.backend.close();
  }
}
