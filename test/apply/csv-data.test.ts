import { describe, expect, it } from 'vitest';
import { buildCsvData } from '../../src/apply/index.js';
import { Sensitive } from '../../src/model/index.js';

describe('buildCsvData', () => {
  it('writes only EmailAddress when no row has optional columns', () => {
    expect(buildCsvData([{ email: 'a@x.com', line: 2 }]).toString('utf8')).toBe('EmailAddress\r\na@x.com\r\n');
  });

  it('includes passwords and quotes fields that need it', () => {
    const csv = buildCsvData([
      { email: 'a@x.com', line: 2, password: new Sensitive('p,"w'), forceChangePassword: true },
      { email: 'zoë@x.com', line: 3 },
    ]).toString('utf8');
    expect(csv).toBe('EmailAddress,Password,ForceChangePassword\r\na@x.com,"p,""w",True\r\nzoë@x.com,,\r\n');
  });
});
