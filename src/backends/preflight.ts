// The reads that `stagemig check` needs beyond readLive(): each is one service call whatever the
// number of mailboxes (Test-MigrationServerAvailability is one call per endpoint).
//
// Must not: print; every call to the service goes through the Backend interface.
import type { WireValue } from '../model/index.js';

/** TestMigrationServerAvailabilityOutcome (facts §3.1): a failed test returns Result = Failed, it does not throw. */
export interface ServerTestOutcome {
  result: 'Success' | 'Warning' | 'Failed';
  message: string;
}

/** One object of `Get-Recipient -ResultSize Unlimited`: its type and every SMTP address it holds (lower case, no prefix). */
export interface CloudRecipient {
  name: string;
  recipientTypeDetails: string;
  primarySmtpAddress: string;
  smtpAddresses: string[];
}

/** One object of `Get-AcceptedDomain -ResultSize Unlimited`. */
export interface AcceptedDomain {
  domainName: string;
  domainType: string;
  /** AcceptedDomain.AuthenticationType: Managed or Federated; absent when the service does not say. */
  authenticationType?: string;
}

/** DNS as seen from where stagemig runs: node's resolver, or the simulator's scenario answers. */
export interface DnsLookup {
  /** MX hosts of the domain, most preferred first; [] when it has none. Throws when the lookup fails. */
  mx(domain: string): Promise<string[]>;
  /**
   * Where autodiscover.<domain> points: its CNAME target, the name itself when it has only addresses,
   * undefined when it does not exist. Throws when the lookup fails.
   */
  autodiscover(domain: string): Promise<string | undefined>;
  /**
   * The SRV record _autodiscover._tcp.<domain> (Outlook tries it after autodiscover.<domain>): its target
   * host and port, the preferred one first; undefined when there is none. Throws when the lookup fails.
   */
  autodiscoverSrv(domain: string): Promise<{ target: string; port: number } | undefined>;
}

export interface PreflightReads {
  /** Present only on a simulated tenant: its scenario's DNS answers (no network). */
  readonly dns?: DnsLookup;
  /**
   * Test-MigrationServerAvailability with the given parameters (one documented set: -Endpoint, or
   * -ExchangeOutlookAnywhere with -Autodiscover or manual settings). Argument errors throw.
   */
  testMigrationServer(parameters: Record<string, WireValue>): Promise<ServerTestOutcome>;
  readRecipients(): Promise<CloudRecipient[]>;
  readAcceptedDomains(): Promise<AcceptedDomain[]>;
}

/** The service refused a preflight call (an argument error): its cmdlet and the service's text. */
export class PreflightRefusal extends Error {
  constructor(readonly cmdlet: string, message: string) {
    super(message);
    this.name = 'PreflightRefusal';
  }
}

/** The cmdlets behind PreflightReads, as the bridge allow-lists them. */
export const PREFLIGHT_CMDLETS = ['Test-MigrationServerAvailability', 'Get-Recipient', 'Get-AcceptedDomain'] as const;
