// A mailbox in Exchange Online as conversion (seed step 5) needs it: what Get-Mailbox returns.
//
// Must not: do I/O or import from src/ folders other than diag/.

export interface CloudMailbox {
  primarySmtpAddress: string;
  /** Proxy addresses with their prefix, as the service lists them: SMTP:primary, smtp:other, X500:..., SIP:... */
  emailAddresses: string[];
  legacyExchangeDN: string;
  exchangeGuid?: string;
}
