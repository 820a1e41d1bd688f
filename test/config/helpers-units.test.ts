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

  it('drops the BOM and names the encoding', () => {
    const r = decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0x61]));
    expect(r).toEqual({ ok: true, text: 'a', encoding: 'utf-8', bom: true });
  });
});
