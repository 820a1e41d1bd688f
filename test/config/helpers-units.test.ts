import { describe, expect, it } from 'vitest';
import { closestMatch, editDistance } from '../../src/config/text/did-you-mean.js';
import { maskSecretsInLine } from '../../src/config/secrets/secret-mask.js';
import { decodeText, displayPath, isValidDomain, isValidSmtpAddress } from '../../src/config/index.js';

describe('did-you-mean', () => {
  it('measures edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('suggests close names, ignoring case, spaces and dashes, and nothing for far ones', () => {
    expect(closestMatch('organisation', ['version', 'organization'])).toBe('organization');
    expect(closestMatch('Email Address', ['EmailAddress', 'Password'])).toBe('EmailAddress');
    expect(closestMatch('exchangeonline', ['simulator', 'exchange-online'])).toBe('exchange-online');
    expect(closestMatch('ntlm', ['Basic', 'NTLM'])).toBe('NTLM');
    expect(closestMatch('Department', ['EmailAddress', 'Password', 'ForceChangePassword'])).toBeUndefined();
  });
});

describe('secret masking of YAML lines', () => {
  it.each([
    ['password: hunter2', 'password: (sensitive)'],
    ['  - password: "a b c"   # note', '  - password: (sensitive)   # note'],
    ['  certificatePassword: x,y', '  certificatePassword: (sensitive)'],
    ['creds: {user: u, password: p1, other: 2}', 'creds: {user: u, password: (sensitive), other: 2}'],
    ['  passwordEnv: STAGEMIG_ONPREM_PASSWORD', '  passwordEnv: STAGEMIG_ONPREM_PASSWORD'],
    ['  username: administrator', '  username: administrator'],
  ])('%s', (line, masked) => {
    expect(maskSecretsInLine(line)).toBe(masked);
  });
});

describe('addresses, paths and text decoding', () => {
  it('validates domains', () => {
    expect(isValidDomain('contoso.onmicrosoft.com')).toBe(true);
    expect(isValidDomain('müller.de')).toBe(true);
    expect(isValidDomain('localhost')).toBe(false);
    expect(isValidDomain('a_b.com')).toBe(false);
  });

  it('limits address lengths', () => {
    expect(isValidSmtpAddress(`${'a'.repeat(64)}@contoso.com`)).toBe(true);
    expect(isValidSmtpAddress(`${'a'.repeat(65)}@contoso.com`)).toBe(false);
  });

  it('shows paths relative to cwd only when inside it', () => {
    expect(displayPath('/work/x/plan.yaml', '/work')).toBe('x/plan.yaml');
    expect(displayPath('/other/plan.yaml', '/work')).toBe('/other/plan.yaml');
  });

  it('checks the local part in place: one @, allowed characters, the domain of each address (not the previous one)', () => {
    const cases: Array<[string, boolean]> = [
      ['pilar.pinilla@contoso.com', true], ['a@b@contoso.com', false], ['.a@contoso.com', false], ['a..b@contoso.com', false],
      ['josé.garcía@contoso.com', true], ['a b@contoso.com', false], ['a@', false], ['@contoso.com', false],
      // The same domain twice, then a different, invalid one with the same length, then the first again.
      ['x@contoso.com', true], ['y@contoso.com', true], ['z@contoso_com', false], ['x@contoso.com', true], ['x@contoso', false], ['x@contoso.com', true],
    ];
    expect(cases.map(([a]) => [a, isValidSmtpAddress(a)])).toEqual(cases);
  });

  it('decodes ASCII and UTF-8 without a BOM as TextDecoder does, and refuses invalid UTF-8', () => {
    for (const text of ['EmailAddress\r\na@contoso.com\r\n', 'EmailAddress\nbjörn@contoso.com\n', '\u{1F600}x', '']) {
      const bytes = Buffer.from(text, 'utf8');
      expect(decodeText(bytes)).toEqual({ ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom: false });
    }
    // A slice of a larger buffer decodes only its own bytes.
    const big = Buffer.from('xxEmailAddress\nyy', 'utf8').subarray(2, 15);
    expect(decodeText(big)).toMatchObject({ ok: true, text: 'EmailAddress\n' });
    expect(decodeText(Buffer.from([0x61, 0xe9, 0x62]))).toMatchObject({ ok: false });
    expect(decodeText(Buffer.from([0xed, 0xa0, 0x80]))).toMatchObject({ ok: false }); // a UTF-16 surrogate written as UTF-8
  });

  it('drops the BOM and names the encoding', () => {
    const r = decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0x61]));
    expect(r).toEqual({ ok: true, text: 'a', encoding: 'utf-8', bom: true });
  });
});
