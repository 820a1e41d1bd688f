import { describe, expect, it } from 'vitest';
import { pwshEnvironment } from '../../../src/backends/powershell/pwsh-env.js';
import { connectParameters, moduleToImport } from '../../../src/backends/powershell/connect.js';
import type { ExchangeOnlineBackendConfig } from '../../../src/model/index.js';

describe('the environment pwsh starts with', () => {
  const env = {
    PATH: '/usr/bin', HOME: '/home/admin', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8', PSModulePath: '/mods',
    HTTPS_PROXY: 'http://proxy:3128', STAGEMIG_SIMULATOR_URL: 'http://127.0.0.1:1',
    STAGEMIG_ONPREM_PASSWORD: 'on-prem-secret', EXO_CERT_PASSWORD: 'cert-secret', AWS_SECRET_ACCESS_KEY: 'x', GITHUB_TOKEN: 'y',
  };

  it('keeps what PowerShell needs and drops everything else, secrets included', () => {
    const out = pwshEnvironment(env, { exclude: ['EXO_CERT_PASSWORD'] });
    expect(out).toMatchObject({
      PATH: '/usr/bin', HOME: '/home/admin', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8', PSModulePath: '/mods',
      HTTPS_PROXY: 'http://proxy:3128', STAGEMIG_SIMULATOR_URL: 'http://127.0.0.1:1', NO_COLOR: '1',
    });
    expect(Object.values(out)).not.toContain('on-prem-secret');
    expect(Object.values(out)).not.toContain('cert-secret');
    expect(Object.keys(out)).not.toContain('GITHUB_TOKEN');
  });

  it('drops an excluded variable even when its name is on the allow-list', () => {
    expect(pwshEnvironment({ TMP: 'x' }, { exclude: ['tmp'] })).not.toHaveProperty('TMP');
  });
});

describe('Connect-ExchangeOnline parameters', () => {
  const base: ExchangeOnlineBackendConfig = {
    type: 'exchange-online', appId: '11111111-2222-3333-4444-555555555555',
    certificateFile: '/plans/app.pfx', certificatePasswordEnv: 'EXO_CERT_PASSWORD',
  };

  it('sends the certificate password as a SecureString value, from the named variable', () => {
    const p = connectParameters(base, 'contoso.onmicrosoft.com', { EXO_CERT_PASSWORD: "pa'ss$(x)" });
    expect(p).toMatchObject({
      AppId: base.appId, Organization: 'contoso.onmicrosoft.com', CertificateFilePath: '/plans/app.pfx',
      CertificatePassword: { secureString: "pa'ss$(x)" }, ShowBanner: false, SkipLoadingFormatData: true,
    });
    expect(p.CommandName).toEqual([
      'Get-MigrationEndpoint', 'Get-MigrationBatch', 'Get-MigrationUser', 'Get-Mailbox',
      'Test-MigrationServerAvailability', 'Get-Recipient', 'Get-AcceptedDomain', 'New-MigrationEndpoint', 'Set-MigrationEndpoint',
      'Remove-MigrationEndpoint', 'New-MigrationBatch', 'Set-MigrationBatch', 'Start-MigrationBatch', 'Stop-MigrationBatch',
      'Remove-MigrationBatch', 'Remove-MigrationUser',
    ]);
  });

  it('uses the thumbprint on Windows setups', () => {
    const p = connectParameters({ type: 'exchange-online', appId: 'a', certificateThumbprint: 'AB'.repeat(20) }, 'c.onmicrosoft.com', {});
    expect(p.CertificateThumbprint).toBe('AB'.repeat(20));
    expect(p).not.toHaveProperty('CertificatePassword');
  });

  it('reports a missing certificate password before starting PowerShell', () => {
    expect(() => connectParameters(base, 'c.onmicrosoft.com', {})).toThrow(/Environment variable EXO_CERT_PASSWORD is not set/);
    expect(() => connectParameters({ type: 'exchange-online', appId: 'a' }, 'c', {})).toThrow(/needs a certificate/);
  });

  it('imports the configured module or ExchangeOnlineManagement', () => {
    expect(moduleToImport(base, 'ExchangeOnlineManagement')).toBe('ExchangeOnlineManagement');
    expect(moduleToImport({ ...base, module: '/opt/StagemigSimulator.psd1' }, 'X')).toBe('/opt/StagemigSimulator.psd1');
  });
});
