// The plan as YAML gives it once the schema has accepted it (before defaults and path resolution).
//
// Must not: contact the service or print: problems come back as diagnostics naming file, line and column.

export interface RawCredentials {
  username: string;
  passwordEnv: string;
}

export interface RawEndpoint {
  type: 'ExchangeOutlookAnywhere';
  autodiscover?: boolean;
  exchangeServer?: string;
  rpcProxyServer?: string;
  emailAddress?: string;
  credentials: RawCredentials;
  authentication?: 'Basic' | 'NTLM';
  nspiServer?: string;
  mailboxPermission?: 'Admin' | 'FullAccess';
  skipVerification?: boolean;
  acceptUntrustedCertificates?: boolean;
  sourceMailboxLegacyDN?: string;
  testMailbox?: string;
  maxConcurrentMigrations?: number;
  maxConcurrentIncrementalSyncs?: number;
  state?: 'present' | 'removed';
  protect?: boolean;
}

export interface RawBatch {
  endpoint: string;
  csv: string;
  state?: 'started' | 'stopped' | 'removed';
  notificationEmails?: string[];
  protect?: boolean;
  startAfter?: string;
  retryFailed?: boolean;
  convertedAt?: string;
  license?: RawLicense;
}

export interface RawLicense {
  skuPartNumber: string;
  usageLocation: string;
}

export interface RawCutover {
  mxSwitchedAt?: string;
  waitAfterMxSwitch?: string;
}

export interface RawBackend {
  type: 'simulator' | 'exchange-online';
  stateFile?: string;
  appId?: string;
  certificateFile?: string;
  certificatePasswordEnv?: string;
  certificateThumbprint?: string;
  module?: string;
}

export interface RawPlan {
  version: 1;
  organization: string;
  backend?: RawBackend;
  sso?: boolean;
  cutover?: RawCutover;
  endpoints?: Record<string, RawEndpoint>;
  batches?: Record<string, RawBatch>;
}

/** Limits the migration service enforces (facts file §3.6, §7.2, §7.3). */
export const MAX_BATCH_NAME_LENGTH = 64;
export const MAX_BATCHES = 100;
export const MAX_CSV_ROWS = 2000;
