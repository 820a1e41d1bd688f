// The bridge protocol: line-delimited JSON requests on pwsh's stdin, marked JSON responses on its stdout.
//
// Must not: print, or put a secret on pwsh's command line, in its environment or in a log.
import type { WireValue } from '../../model/index.js';

/** Prefix of every response line (ASCII record separator + "stagemig:"); other stdout lines are host noise. */
export const RESPONSE_MARKER = '\u001estagemig:';

/** A SecureString parameter (the certificate password); only ever sent over stdin. */
export interface SecureStringValue {
  secureString: string;
}

/** A .pfx the bridge opens into an X509Certificate2 (Connect-MgGraph -Certificate); the password only over stdin. */
export interface PfxValue {
  pfx: { path: string; password: string };
}

/** Set-MgUserLicense -AddLicenses: the bridge builds one assignedLicense (@{SkuId=...}) per id. */
export interface AssignedLicensesValue {
  assignedLicenses: string[];
}

export type BridgeValue = WireValue | SecureStringValue | PfxValue | AssignedLicensesValue;

export interface BridgeRequest {
  id: number;
  cmdlet: string;
  parameters: Record<string, BridgeValue>;
}

export interface BridgeSuccess {
  id: number | null;
  ok: true;
  result: unknown;
  warnings: string[];
}

export interface BridgeFailure {
  id: number | null;
  ok: false;
  /** The service's message (for Exchange Online errors, the part after "<code>|<type>|"). */
  error: string;
  errorType?: string;
  errorCode?: string;
  category?: string;
}

export type BridgeResponse = BridgeSuccess | BridgeFailure;

export class BridgeProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BridgeProtocolError';
  }
}

export function encodeRequest(request: BridgeRequest): string {
  return `${JSON.stringify(request)}\n`;
}

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** A response, or undefined when the line is not one (blank or host output). Throws on a malformed response. */
export function parseBridgeLine(line: string): BridgeResponse | undefined {
  const at = line.indexOf(RESPONSE_MARKER);
  if (at < 0) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(line.slice(at + RESPONSE_MARKER.length));
  } catch {
    throw new BridgeProtocolError('The PowerShell bridge sent a response that is not JSON.');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new BridgeProtocolError('The PowerShell bridge sent a response that is not a JSON object.');
  }
  const r = data as Record<string, unknown>;
  const id = r.id === null || r.id === undefined ? null : r.id;
  if (id !== null && typeof id !== 'number') throw new BridgeProtocolError('The PowerShell bridge sent a response without a valid id.');
  if (r.ok === true) {
    const warnings = r.warnings ?? [];
    if (!isStringArray(warnings)) throw new BridgeProtocolError('The PowerShell bridge sent warnings that are not strings.');
    return { id, ok: true, result: r.result ?? null, warnings };
  }
  if (r.ok === false && typeof r.error === 'string') {
    const failure: BridgeFailure = { id, ok: false, error: r.error };
    for (const k of ['errorType', 'errorCode', 'category'] as const) {
      if (typeof r[k] === 'string' && r[k] !== '') failure[k] = r[k];
    }
    return failure;
  }
  throw new BridgeProtocolError('The PowerShell bridge sent a response without "ok" and a result or an error.');
}
