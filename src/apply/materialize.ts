import { error, secretEnvHint, StagemigError } from '../diag/index.js';
import type { Diagnostic } from '../diag/index.js';
import { isCredentialRef, isCsvRef, nameKey } from '../model/index.js';
import type { DesiredState, DesiredUser, Invocation, Step, WireValue } from '../model/index.js';
import { buildCsvData } from './csv-data.js';

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

/** Turns a step's references into the values the service receives, secrets included. */
export function materialize(step: Step, desired: DesiredState, env: Env): Invocation {
  const parameters: Record<string, WireValue> = {};
  for (const [name, v] of step.parameters) {
    if (isCredentialRef(v)) {
      const password = env[v.credential.passwordEnv];
      if (!password) throw new StagemigError(checkSecrets([step], desired, env));
      parameters[name] = { credential: { username: v.credential.username, password } };
    } else if (isCsvRef(v)) {
      const batch = desired.batches.find((b) => nameKey(b.name) === nameKey(v.csv.batch));
      const byEmail = new Map((batch?.users ?? []).map((u) => [u.email.toLowerCase(), u]));
      const rows = v.csv.emails.map((e) => byEmail.get(e.toLowerCase()) ?? ({ email: e, line: 0 } satisfies DesiredUser));
      parameters[name] = { bytes: buildCsvData(rows).toString('base64') };
    } else {
      parameters[name] = v;
    }
  }
  return { cmdlet: step.cmdlet, parameters };
}
