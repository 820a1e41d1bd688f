// The reads of `stagemig check` through the bridge: each one call. Get-Recipient and Get-AcceptedDomain
// read every object (-ResultSize Unlimited); Test-MigrationServerAvailability returns an outcome object
// (a failed test is Result = Failed, not an error; an argument error is a refusal).
//
// Must not: print, or put a secret on pwsh's command line, in its environment or in a log.
import type { WireValue } from '../../model/index.js';
import { PreflightRefusal, type AcceptedDomain, type CloudRecipient, type PreflightReads, type ServerTestOutcome } from '../preflight.js';
import { readFailed, readUnexpected } from './failures.js';
import { LiveShapeError, objects, optText, text, texts } from './live-map.js';
import type { PwshSession } from './session.js';

const RESULTS = ['Success', 'Warning', 'Failed'] as const;

export function mapServerTest(raw: unknown): ServerTestOutcome {
  const [o] = objects(raw, 'Test-MigrationServerAvailability');
  if (o === undefined) throw new LiveShapeError('Test-MigrationServerAvailability: no outcome object');
  const result = text(o, 'result', 'Test-MigrationServerAvailability');
  const known = RESULTS.find((r) => r.toLowerCase() === result.toLowerCase());
  if (!known) throw new LiveShapeError(`Test-MigrationServerAvailability: unknown Result "${result}"`);
  return { result: known, message: optText(o, 'message', 'Test-MigrationServerAvailability') ?? '' };
}

export function mapRecipients(raw: unknown): CloudRecipient[] {
  return objects(raw, 'Get-Recipient').map((o) => ({
    name: optText(o, 'name', 'Get-Recipient') ?? '',
    recipientTypeDetails: text(o, 'recipientTypeDetails', 'Get-Recipient'),
    primarySmtpAddress: (optText(o, 'primarySmtpAddress', 'Get-Recipient') ?? '').toLowerCase(),
    smtpAddresses: texts(o, 'smtpAddresses', 'Get-Recipient').map((a) => a.toLowerCase()),
  }));
}

export function mapAcceptedDomains(raw: unknown): AcceptedDomain[] {
  return objects(raw, 'Get-AcceptedDomain').map((o) => {
    const d: AcceptedDomain = { domainName: text(o, 'domainName', 'Get-AcceptedDomain').toLowerCase(), domainType: optText(o, 'domainType', 'Get-AcceptedDomain') ?? '' };
    const auth = optText(o, 'authenticationType', 'Get-AcceptedDomain');
    if (auth !== undefined) d.authenticationType = auth;
    return d;
  });
}

function mapped<T>(cmdlet: string, f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof LiveShapeError) throw readUnexpected(cmdlet, err.message);
    throw err;
  }
}

/** `read` is the backend's bulk read (throws on failure or truncation). */
export function bridgePreflight(session: PwshSession, read: (cmdlet: string) => Promise<unknown>): PreflightReads {
  return {
    async testMigrationServer(parameters: Record<string, WireValue>) {
      const r = await session.call('Test-MigrationServerAvailability', parameters, 'running Test-MigrationServerAvailability');
      if (!r.ok) {
        if (/not on the bridge's allow-list|is not recognized as a name of a cmdlet/i.test(r.error)) throw readFailed('Test-MigrationServerAvailability', r);
        throw new PreflightRefusal('Test-MigrationServerAvailability', r.error);
      }
      return mapped('Test-MigrationServerAvailability', () => mapServerTest(r.result));
    },
    async readRecipients() {
      const raw = await read('Get-Recipient');
      return mapped('Get-Recipient', () => mapRecipients(raw));
    },
    async readAcceptedDomains() {
      const raw = await read('Get-AcceptedDomain');
      return mapped('Get-AcceptedDomain', () => mapAcceptedDomains(raw));
    },
  };
}
