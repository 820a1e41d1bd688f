// A validated plan → DesiredState: defaults filled in, paths made absolute, arrays sorted by name.
//
// Must not: contact the service or print: problems come back as diagnostics naming file, line and column.
import { dirname, join, resolve } from 'node:path';
import type { Node as YamlNode } from 'yaml';
import type { SourceRange } from '../diag/index.js';
import type { BackendConfig, DesiredBatch, DesiredCutover, DesiredEndpoint, DesiredState, DesiredUser, UserColumns } from '../model/index.js';
import { compareText, DEFAULT_WAIT_AFTER_MX_MS, parseDuration, usersFromColumns } from '../model/index.js';
import { NO_ROWS as NO_COLUMNS } from './csv/csv-rows.js';
import type { RawBackend, RawBatch, RawCutover, RawEndpoint, RawPlan } from './raw-plan.js';
import { nodeRange, type YamlSource } from './yaml/yaml-source.js';
import { locate } from './yaml/yaml-locate.js';

/** Default simulator state file, beside the plan: `<plan dir>/.stagemig/simulator.json`. */
export function defaultStateFile(planFile: string): string {
  return join(dirname(planFile), '.stagemig', 'simulator.json');
}

/** A module given as a path (./x.psd1, ../m, C:\m) resolves against the plan's folder; a name stays. */
function resolveModule(baseDir: string, module: string): string {
  return /[\\/]/.test(module) || /\.ps[dm]1$/i.test(module) ? resolve(baseDir, module) : module;
}

export function resolveBackend(planFile: string, raw: RawBackend | undefined): BackendConfig {
  const baseDir = dirname(planFile);
  if (!raw || raw.type === 'simulator') {
    return { type: 'simulator', stateFile: raw?.stateFile ? resolve(baseDir, raw.stateFile) : defaultStateFile(planFile) };
  }
  const cfg: BackendConfig = { type: 'exchange-online', appId: raw.appId ?? '' };
  if (raw.certificateFile !== undefined) cfg.certificateFile = resolve(baseDir, raw.certificateFile);
  if (raw.certificatePasswordEnv !== undefined) cfg.certificatePasswordEnv = raw.certificatePasswordEnv;
  if (raw.certificateThumbprint !== undefined) cfg.certificateThumbprint = raw.certificateThumbprint;
  if (raw.module !== undefined) cfg.module = resolveModule(baseDir, raw.module);
  return cfg;
}

/** `72h` / `3d` (the schema's pattern) → milliseconds. */
export function waitMs(text: string | undefined): number {
  return parseDuration(text ?? '') ?? DEFAULT_WAIT_AFTER_MX_MS;
}

function resolveCutover(raw: RawCutover): DesiredCutover {
  const out: DesiredCutover = { waitAfterMxSwitchMs: waitMs(raw.waitAfterMxSwitch) };
  if (raw.mxSwitchedAt !== undefined) out.mxSwitchedAt = raw.mxSwitchedAt;
  return out;
}

function keyRange(src: YamlSource, path: string[]): SourceRange {
  const loc = locate(src, path);
  return nodeRange(src, (loc.pair?.key ?? loc.node) as YamlNode | null);
}

function resolveEndpoint(src: YamlSource, name: string, raw: RawEndpoint): DesiredEndpoint {
  const ep: DesiredEndpoint = {
    name,
    state: raw.state ?? 'present',
    type: raw.type,
    autodiscover: raw.autodiscover ?? false,
    username: raw.credentials.username,
    passwordEnv: raw.credentials.passwordEnv,
    protect: raw.protect ?? true,
    source: keyRange(src, ['endpoints', name]),
  };
  if (raw.authentication !== undefined && !ep.autodiscover) ep.authentication = raw.authentication === 'NTLM' ? 'Ntlm' : 'Basic';
  if (raw.exchangeServer !== undefined) ep.exchangeServer = raw.exchangeServer;
  if (raw.rpcProxyServer !== undefined) ep.rpcProxyServer = raw.rpcProxyServer;
  if (raw.emailAddress !== undefined) ep.emailAddress = raw.emailAddress;
  if (raw.maxConcurrentMigrations !== undefined) ep.maxConcurrentMigrations = raw.maxConcurrentMigrations;
  if (raw.maxConcurrentIncrementalSyncs !== undefined) ep.maxConcurrentIncrementalSyncs = raw.maxConcurrentIncrementalSyncs;
  if (!ep.autodiscover && raw.nspiServer !== undefined) ep.nspiServer = raw.nspiServer;
  if (!ep.autodiscover && raw.mailboxPermission !== undefined) ep.mailboxPermission = raw.mailboxPermission;
  if (raw.skipVerification === true) ep.skipVerification = true;
  if (raw.acceptUntrustedCertificates === true) ep.acceptUntrustedCertificates = true;
  if (raw.sourceMailboxLegacyDN !== undefined) ep.sourceMailboxLegacyDN = raw.sourceMailboxLegacyDN;
  if (raw.testMailbox !== undefined) ep.testMailbox = raw.testMailbox;
  return ep;
}

function resolveBatch(src: YamlSource, name: string, raw: RawBatch, columns: UserColumns): DesiredBatch {
  let users: DesiredUser[] | undefined;
  const batch: DesiredBatch = {
    name,
    endpoint: raw.endpoint,
    state: raw.state ?? 'started',
    notificationEmails: [...(raw.notificationEmails ?? [])],
    csv: raw.csv,
    csvPath: resolve(dirname(src.absPath), raw.csv),
    // An object per row only when something asks for them (a first plan of 200,000 rows never does).
    get users() {
      return (users ??= usersFromColumns(columns));
    },
    columns,
    protect: raw.protect ?? true,
    source: keyRange(src, ['batches', name]),
  };
  if (raw.startAfter !== undefined) batch.startAfter = raw.startAfter;
  if (raw.retryFailed === true) batch.retryFailed = true;
  if (raw.convertedAt !== undefined) batch.convertedAt = raw.convertedAt;
  if (raw.license !== undefined) {
    batch.license = { skuPartNumber: raw.license.skuPartNumber, usageLocation: raw.license.usageLocation, source: keyRange(src, ['batches', name, 'license']) };
  }
  return batch;
}

export function resolveDesired(src: YamlSource, plan: RawPlan, users: ReadonlyMap<string, UserColumns>): DesiredState {
  const byName = <T>(entries: Record<string, T> | undefined): Array<[string, T]> =>
    Object.entries(entries ?? {}).sort(([a], [b]) => compareText(a, b));
  return {
    planFile: src.absPath,
    organization: plan.organization,
    sso: plan.sso ?? false,
    backend: resolveBackend(src.absPath, plan.backend),
    ...(plan.cutover ? { cutover: resolveCutover(plan.cutover) } : {}),
    endpoints: byName(plan.endpoints).map(([name, raw]) => resolveEndpoint(src, name, raw)),
    batches: byName(plan.batches).map(([name, raw]) => resolveBatch(src, name, raw, users.get(name) ?? NO_COLUMNS)),
  };
}
