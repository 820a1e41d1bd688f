// Text files as admins' tools write them: UTF-8 with or without BOM, UTF-16 LE/BE with BOM.
//
// Must not: contact the service or print: problems come back as diagnostics naming file, line and column.
import { isAscii, isUtf8 } from 'node:buffer';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

export type DecodeResult =
  | { ok: true; text: string; encoding: TextEncodingName; bom: boolean }
  | { ok: false; reason: string; hint: string };

function detectBom(bytes: Uint8Array): { encoding: TextEncodingName; bom: boolean } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  return { encoding: 'utf-8', bom: false };
}

/** Decodes file bytes (the BOM is dropped); reports text that is neither UTF-8 nor BOM-marked UTF-16. */
export function decodeText(bytes: Uint8Array): DecodeResult {
  const { encoding, bom } = detectBom(bytes);
  if (!bom && bytes.includes(0)) {
    return {
      ok: false,
      reason: 'The file contains NUL bytes: it looks like UTF-16 without a byte-order mark.',
      hint: 'Save the file as UTF-8, or as UTF-16 with a byte-order mark (BOM).',
    };
  }
  // The common case, checked without a decoder: BOM-less ASCII or UTF-8 (the same text TextDecoder gives).
  if (!bom && isAscii(bytes)) return { ok: true, text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'), encoding, bom };
  if (!bom && isUtf8(bytes)) return { ok: true, text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'), encoding, bom };
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
    return { ok: true, text, encoding, bom };
  } catch {
    return {
      ok: false,
      reason: `The file is not valid ${encoding.toUpperCase()} text (perhaps a legacy code page such as Windows-1252).`,
      hint: 'Save the file as UTF-8 (Excel: "CSV UTF-8"), or as UTF-16 with a byte-order mark.',
    };
  }
}
