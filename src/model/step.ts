// A step is one cmdlet the plan will run. Parameters never hold secrets: credentials name their
// environment variable and CSV data names its rows; apply materialises both just before the call.
// Must not: do I/O, or let a Step carry a secret: only a WireValue (built at apply time) holds one.

export type CmdletName =
  | 'New-MigrationEndpoint'
  | 'Set-MigrationEndpoint'
  | 'Remove-MigrationEndpoint'
  | 'New-MigrationBatch'
  | 'Set-MigrationBatch'
  | 'Start-MigrationBatch'
  | 'Stop-MigrationBatch'
  | 'Remove-MigrationBatch'
  | 'Remove-MigrationUser'
  // Microsoft Graph PowerShell (seed step 7)
  | 'Update-MgUser'
  | 'Set-MgUserLicense';

export type ReadCmdletName = 'Get-MigrationEndpoint' | 'Get-MigrationBatch' | 'Get-MigrationUser' | 'Get-Mailbox';

/** Rows of a batch's CSV file, re-read at apply time (passwords included) and sent as bytes. */
export interface CsvRowsRef {
  csv: { batch: string; file: string; emails: readonly string[] };
}

/** A PSCredential whose password comes from an environment variable at apply time. */
export interface CredentialRef {
  credential: { username: string; passwordEnv: string };
}

/** `true` is a switch that is present; strings, numbers and arrays are passed as they are. */
export type ParamValue = string | number | boolean | string[] | CsvRowsRef | CredentialRef;

export type StepAction =
  | 'new-endpoint'
  | 'set-endpoint'
  | 'remove-endpoint'
  | 'new-batch'
  | 'set-batch'
  | 'add-users'
  | 'remove-user'
  | 'start-batch'
  | 'stop-batch'
  | 'remove-batch'
  | 'set-usage-location'
  | 'assign-license';

export interface Step {
  /** Address of the resource the step belongs to (endpoint.x or batch.y). */
  address: string;
  action: StepAction;
  cmdlet: CmdletName;
  /** Parameters in display order. */
  parameters: Array<[name: string, value: ParamValue]>;
}

/** What a backend receives: every value is plain JSON, secrets included. */
export type WireValue =
  | string
  | number
  | boolean
  | string[]
  | { credential: { username: string; password: string } }
  | { bytes: string };

export interface Invocation {
  cmdlet: CmdletName;
  parameters: Record<string, WireValue>;
}

export const isCsvRef = (v: ParamValue): v is CsvRowsRef => typeof v === 'object' && v !== null && 'csv' in v;
export const isCredentialRef = (v: ParamValue): v is CredentialRef =>
  typeof v === 'object' && v !== null && 'credential' in v;
