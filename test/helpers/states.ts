import type {
  BatchStatus, DesiredBatch, DesiredEndpoint, DesiredState, LiveBatch, LiveEndpoint, LiveState, LiveUser, UserStatus,
} from '../../src/model/index.js';

const src = { file: 'stagemig.yaml', start: { line: 1, col: 1 } };

export function endpoint(over: Partial<DesiredEndpoint> = {}): DesiredEndpoint {
  return {
    name: 'StagedEndpoint', state: 'present', type: 'ExchangeOutlookAnywhere', autodiscover: true,
    emailAddress: 'administrator@contoso.com', username: 'CONTOSO\\administrator', passwordEnv: 'ONPREM_PW',
    maxConcurrentMigrations: 20, maxConcurrentIncrementalSyncs: 10, protect: true, source: src, ...over,
  };
}

export function batch(name: string, emails: string[], over: Partial<DesiredBatch> = {}): DesiredBatch {
  return {
    name, endpoint: 'StagedEndpoint', state: 'started', notificationEmails: [], csv: `batches/${name}.csv`,
    csvPath: `/plans/batches/${name}.csv`, users: emails.map((email, i) => ({ email, line: i + 2 })), protect: true, source: src, ...over,
  };
}

export function desired(batches: DesiredBatch[], endpoints: DesiredEndpoint[] = [endpoint()]): DesiredState {
  return {
    planFile: '/plans/stagemig.yaml', organization: 'contoso.onmicrosoft.com', sso: false,
    backend: { type: 'simulator', stateFile: '/plans/.stagemig/simulator.json' }, endpoints, batches,
  };
}

export function liveEndpoint(over: Partial<LiveEndpoint> = {}): LiveEndpoint {
  return {
    name: 'StagedEndpoint', type: 'ExchangeOutlookAnywhere', autodiscover: true, username: 'CONTOSO\\administrator',
    authentication: 'Basic', maxConcurrentMigrations: 20, maxConcurrentIncrementalSyncs: 10, ...over,
  };
}

export function liveBatch(name: string, status: BatchStatus, over: Partial<LiveBatch> = {}): LiveBatch {
  return {
    name, status, endpoint: 'StagedEndpoint', notificationEmails: [], totalCount: 0, activeCount: 0, syncedCount: 0,
    failedCount: 0, stoppedCount: 0, pendingCount: 0, provisionedCount: 0, validationWarnings: [], ...over,
  };
}

export function liveUsers(batchName: string, emails: string[], status: UserStatus = 'Synced'): LiveUser[] {
  return emails.map((email) => ({ email, batch: batchName, status, syncedItemCount: 0, skippedItemCount: 0 }));
}

export function live(parts: Partial<LiveState> = {}): LiveState {
  return { endpoints: [liveEndpoint()], batches: [], users: [], ...parts };
}
