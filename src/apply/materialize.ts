// Turns a planned step into the invocation a backend runs: secrets resolved from the environment at the
// last moment, CSV data built, and only cmdlets on the allow-list ever emitted.
//
// Must not: log or return a secret in any text; a missing variable is a diagnostic before step 1.
import { error, secretEnvHint, StagemigError } from '../diag/index.js';
import type { Diagnostic } from '../diag/index.js';
import { isCredentialRef, isCsvRef, nameKey } from '../model/index.js';
import type { CmdletName, DesiredState, DesiredUser, Invocation, Step, WireValue } from '../model/index.js';
import { buildCsvData } from './csv-data.js';
import { emailKey } from '../model/email-key.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Every environment variable the steps need must be set before the first step runs. */
export function checkSecrets(steps: readonly Step[], desired: DesiredState, env: Env): Diagnostic[] {
  const missing = new Map<string, Diagnostic>();
  for (const step of steps) {
    for (const [, v] of step.parameters) {
      if (!isCredentialRef(v) || env[v.credential.passwordEnv]) continue;
      const name = v.credential.passwordEnv;
      const endpoint = desired.endpoints.find((e) => e.passwordEnv === name);
      missing.set(name, error('MISSING_SECRET', `Environment variable ${name} is not set`, {
        detail: `${step.cmdlet} for ${step.address} needs the on-premises password from ${name}.`,
        hint: secretEnvHint(name),
        ...(endpoint ? { range: endpoint.source } : {}),
        address: step.address,
      }));
    }
  }
  return [...missing.values()];
}

/** The cmdlets stagemig emits; nothing else ever reaches a backend. A record, so tsc names a cmdlet left out. */
const EMITTED: Record<CmdletName, true> = {
  'New-MigrationEndpoint': true, 'Set-MigrationEndpoint': true, 'Remove-MigrationEndpoint': true, 'New-MigrationBatch': true,
  'Set-MigrationBatch': true, 'Start-MigrationBatch': true, 'Stop-MigrationBatch': true, 'Remove-MigrationBatch': true,
  'Remove-MigrationUser': true, 'Update-MgUser': true, 'Set-MgUserLicense': true,
};
const CMDLETS: ReadonlySet<string> = new Set(Object.keys(EMITTED));

const refuse = (step: Step, why: string): StagemigError => new StagemigError([error('PLAN_TAMPERED', `Refusing to run ${step.cmdlet} for ${step.address}: ${why}`, {
  hint: 'Nothing was sent for this step. Plan again from the YAML and apply the new plan.', address: step.address,
})]);

/**
 * Turns a step's references into the values the service receives, secrets included. A secret is only
 * ever read from the variable the YAML declares for that step's endpoint, and CSV rows only from its batch.
 */
export function materialize(step: Step, desired: DesiredState, env: Env): Invocation {
  if (!CMDLETS.has(step.cmdlet)) throw refuse(step, 'stagemig never runs this cmdlet');
  const parameters: Record<string, WireValue> = {};
  for (const [name, v] of step.parameters) {
    if (isCredentialRef(v)) {
      const endpoint = desired.endpoints.find((e) => `endpoint.${nameKey(e.name)}` === nameKey(step.address));
      if (!endpoint || endpoint.passwordEnv !== v.credential.passwordEnv) {
        throw refuse(step, `its credential names ${v.credential.passwordEnv}, which the YAML does not declare for this endpoint`);
      }
      const password = env[v.credential.passwordEnv];
      if (!password) throw new StagemigError(checkSecrets([step], desired, env));
      parameters[name] = { credential: { username: v.credential.username, password } };
    } else if (isCsvRef(v)) {
      const batch = desired.batches.find((b) => nameKey(b.name) === nameKey(v.csv.batch));
      if (!batch || `batch.${nameKey(batch.name)}` !== nameKey(step.address)) throw refuse(step, `its CSV rows name another batch (${v.csv.batch})`);
      const byEmail = new Map(batch.users.map((u) => [emailKey(u.email), u]));
      const rows: DesiredUser[] = [];
      for (const e of v.csv.emails) {
        const row = byEmail.get(emailKey(e));
        if (!row) throw refuse(step, `${e} is not in the CSV file of batch ${batch.name}`);
        rows.push(row);
      }
      parameters[name] = { bytes: buildCsvData(rows).toString('base64') };
    } else {
      parameters[name] = v;
    }
  }
  return { cmdlet: step.cmdlet, parameters };
}
