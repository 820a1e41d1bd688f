import { describe, expect, it } from 'vitest';
import {
  BridgeProtocolError, encodeRequest, parseBridgeLine, RESPONSE_MARKER,
} from '../../../src/backends/powershell/protocol.js';

const line = (o: unknown): string => `${RESPONSE_MARKER}${JSON.stringify(o)}`;

describe('bridge protocol', () => {
  it('encodes one request per line, whatever the values hold', () => {
    const text = encodeRequest({
      id: 7, cmdlet: 'New-MigrationBatch',
      parameters: { Name: "Wave 1\n$(rm -rf /)`'\"; x", CSVData: { bytes: 'QQ==' }, AutoStart: true, Confirm: false },
    });
    expect(text.endsWith('\n')).toBe(true);
    expect(text.slice(0, -1)).not.toMatch(/[\r\n]/);
    expect(JSON.parse(text)).toEqual({
      id: 7, cmdlet: 'New-MigrationBatch',
      parameters: { Name: "Wave 1\n$(rm -rf /)`'\"; x", CSVData: { bytes: 'QQ==' }, AutoStart: true, Confirm: false },
    });
  });

  it('ignores host output and blank lines', () => {
    expect(parseBridgeLine('')).toBeUndefined();
    expect(parseBridgeLine('WARNING: some module banner {"id":1,"ok":true}')).toBeUndefined();
  });

  it('finds a response after host output written without a newline', () => {
    expect(parseBridgeLine(`Connecting...${line({ id: 3, ok: true, result: [1], warnings: ['w'] })}`)).toEqual({
      id: 3, ok: true, result: [1], warnings: ['w'],
    });
  });

  it('reads successes with defaults and failures with their details', () => {
    expect(parseBridgeLine(line({ id: 1, ok: true }))).toEqual({ id: 1, ok: true, result: null, warnings: [] });
    expect(parseBridgeLine(line({
      id: 2, ok: false, error: "The migration batch can't be removed in its current state.",
      errorType: 'Microsoft.Exchange.Migration.MigrationPermanentException', errorCode: '', category: 'NotSpecified',
    }))).toEqual({
      id: 2, ok: false, error: "The migration batch can't be removed in its current state.",
      errorType: 'Microsoft.Exchange.Migration.MigrationPermanentException', category: 'NotSpecified',
    });
    expect(parseBridgeLine(line({ id: null, ok: false, error: 'not JSON' }))).toMatchObject({ id: null, ok: false });
  });

  it('keeps non-ASCII and control characters in values', () => {
    const r = parseBridgeLine(line({ id: 4, ok: true, result: [{ name: 'Zürich\u2028"\t' }] }));
    expect(r).toMatchObject({ result: [{ name: 'Zürich\u2028"\t' }] });
  });

  it('rejects malformed responses instead of guessing', () => {
    expect(() => parseBridgeLine(`${RESPONSE_MARKER}{not json`)).toThrow(BridgeProtocolError);
    expect(() => parseBridgeLine(line([1, 2]))).toThrow(BridgeProtocolError);
    expect(() => parseBridgeLine(line({ id: 'x', ok: true }))).toThrow(/valid id/);
    expect(() => parseBridgeLine(line({ id: 1, ok: true, warnings: [1] }))).toThrow(/warnings/);
    expect(() => parseBridgeLine(line({ id: 1, ok: false }))).toThrow(/error/);
    expect(() => parseBridgeLine(line({ id: 1 }))).toThrow(BridgeProtocolError);
  });
});
