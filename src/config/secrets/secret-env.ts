// validate and plan warn about every secret variable that is not set, before apply (which needs
// them) fails: endpoint passwordEnv and the backend's certificatePasswordEnv.
//
// Must not: contact the service or print: problems come back as diagnostics naming file, line and column.
import type { Diagnostic } from '../../diag/index.js';
import { secretEnvHint, warning } from '../../diag/index.js';
import type { RawPlan } from '../raw-plan.js';
import { locate } from '../yaml/yaml-locate.js';
import { excerptLine, nodeRange, type YamlSource } from '../yaml/yaml-source.js';
import type { Node as YamlNode } from 'yaml';

type Env = Readonly<Record<string, string | undefined>>;

function unset(src: YamlSource, env: Env, name: string, path: string[], detail: string, address?: string): Diagnostic | undefined {
  if (env[name] !== undefined && env[name] !== '') return undefined;
  const range = nodeRange(src, locate(src, path).node as YamlNode | null);
  return warning('MISSING_SECRET', `Environment variable ${name} is not set`, {
    detail: `${detail} \`stagemig apply\` will refuse to run until it is set.`,
    hint: secretEnvHint(name),
    range,
    excerpt: excerptLine(src, range.start.line),
    ...(address ? { address } : {}),
  });
}

/** One warning per unset variable (the first place that names it), in YAML order. */
export function unsetSecretDiagnostics(src: YamlSource, plan: RawPlan, env: Env): Diagnostic[] {
  const out = new Map<string, Diagnostic>();
  const add = (name: string, d: Diagnostic | undefined): void => {
    if (d && !out.has(name)) out.set(name, d);
  };
  const backend = plan.backend;
  if (backend?.type === 'exchange-online' && backend.certificateFile !== undefined && backend.certificatePasswordEnv) {
    const name = backend.certificatePasswordEnv;
    add(name, unset(src, env, name, ['backend', 'certificatePasswordEnv'], 'Connect-ExchangeOnline needs the password of backend.certificateFile.'));
  }
  for (const [endpoint, raw] of Object.entries(plan.endpoints ?? {})) {
    if (raw.state === 'removed') continue;
    const name = raw.credentials.passwordEnv;
    add(name, unset(src, env, name, ['endpoints', endpoint, 'credentials', 'passwordEnv'],
      `Creating or updating endpoint ${endpoint} needs the on-premises password of ${raw.credentials.username}.`, `endpoint.${endpoint}`));
  }
  return [...out.values()];
}
