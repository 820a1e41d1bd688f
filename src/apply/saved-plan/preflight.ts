// Before a saved plan runs: same inputs, same backend, same live objects, or a refusal that says what changed.
import { loadPlan } from '../../config/index.js';
import { error, hasErrors, StagemigError } from '../../diag/index.js';
import type { Diagnostic, SourceRange } from '../../diag/index.js';
import type { Backend } from '../../backends/index.js';
import { batchAddress, endpointAddress, nameKey } from '../../model/index.js';
import type { DesiredState, LiveState } from '../../model/index.js';
import { compareFingerprints, fingerprintLive } from './fingerprint.js';
import type { SavedPlanFile } from './format.js';
import { changedInputs } from './inputs.js';

const MAX_LISTED = 20;

const rePlan = (saved: SavedPlanFile, file: string): string =>
  `Nothing was changed. Run \`stagemig plan ${saved.plan_file} --out ${file}\` again, review the new plan, then apply it.`;

function sourceOf(desired: DesiredState, address: string): SourceRange | undefined {
  const key = nameKey(address);
  return desired.endpoints.find((e) => nameKey(endpointAddress(e.name)) === key)?.source
    ?? desired.batches.find((b) => nameKey(batchAddress(b.name)) === key)?.source;
}

function identityProblem(saved: SavedPlanFile, desired: DesiredState, file: string): Diagnostic | undefined {
  const b = saved.backend;
  if (b.type === desired.backend.type && nameKey(b.organization) === nameKey(desired.organization)) return undefined;
  return error('PLAN_BACKEND_MISMATCH', `Saved plan was made for ${b.organization} (${b.type}), not ${desired.organization} (${desired.backend.type})`, {
    detail: `${saved.plan_file} now targets another organization or backend than the one ${file} was planned against.`,
    hint: rePlan(saved, file), range: { file: saved.plan_file, start: { line: 1, col: 1 } },
  });
}

async function inputDiagnostics(saved: SavedPlanFile, file: string, cwd: string): Promise<Diagnostic[]> {
  const changes = await changedInputs(saved.inputs, cwd);
  if (changes.length > 0 && changes.length === saved.inputs.length && changes.every((c) => c.what === 'missing')) {
    return [error('FILE_NOT_FOUND', `None of the files ${file} was planned from exist here (${saved.plan_file}, …)`, {
      detail: 'The paths in a saved plan are relative to the folder `stagemig plan --out` ran in.',
      hint: 'Run `stagemig apply` from that folder (in CI: the repository root, after checking out the merged commit).',
    })];
  }
  return changes.map((c) => error('PLAN_STALE',
    `Saved plan is stale: ${c.path} ${c.what === 'missing' ? 'no longer exists' : 'changed'} since the plan was made`, {
      detail: `${file} was planned at ${saved.created_at} from the file's earlier content (sha256 ${saved.inputs.find((i) => i.path === c.path)?.sha256.slice(0, 12)}…).`,
      hint: rePlan(saved, file), range: { file: c.path, start: { line: 1, col: 1 } },
    }));
}

/** Loads and checks everything; returns the desired state and an open backend, or throws PLAN_* diagnostics. */
export async function preflightSavedPlan(saved: SavedPlanFile, file: string, opts: {
  cwd: string;
  /** Opens the plan's backend (operations/open-backend.ts). */
  open: (desired: DesiredState) => Promise<Backend>;
}): Promise<{
  desired: DesiredState;
  backend: Backend;
  live: LiveState;
}> {
  const diags = await inputDiagnostics(saved, file, opts.cwd);
  const loaded = await loadPlan(saved.plan_file, { cwd: opts.cwd });
  const identity = loaded.desired && identityProblem(saved, loaded.desired, file);
  if (identity) diags.unshift(identity);
  if (diags.length > 0) throw new StagemigError(diags);
  if (hasErrors(loaded.diagnostics) || !loaded.desired) throw new StagemigError(loaded.diagnostics);
  const desired = loaded.desired;
  const backend = await opts.open(desired);
  try {
    const live = await backend.readLive();
    const differences = compareFingerprints(saved.live, fingerprintLive(live));
    if (differences.length === 0) return { desired, backend, live };
    const listed = differences.slice(0, MAX_LISTED).map((d) => {
      const range = sourceOf(desired, d.address);
      return error('PLAN_STALE', `Saved plan is stale: ${d.address} changed in the migration service since the plan was made`, {
        detail: `${d.address}: ${d.what} (the plan read it at ${saved.created_at}).`, hint: rePlan(saved, file), address: d.address,
        ...(range ? { range } : {}),
      });
    });
    if (differences.length > MAX_LISTED) {
      listed.push(error('PLAN_STALE', `Saved plan is stale: ${differences.length - MAX_LISTED} more live objects changed`, {
        detail: differences.slice(MAX_LISTED).map((d) => d.address).join(', '), hint: rePlan(saved, file),
      }));
    }
    throw new StagemigError(listed);
  } catch (err) {
    await backend.close();
    throw err;
  }
}
