// Pure builders for the cmdlet each step runs (facts file §3). No secrets: credentials and CSV rows are references.
// Must not: do I/O, or put a secret in a parameter (passwordEnv and CSV row references only).
import { batchAddress, endpointAddress } from '../model/index.js';
import type { DesiredBatch, DesiredEndpoint, ParamValue, Step } from '../model/index.js';
import { startAfterUtc } from './start-after.js';

type Params = Array<[string, ParamValue]>;

const credential = (e: DesiredEndpoint): ParamValue => ({
  credential: { username: e.username, passwordEnv: e.passwordEnv },
});

export function newEndpointStep(e: DesiredEndpoint): Step {
  const p: Params = [['Name', e.name], ['ExchangeOutlookAnywhere', true]];
  if (e.autodiscover) p.push(['Autodiscover', true]);
  if (e.exchangeServer !== undefined) p.push(['ExchangeServer', e.exchangeServer]);
  if (e.rpcProxyServer !== undefined) p.push(['RpcProxyServer', e.rpcProxyServer]);
  if (e.emailAddress !== undefined) p.push(['EmailAddress', e.emailAddress]);
  p.push(['Credentials', credential(e)]);
  // The Autodiscover set has no -Authentication (documented parameter sets, powershell/parameter-sets).
  if (!e.autodiscover && e.authentication !== undefined) p.push(['Authentication', e.authentication]);
  if (e.maxConcurrentMigrations !== undefined) p.push(['MaxConcurrentMigrations', e.maxConcurrentMigrations]);
  if (e.maxConcurrentIncrementalSyncs !== undefined) {
    p.push(['MaxConcurrentIncrementalSyncs', e.maxConcurrentIncrementalSyncs]);
  }
  if (!e.autodiscover && e.nspiServer !== undefined) p.push(['NspiServer', e.nspiServer]);
  if (!e.autodiscover && e.mailboxPermission !== undefined) p.push(['MailboxPermission', e.mailboxPermission]);
  if (e.sourceMailboxLegacyDN !== undefined) p.push(['SourceMailboxLegacyDN', e.sourceMailboxLegacyDN]);
  if (e.testMailbox !== undefined) p.push(['TestMailbox', e.testMailbox]);
  if (e.acceptUntrustedCertificates) p.push(['AcceptUntrustedCertificates', true]);
  if (e.skipVerification) p.push(['SkipVerification', true]);
  return { address: endpointAddress(e.name), action: 'new-endpoint', cmdlet: 'New-MigrationEndpoint', parameters: p };
}

/** `changes` holds only the parameters that differ, already in Set-MigrationEndpoint's names. */
export function setEndpointStep(e: DesiredEndpoint, changes: Params): Step {
  const withCredentials = changes.map(([k, v]): [string, ParamValue] => (k === 'Credentials' ? [k, credential(e)] : [k, v]));
  const verify: Params = e.skipVerification ? [['SkipVerification', true]] : [];
  return {
    address: endpointAddress(e.name),
    action: 'set-endpoint',
    cmdlet: 'Set-MigrationEndpoint',
    parameters: [['Identity', e.name], ...withCredentials, ...verify],
  };
}

export function removeEndpointStep(name: string): Step {
  return {
    address: endpointAddress(name),
    action: 'remove-endpoint',
    cmdlet: 'Remove-MigrationEndpoint',
    parameters: [['Identity', name], ['Confirm', false]],
  };
}

const csvRef = (b: DesiredBatch, emails: readonly string[]): ParamValue => ({ csv: { batch: b.name, file: b.csv, emails } });

export function newBatchStep(b: DesiredBatch, emails: readonly string[], autoStart: boolean): Step {
  const p: Params = [['Name', b.name], ['SourceEndpoint', b.endpoint], ['CSVData', csvRef(b, emails)]];
  if (b.notificationEmails.length > 0) p.push(['NotificationEmails', b.notificationEmails]);
  // StartAfter implies AutoStart; the service refuses both together (facts §3.6).
  if (autoStart) p.push(b.startAfter !== undefined ? ['StartAfter', startAfterUtc(b.startAfter)] : ['AutoStart', true]);
  return { address: batchAddress(b.name), action: 'new-batch', cmdlet: 'New-MigrationBatch', parameters: p };
}

export function addUsersStep(b: DesiredBatch, emails: string[]): Step {
  return {
    address: batchAddress(b.name),
    action: 'add-users',
    cmdlet: 'Set-MigrationBatch',
    parameters: [['Identity', b.name], ['AddUsers', true], ['CSVData', csvRef(b, emails)]],
  };
}

export function setBatchNotificationStep(b: DesiredBatch): Step {
  return {
    address: batchAddress(b.name),
    action: 'set-batch',
    cmdlet: 'Set-MigrationBatch',
    parameters: [['Identity', b.name], ['NotificationEmails', b.notificationEmails]],
  };
}

export function removeUserStep(batch: string, email: string): Step {
  return {
    address: batchAddress(batch),
    action: 'remove-user',
    cmdlet: 'Remove-MigrationUser',
    parameters: [['Identity', email], ['Confirm', false]],
  };
}

export function lifecycleStep(batch: string, action: 'start-batch' | 'stop-batch' | 'remove-batch'): Step {
  const cmdlet = action === 'start-batch' ? 'Start-MigrationBatch' : action === 'stop-batch' ? 'Stop-MigrationBatch' : 'Remove-MigrationBatch';
  const p: Params = [['Identity', batch]];
  if (action !== 'start-batch') p.push(['Confirm', false]);
  return { address: batchAddress(batch), action, cmdlet, parameters: p };
}
