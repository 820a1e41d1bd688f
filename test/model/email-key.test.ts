// emailKey: one spelling per address (case, NFC, IDNA domain), the same whichever path computes it.
import { describe, expect, it } from 'vitest';
import { domainKey, emailKey } from '../../src/model/email-key.js';

describe('emailKey', () => {
  it('gives a lower-case ASCII address back as it is, and lower-cases one with capitals', () => {
    const plain = 'pilar.pinilla@contoso.com';
    expect(emailKey(plain)).toBe(plain);
    expect(emailKey('Pilar.Pinilla@Contoso.COM')).toBe(plain);
    expect(emailKey('ZZ@AA.example')).toBe('zz@aa.example');
  });

  it('NFC-normalises and lower-cases the local part and IDNA-maps the domain of any other address', () => {
    expect(emailKey('Bjo\u0308rn@B\u00fcCHER.example')).toBe('bj\u00f6rn@xn--bcher-kva.example');
    expect(emailKey('bj\u00f6rn@xn--bcher-kva.example')).toBe('bj\u00f6rn@xn--bcher-kva.example');
    expect(domainKey('B\u00fccher.Example')).toBe('xn--bcher-kva.example');
    expect(domainKey('Contoso.COM')).toBe('contoso.com');
  });

  it('treats a control character as not plain ASCII (no lower-casing shortcut)', () => {
    expect(emailKey('A\tB@contoso.com')).toBe('a\tb@contoso.com');
  });
});
