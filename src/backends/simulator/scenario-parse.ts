// A simulator scenario file (YAML or JSON): the faults the simulated service injects. Its shape is
// checked against schemas/simulator-scenario.schema.json first (scenario-schema.ts); every problem is
// reported with file:line:col; nothing is applied unless the whole file is valid.
//
// Must not: print; its time is the simulated clock in the state (the host's clock only comes in as an argument).
import { isMap, isScalar, type Node as YamlNode } from 'yaml';
import type { Diagnostic } from '../../diag/index.js';
import { parseDuration } from '../../model/index.js';
import { FAILURE_KINDS } from './mailbox-failures.js';
import { ScenarioReader } from './scenario-nodes.js';
import { checkScenarioSchema } from './scenario-schema.js';
import type { SimEndpointFailure, SimFaults, SimMailboxFault, SimRecipientKind, SimTenant } from './state.js';
import { readTenantKey, TENANT_KEYS } from './scenario-tenant.js';

export interface Scenario {
  /** Replaces every fault in the state. */
  faults: SimFaults;
  /** A cutover batch to add: staged batches are then refused (facts §7.3). */
  cutoverBatch?: { name: string; endpoint: string };
  /** Replaces the tenant settings (accepted and federated domains, directory, DNS). */
  tenant?: SimTenant;
}

const TOP = ['version', 'failMailboxes', 'recipients', 'endpoint', 'throttle', 'corruptBatches', 'cutoverBatch', 'latency', 'unknownStatus', ...TENANT_KEYS] as const;
/** A slow service, not a hung one. */
const MAX_LATENCY_MS = 60_000;
const RECIPIENT_KINDS = ['missing', 'mailUser', 'mailbox', 'contact', 'group'] as const;
const MAILBOX_KEYS = ['failure', 'errorSummary', 'at', 'times'] as const;
const ENDPOINT: Record<string, SimEndpointFailure> = {
  unreachable: 'unreachable', wrongCredentials: 'credentials', autodiscoverFails: 'autodiscover',
};
const KINDS = Object.keys(FAILURE_KINDS);
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

function mailboxFault(r: ScenarioReader, email: string, node: YamlNode | null): SimMailboxFault | undefined {
  const kindHint = `Failure kinds: ${KINDS.join(', ')}; or give your own text with \`errorSummary:\`.`;
  if (isScalar(node)) {
    const kind = FAILURE_KINDS[String(node.value)];
    if (!kind) return r.fail(node, `Unknown failure kind "${String(node.value)}" for ${email}`, kindHint);
    return { errorSummary: kind.summary(email), at: kind.at };
  }
  const entries = r.entries(node, `The fault of ${email}`);
  if (!entries) return undefined;
  const fault: Partial<SimMailboxFault> = {};
  let kind: string | undefined;
  for (const [key, keyNode, value] of entries) {
    if (key === 'failure') kind = r.oneOf(value, 'failure', KINDS);
    else if (key === 'errorSummary') fault.errorSummary = r.text(value, 'errorSummary');
    else if (key === 'at') fault.at = r.oneOf(value, 'at', ['provisioning', 'sync'] as const);
    else if (key === 'times') fault.times = r.count(value, 'times');
    else r.unknownKey(keyNode, key, `the fault of ${email}`, MAILBOX_KEYS);
  }
  if ((kind === undefined) === (fault.errorSummary === undefined)) {
    return r.fail(node, `The fault of ${email} needs exactly one of \`failure\` or \`errorSummary\``, kindHint);
  }
  const known = kind === undefined ? undefined : FAILURE_KINDS[kind]!;
  return {
    errorSummary: fault.errorSummary ?? known!.summary(email),
    at: fault.at ?? known?.at ?? 'provisioning',
    ...(fault.times !== undefined ? { times: fault.times } : {}),
  };
}

function failMailboxes(r: ScenarioReader, node: YamlNode | null, faults: SimFaults): void {
  const out: Record<string, SimMailboxFault> = {};
  for (const [email, keyNode, value] of r.entries(node, 'failMailboxes') ?? []) {
    if (!EMAIL.test(email)) r.fail(keyNode, `failMailboxes: "${email}" is not an email address`);
    const fault = mailboxFault(r, email, value);
    if (fault) out[email.toLowerCase()] = fault;
  }
  faults.failMailboxes = out;
}

/** `recipients: {address: missing | mailUser | mailbox | contact | group}`: who holds it in the cloud. */
function recipients(r: ScenarioReader, node: YamlNode | null, faults: SimFaults): void {
  const out: Record<string, SimRecipientKind> = {};
  for (const [email, keyNode, value] of r.entries(node, 'recipients') ?? []) {
    if (!EMAIL.test(email)) r.fail(keyNode, `recipients: "${email}" is not an email address`);
    const kind = r.oneOf(value, `recipients.${email}`, RECIPIENT_KINDS);
    if (kind) out[email.toLowerCase()] = kind;
  }
  faults.recipients = out;
}

function throttle(r: ScenarioReader, node: YamlNode | null, faults: SimFaults): void {
  if (!isMap(node)) {
    const n = r.count(node, 'throttle (the write call that fails)');
    if (n !== undefined) faults.failOnWriteCall = n;
    return;
  }
  for (const [key, keyNode, value] of r.entries(node, 'throttle') ?? []) {
    if (key === 'call') faults.failOnWriteCall = r.count(value, 'throttle.call');
    else if (key === 'message') faults.message = r.text(value, 'throttle.message');
    else r.unknownKey(keyNode, key, 'throttle', ['call', 'message']);
  }
  if (faults.failOnWriteCall === undefined) r.fail(node, 'throttle needs `call`: which write call fails (1 = the next one)');
}

function corruptBatches(r: ScenarioReader, node: YamlNode | null, faults: SimFaults): void {
  const out: Record<string, number> = {};
  const list = r.items(node);
  if (list) for (const item of list) {
    const name = r.text(item, 'corruptBatches entry');
    if (name) out[name.toLowerCase()] = 0;
  }
  else for (const [name, , value] of r.entries(node, 'corruptBatches') ?? []) {
    const text = isScalar(value) ? String(value.value) : '';
    const delay = parseDuration(text);
    if (delay === undefined) r.fail(value, `corruptBatches.${name}: "${text}" is not a duration`, 'Use e.g. 0s, 30m, 2h or 1d: how long after the batch starts syncing it turns Corrupted.');
    else out[name.toLowerCase()] = delay;
  }
  faults.corruptBatches = out;
}

/** `latency: 2s`: every write cmdlet takes this long in real time. */
function latency(r: ScenarioReader, node: YamlNode | null, faults: SimFaults): void {
  const text = isScalar(node) ? String(node.value) : '';
  const ms = parseDuration(text);
  if (ms === undefined || ms > MAX_LATENCY_MS) {
    r.fail(node, `latency: "${text}" is not a duration of at most 60s`, 'Give whole seconds, e.g. 1s or 2s: how long each write cmdlet takes in real time.');
  } else faults.writeLatencyMs = ms;
}

/** `unknownStatus: {batches: {NAME: VALUE}, users: {ADDRESS: VALUE}}`: status values the reads report instead. */
function unknownStatus(r: ScenarioReader, node: YamlNode | null, faults: SimFaults): void {
  const out: NonNullable<SimFaults['unknownStatus']> = {};
  for (const [key, keyNode, value] of r.entries(node, 'unknownStatus') ?? []) {
    if (key !== 'batches' && key !== 'users') {
      r.unknownKey(keyNode, key, 'unknownStatus', ['batches', 'users']);
      continue;
    }
    const map: Record<string, string> = {};
    for (const [name, nameNode, status] of r.entries(value, `unknownStatus.${key}`) ?? []) {
      if (key === 'users' && !EMAIL.test(name)) r.fail(nameNode, `unknownStatus.users: "${name}" is not an email address`);
      const text = r.text(status, `unknownStatus.${key}.${name}`);
      if (text !== undefined) map[name.toLowerCase()] = text;
    }
    out[key] = map;
  }
  faults.unknownStatus = out;
}

function cutoverBatch(r: ScenarioReader, node: YamlNode | null): Scenario['cutoverBatch'] {
  if (isScalar(node)) {
    const name = r.text(node, 'cutoverBatch');
    return name === undefined ? undefined : { name, endpoint: 'CutoverEndpoint' };
  }
  let name: string | undefined;
  let endpoint = 'CutoverEndpoint';
  for (const [key, keyNode, value] of r.entries(node, 'cutoverBatch') ?? []) {
    if (key === 'name') name = r.text(value, 'cutoverBatch.name');
    else if (key === 'endpoint') endpoint = r.text(value, 'cutoverBatch.endpoint') ?? endpoint;
    else r.unknownKey(keyNode, key, 'cutoverBatch', ['name', 'endpoint']);
  }
  return name === undefined ? r.fail(node, 'cutoverBatch needs a `name`') : { name, endpoint };
}

/** Parses and validates a scenario; `scenario` is present only when there is no error. */
export function parseScenario(text: string, file: string): { scenario?: Scenario; diagnostics: Diagnostic[] } {
  const r = new ScenarioReader(text, file);
  if (r.diagnostics.length > 0) return { diagnostics: r.diagnostics };
  // The shape first: a wrongly typed value is reported at its position and path, and the key it lies under
  // is not read further; every other key still gets its own checks, so every problem is reported at once.
  // An unknown key or a value outside a list is left to those checks (they add a did-you-mean), and the
  // schema's own error stands only if they found nothing.
  const violation = checkScenarioSchema(r);
  const badKey = violation && !violation.alsoCheckedByKey ? violation.key : undefined;
  if (badKey !== undefined) violation!.report();
  if (badKey === '') return { diagnostics: r.diagnostics };
  const scenario: Scenario = { faults: {} };
  const tenant: SimTenant = {};
  const root = r.doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { scenario, diagnostics: [] };
  for (const [key, keyNode, value] of r.entries(root, 'A scenario file') ?? []) {
    if (key === badKey) continue;
    if (key === 'version') {
      if (!isScalar(value) || value.value !== 1) r.fail(value, 'version must be 1');
    } else if (key === 'failMailboxes') failMailboxes(r, value, scenario.faults);
    else if (key === 'recipients') recipients(r, value, scenario.faults);
    else if (key === 'endpoint') {
      const f = r.oneOf(value, 'endpoint', Object.keys(ENDPOINT));
      if (f) scenario.faults.endpointFailure = ENDPOINT[f]!;
    } else if (key === 'throttle') throttle(r, value, scenario.faults);
    else if (key === 'corruptBatches') corruptBatches(r, value, scenario.faults);
    else if (key === 'latency') latency(r, value, scenario.faults);
    else if (key === 'unknownStatus') unknownStatus(r, value, scenario.faults);
    else if (key === 'cutoverBatch') {
      const c = cutoverBatch(r, value);
      if (c) scenario.cutoverBatch = c;
    } else if (readTenantKey(r, key, value, tenant)) continue;
    else r.unknownKey(keyNode, key, 'the scenario file', TOP);
  }
  if (Object.keys(tenant).length > 0) scenario.tenant = tenant;
  if (r.diagnostics.length === 0) violation?.report();
  return r.diagnostics.length > 0 ? { diagnostics: r.diagnostics } : { scenario, diagnostics: [] };
}
