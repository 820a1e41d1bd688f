// The service's exact error and warning texts (facts file §3, §6.3, §7, §8). Placeholders as functions.
//
// Must not: print; its time is the simulated clock in the state (the host's clock only comes in as an argument).

export const T = {
  // PowerShell parameter binding
  paramNotFound: (p: string) => `A parameter cannot be found that matches parameter name '${p}'.`,
  missingMandatory: (p: string) =>
    `Cannot process command because of one or more missing mandatory parameters: ${p}.`,
  cannotConvert: (p: string, v: string, type: string) =>
    `Cannot process argument transformation on parameter '${p}'. Cannot convert value "${v}" to type "${type}".`,
  parameterSet: 'Parameter set cannot be resolved using the specified named parameters.',

  // §8.1 identity
  batchNotFound: (b: string) => `The migration batch "${b}" can't be found.`,
  batchExists: (b: string) => `The migration batch ${b} already exists.`,
  endpointNotFound: (e: string) => `The migration endpoint '${e}' couldn't be found.`,
  endpointExists: (e: string) => `There's already an endpoint named '${e}'.`,
  endpointInUse: (e: string, batches: string[]) =>
    `The endpoint '${e}' cannot be removed because it is associated with one or more batches: ${batches.join(', ')}.`,
  userNotFound: (u: string) => `The migration user ${u} can't be found.`,
  tooLong: (max: number, len: number) =>
    `The length of the property is too long. The maximum length is ${max} and the length of the value provided is ${len}.`,

  // §3.2, §8.6 endpoints
  authNotSupported: (a: string) =>
    `The authentication method ${a} is not supported by migration protocol ExchangeOutlookAnywhere. Valid values: Basic, Ntlm.`,
  incrementalTooHigh: (inc: number, max: number) =>
    `The maximum number of incremental syncs, ${inc}, must be less than the maximum number of concurrent migrations, which is currently set to (${max}).`,
  concurrencyRange: (v: string, lo: number, hi: number) =>
    `The maximum number of "${v}" concurrent migrations isn't in the range of "${lo}"..."${hi}".`,
  typeLimit: (sum: number, limit: number, type: string) =>
    `This endpoint would make the maximum concurrent migrations '${sum}', which would exceed the allowed limit of '${limit}' for endpoints of type '${type}'.`,
  manualNeedsMailbox:
    "When manually discovering the migration endpoint, you must specify the Legacy DN or the email address of a mailbox in the source domain if the MailboxPermission parameter isn't specified.",
  rpcConnectionFailure:
    "We weren't able to connect to the remote server. Please verify that the migration endpoint settings are correct and your certificate is valid, and then try again. Consider using the Exchange Remote Connectivity Analyzer (https://testexchangeconnectivity.com) to diagnose the connectivity issues.",
  credentialFailure:
    "We can't connect to your Exchange server in the on-premises domain with the credentials you provided. Please verify the username and password are correct and try again.",
  autodiscoverFailure:
    'The migration service failed to detect the migration endpoint using the Autodiscover service. Consider using the Exchange Remote Connectivity Analyzer (https://testexchangeconnectivity.com) to diagnose the connectivity issues.',

  // §3.6, §8.5 batch creation
  maxBatches:
    'The maximum number of migration batches is already running. Please remove a batch before you add another one.',
  sourceEndpointRequired:
    'A source endpoint for the on-premises organization is required for onboarding migration batches.',
  csvRequired: 'You must provide a CSV file for this migration type.',
  stagedCutoverCoexist: 'You can only have cutover or staged batches existing at any given time. ',
  startAfterWithAutoStart: 'When StartAfter is specified, AutoStart cannot be specified.',
  startAfterState: (status: string) => `StartAfter can only be specified for jobs in a Created or Failed state. Current state: ${status}.`,
  autoStartWarnings: (b: string) =>
    `The migration batch '${b}' has validation warnings and won't be started automatically. Check the warnings and then use the Start-MigrationBatch cmdlet to start the batch.`,

  // §7.2, §8.3 CSV structure
  csvTooManyRows: (n: string) =>
    `The CSV file contains more than ${n} rows. Please divide the file into two or more files and submit them separately.`,
  csvMissingColumn: (c: string) =>
    `Column "${c}" is missing from the CSV file. The import process can't continue because this column is required. Please edit the CSV file and re-submit it.`,
  csvUnknownColumns: (cols: string[]) =>
    `The CSV file contains one or more unrecognizable columns. Please remove these columns and re-submit the file. Unknown columns: ${cols.join(', ')}`,
  csvDuplicatedColumn: (c: string) =>
    `Column "${c}" appears more than once, so processing can't continue. Please edit the CSV file and re-submit it.`,
  csvWrongColumns: (row: number, expected: number, actual: number) =>
    `Row ${row} has the wrong number of columns. Expected number: ${expected}. Actual number: ${actual}. Please edit this row and re-submit the file.`,
  csvEmpty: "The CSV file doesn't contain any data. Please edit the file and re-submit it.",
  csvTooLarge: 'The CSV file is too large. Please submit a smaller file.',
  // UNVERIFIED: the facts give no text for undecodable bytes or an unclosed quote; refusing is the conservative choice.
  csvUnreadable: (why: string) => `The CSV file can't be read: ${why} Please edit the CSV file and re-submit it.`,

  // §7.3, §8.3 per-row validation warnings
  userInOtherBatch: (u: string, b: string) =>
    `The user "${u}" is already included in migration batch "${b}."  Please remove the user from any other batch and try again.`,
  alreadyMigrated: (u: string) => `The mailbox for "${u}" has already been migrated.`,
  userDuplicateInCsv: (u: string) => `The user "${u}" is listed in this CSV file more than once.`,
  valueMissing: (c: string) => `A value is missing in column "${c}".`,
  invalidSmtp: (a: string) => `The address '${a}' is not a valid SMTP address.`,
  invalidChoice: (valid: string, v: string) => `The property value '${v}' is invalid. The valid values are: ${valid}`,
  warningToString: (row: number, email: string, msg: string) => `Row:${row}, EmailAddress:${email}, Error:${msg}`,

  // §6.3 state matrix
  started: 'The migration batch has already started.',
  stopping: 'The migration batch is currently stopping. It must be stopped before it can be restarted.',
  noErrors: "The migration can't be started.  There are no errors.",
  completedStart: "The migration batch can't be started. It's already been completed.",
  corruptStart: "The migration batch is corrupted and can't be started. Corrupted batches can only be removed.",
  stopState: "The migration batch can't be stopped in its current state.",
  alreadyStopped: 'Cannot perform operation because the batch is already stopped.',
  alreadyStopping: 'Cannot perform operation because the batch is already stopping.',
  corruptStop: "The migration batch is corrupted and can't be completed. Corrupted batches can only be removed.",
  modifyCompleted: "The migration batch can't be modified. It's already been completed.",
  corruptModify: "The migration batch is corrupted and can't be modified. Corrupted batches can only be removed.",
  appendSyncing: "The migration batch can't have users appended to it. It's currently being processed.",
  revisedCsv:
    'This migration batch is currently being processed. Submitting a revised CSV file for this batch is only allowed if the batch has a status of Created or Synced.',
  noFinalization:
    'This cmdlet only supports the type of migration batch that uses the multiple-batch lifecycle and that support finalization.',
  removeState: "The migration batch can't be removed in its current state.",
  removeUser: (u: string, b: string) =>
    `The user ${u} couldn't be removed from the migration batch ${b} in its current state. Please stop the batch and then try to remove the user.`,

  // §2.3 throttling: the default injected write failure
  throttled: 'You have reached the maximum number of concurrent requests per tenant. Please wait and try again.',
} as const;
