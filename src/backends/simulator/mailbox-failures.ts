// Per-mailbox runtime failures the simulator can inject, with the service's texts (facts §8.7) in the
// ErrorSummary shape EXO shows: `<ExceptionType>: <message>`.
//
// Must not: print; its time is the simulated clock in the state (the host's clock only comes in as an argument).
import type { SimMailboxFault, SimState, SimUser } from './state.js';

export interface FailureKind {
  /** Where the mailbox fails by default. */
  at: 'provisioning' | 'sync';
  summary: (email: string) => string;
}

export const FAILURE_KINDS: Record<string, FailureKind> = {
  recipientNotFound: {
    at: 'provisioning',
    summary: (e) =>
      `MigrationRecipientNotFoundException: A recipient wasn't found for "${e}" on the target. Create a recipient of the appropriate type for this migration on the target and try again.`,
  },
  invalidPassword: {
    at: 'provisioning',
    summary: () => 'MigrationPermanentException: An invalid password was specified.',
  },
  objectTypeConflict: {
    at: 'provisioning',
    summary: (e) =>
      `MigrationPermanentException: A different type of Active Directory object already exists for "${e}" in the target forest. Please verify that the SMTP address is correct.`,
  },
  targetAddressNotSet: {
    at: 'sync',
    summary: (e) =>
      `MigrationPermanentException: Failed to update the on-premises mailbox with the target address (${e}). The mail sent to the user will not reach user's hosted mailbox. The error might be due to account credentials used for migration not having enough permission to write data back into the on-premise AD. Please ensure that the account credential has Domain Admin privilege.`,
  },
  remoteServerDelays: {
    at: 'sync',
    summary: () => 'MigrationTransientException: Data migration for this mailbox failed because of delays on the remote server.',
  },
  tooManyItems: {
    at: 'sync',
    summary: () => 'MigrationPermanentException: Data migration for this mailbox failed because the remote mailbox contains too many items. ',
  },
  unknownError: {
    at: 'sync',
    summary: () => 'MigrationPermanentException: An unknown error occurred while migrating e-mail for this account.',
  },
};

/** Fraction of the initial sync done when a mailbox fails during it. */
export const SYNC_FAILURE_FRACTION = 0.4;

/** The fault that fires for this user's current attempt at `at`, if any. */
export function activeFault(
  faults: ReadonlyMap<string, string | SimMailboxFault>,
  u: SimUser,
  at: 'provisioning' | 'sync',
): SimMailboxFault | undefined {
  const f = faults.get(u.email.toLowerCase());
  if (f === undefined) return undefined;
  const fault: SimMailboxFault = typeof f === 'string' ? { errorSummary: f } : f;
  if ((fault.at ?? 'provisioning') !== at) return undefined;
  if (fault.times !== undefined && (u.failures ?? 0) >= fault.times) return undefined;
  return fault;
}

export const mailboxFaults = (state: SimState): Map<string, string | SimMailboxFault> =>
  new Map(Object.entries(state.faults.failMailboxes ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
