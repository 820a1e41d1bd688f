// The simulated tenant's directory of cloud recipients (DESIGN §7, facts §7.1). Directory sync runs
// continuously on a real tenant, so every address counts as a mail user (created by directory sync)
// unless something says otherwise; only the exceptions are stored, so the state stays small at any size:
//   - a migration that got past provisioning turned the mail user into a mailbox (SimUser.provisioned);
//   - a mailbox whose migration record is gone stays a mailbox (state.directory.mailboxes);
//   - a scenario file can declare an address missing, already a mailbox, or held by a mail contact or
//     a group (scenario `recipients:`, state.faults.recipients).
// Get-Recipient (preflight.ts), the planner's LiveState.mailboxes (live.ts) and provisioning all read it here.
//
// Must not: print; its time is the simulated clock in the state (the host's clock only comes in as an argument).
import { emailKey } from '../../model/email-key.js';
import type { SimRecipientKind, SimState } from './state.js';
import type { UserIndex } from './user-index.js';

/** Exchange's RecipientTypeDetails for each kind; `missing` has no recipient. */
export const RECIPIENT_TYPE_DETAILS = {
  mailUser: 'MailUser',
  mailbox: 'UserMailbox',
  contact: 'MailContact',
  group: 'MailUniversalDistributionGroup',
} as const;

export type CloudRecipientType = (typeof RECIPIENT_TYPE_DETAILS)[keyof typeof RECIPIENT_TYPE_DETAILS];

export interface CloudDirectory {
  /** The kind of cloud recipient that holds this address. */
  kind(email: string): SimRecipientKind;
  /** Exchange's RecipientTypeDetails of the recipient, or undefined when there is none. */
  recipientType(email: string): CloudRecipientType | undefined;
}

/**
 * A view of the directory for many lookups, built once: O(users + exceptions). With the users' index
 * (user-index.ts), O(exceptions): each address's users are looked up there when asked, so the caller
 * must not provision anyone while it uses the view (a write cmdlet adding rows).
 */
export function cloudDirectory(state: SimState, users?: UserIndex): CloudDirectory {
  const provisioned = new Set<string>();
  if (!users) for (const u of state.users) if (u.provisioned) provisioned.add(emailKey(u.email));
  for (const m of state.directory?.mailboxes ?? []) provisioned.add(emailKey(m));
  const declared = new Map(Object.entries(state.faults.recipients ?? {}).map(([k, v]) => [emailKey(k), v]));
  const kind = (email: string): SimRecipientKind => {
    const key = emailKey(email);
    if (provisioned.has(key) || users?.byKey.get(key)?.some((u) => u.provisioned)) return 'mailbox';
    return declared.get(key) ?? 'mailUser';
  };
  return {
    kind,
    recipientType: (email) => {
      const k = kind(email);
      return k === 'missing' ? undefined : RECIPIENT_TYPE_DETAILS[k];
    },
  };
}

/** Mailboxes provisioned by a migration whose migration record the service deletes: they stay mailboxes. */
export function keepMailboxes(state: SimState, emails: Iterable<string>): void {
  const known = new Set((state.directory?.mailboxes ?? []).map(emailKey));
  const added: string[] = [];
  for (const e of emails) {
    const key = emailKey(e);
    if (!known.has(key)) {
      known.add(key);
      added.push(e);
    }
  }
  if (added.length === 0) return;
  state.directory = { mailboxes: [...(state.directory?.mailboxes ?? []), ...added] };
}

/** Addresses the directory holds as mailboxes outside any migration record, and what scenarios declared. */
export function directoryExceptions(state: SimState): { mailboxes: string[]; declared: Record<string, SimRecipientKind> } {
  return { mailboxes: [...(state.directory?.mailboxes ?? [])], declared: { ...(state.faults.recipients ?? {}) } };
}
