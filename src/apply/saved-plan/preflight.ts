// Before a saved plan runs: same inputs, same backend, same live objects, or a refusal that says what changed.
//
// Must not: print, or let a saved plan run whose inputs or live service changed since it was made.
import type { LoadPlanResult } from '../../config/index.js';
import { error, hasErrors, StagemigError } from '../../diag/index.js';
import type { Diagnostic, SourceRange } from '../../diag/index.js';
import type { Backend } from '../../backends/index.js';
import { batchAddress, endpointAddress, nameKey } from '../../model/index.js';
import type { DesiredState, LiveState } from '../../model/index.js';
import { compareFingerprints, fingerprintLive } from './fingerprint.js';
import type { SavedPlanFile } from './format.js';
import { changedInputs, hashInputs } from './inputs.js';
import type { Plan } from '../../plan/index.js';
import { describeStepDifference } from './step-difference.js';

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

async function inputDiagnostics(saved: SavedPlanFile, file: string, cwd: string, loaded: ReadonlyMap<string, string> | undefined): Promise<Diagnostic[]> {
  const changes = await changedInputs(saved.inputs, cwd, loaded);
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

const tampered = (saved: SavedPlanFile, file: string, summary: string, detail: string): StagemigError =>
  new StagemigError([error('PLAN_TAMPERED', summary, {
    detail, hint: `${file} must be applied exactly as \`stagemig plan --out\` wrote it. ${rePlan(saved, file)}`,
    range: { file, start: { line: 1, col: 1 } },
  })]);

/** The YAML and every CSV it names must be hashed in the file: an input left out would go unchecked. */
function inputListProblem(saved: SavedPlanFile, desired: DesiredState, file: string, cwd: string): StagemigError | undefined {
  const expected = hashInputs(desired, cwd).map((i) => i.path);
  const listed = saved.inputs.map((i) => i.path);
  const missing = expected.filter((p) => !listed.includes(p));
  const extra = listed.filter((p) => !expected.includes(p));
  if (missing.length === 0 && extra.length === 0 && listed.length === expected.length) return undefined;
  const parts = [missing.length > 0 ? `not hashed: ${missing.join(', ')}` : '', extra.length > 0 ? `not inputs of the plan: ${extra.join(', ')}` : '',
    listed.length !== new Set(listed).size ? 'some inputs are listed twice' : ''].filter(Boolean);
  return tampered(saved, file, `Saved plan ${file} does not list the inputs of ${saved.plan_file}`, `${parts.join('; ')}.`);
}

/**
 * Loads and checks everything; returns the desired state, an open backend, the live state and the plan
 * derived again from them (equal to the saved one), or throws PLAN_* diagnostics.
 */
export async function preflightSavedPlan(saved: SavedPlanFile, file: string, opts: {
  cwd: string;
  /** Loads the YAML and CSVs the file names, without aborting, with the digests of the bytes read (operations/load-desired.ts). */
  load: (planFile: string, allowCsvOutside: boolean) => Promise<LoadPlanResult>;
  /** Opens the plan's backend (operations/open-backend.ts). */
  open: (desired: DesiredState) => Promise<Backend>;
  /** Plans again from the inputs and the live service, with the options the file was planned with. */
  derive: (desired: DesiredState, live: LiveState, backend: Backend) => Promise<Plan>;
}): Promise<{
  desired: DesiredState;
  backend: Backend;
  live: LiveState;
  plan: Plan;
}> {
  // One read of each input: the digests compared are those of the bytes the steps are derived from.
  const loaded = await opts.load(saved.plan_file, saved.options.allow_csv_outside === true);
  const diags = await inputDiagnostics(saved, file, opts.cwd, loaded.inputDigests);
  const identity = loaded.desired && identityProblem(saved, loaded.desired, file);
  if (identity) diags.unshift(identity);
  if (diags.length > 0) throw new StagemigError(diags);
  if (hasErrors(loaded.diagnostics) || !loaded.desired) throw new StagemigError(loaded.diagnostics);
  const desired = loaded.desired;
  const listProblem = inputListProblem(saved, desired, file, opts.cwd);
  if (listProblem) throw listProblem;
  const backend = await opts.open(desired);
  try {
    const live = await backend.readLive();
    const differences = compareFingerprints(saved.live, fingerprintLive(live));
    if (differences.length === 0) {
      // Tamper-evident: the steps that run are the ones these inputs and this service give, and must be the saved ones.
      const plan = await opts.derive(desired, live, backend);
      const difference = describeStepDifference(saved.plan.steps, plan.steps);
      if (difference === undefined) return { desired, backend, live, plan };
      throw tampered(saved, file, `Saved plan ${file} holds steps that its inputs do not give`, `${difference} ` +
        'The file was edited after it was written (or the last-applied record, licences or a removal gate moved on since).');
    }
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
