import { describe, expect, it } from 'vitest';
import { HAS_PWSH, PWSH, REQUIRE_PWSH } from './pwsh.js';

describe('PowerShell for the integration suite', () => {
  it(REQUIRE_PWSH ? 'is installed (STAGEMIG_REQUIRE_PWSH=1)' : 'is reported (optional outside CI)', () => {
    if (REQUIRE_PWSH) expect(HAS_PWSH, 'pwsh is required by STAGEMIG_REQUIRE_PWSH=1 but was not found').toBe(true);
    if (!HAS_PWSH) console.warn('The PowerShell integration suite did not run: pwsh is not installed.');
    else console.info(`PowerShell integration suite: pwsh ${PWSH!.version} (${PWSH!.command})`);
  });

  it.runIf(REQUIRE_PWSH && HAS_PWSH)('is version 7.6.9 in CI', () => {
    expect(PWSH!.version).toBe('7.6.9');
  });
});
