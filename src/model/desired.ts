import type { SourceRange } from '../diag/index.js';
import type { DesiredBatchState, EndpointAuthentication } from './status.js';
import type { Sensitive } from './sensitive.js';

export interface SimulatorBackendConfig {
  type: 'simulator';
  /** Absolute path of the simulator's JSON state file. */
  stateFile: string;
}

export interface ExchangeOnlineBackendConfig {
  type: 'exchange-online';
  appId: string;
  certificateFile?: string;
  certificatePasswordEnv?: string;
  certificateThumbprint?: string;
  /** PowerShell module to import instead of ExchangeOnlineManagement (e.g. the bundled stand-in). */
  module?: string;
}

export type BackendConfig = SimulatorBackendConfig | ExchangeOnlineBackendConfig;

export interface DesiredEndpoint {
  name: string;
  state: 'present' | 'removed';
  type: 'ExchangeOutlookAnywhere';
  autodiscover: boolean;
  exchangeServer?: string;
  rpcProxyServer?: string;
  emailAddress?: string;
  username: string;
  /** Name of the environment variable holding the on-premises password. */
  passwordEnv: string;
  authentication: EndpointAuthentication;
  maxConcurrentMigrations?: number;
  maxConcurrentIncrementalSyncs?: number;
  /** YAML `protect` (default true): removing the endpoint needs --allow-remove. */
  protect: boolean;
  source: SourceRange;
}

export interface DesiredUser {
  /** Address as written in the CSV. */
  email: string;
  /** The CSV Password column, if the row has one. */
  password?: Sensitive;
  forceChangePassword?: boolean;
  /** 1-based line of the row in its CSV file. */
  line: number;
}

export interface DesiredBatch {
  name: string;
  endpoint: string;
  state: DesiredBatchState;
  notificationEmails: string[];
  /** CSV path as written in the YAML (relative to the YAML file). */
  csv: string;
  /** Absolute CSV path. */
  csvPath: string;
  users: DesiredUser[];
  /** YAML `protect` (default true): removing the batch before every mailbox is Synced needs --allow-remove. */
  protect: boolean;
  /** YAML `startAfter` as written (ISO-8601 with an offset): the service starts the batch then. */
  startAfter?: string;
  /** YAML `retryFailed: true`: the plan retries failed mailboxes once nothing else is pending. */
  retryFailed?: boolean;
  source: SourceRange;
}

export interface DesiredState {
  /** Absolute path of the plan YAML. */
  planFile: string;
  organization: string;
  sso: boolean;
  backend: BackendConfig;
  endpoints: DesiredEndpoint[];
  batches: DesiredBatch[];
}
