// Connect-ExchangeOnline's parameters for app-only certificate sign-in (facts §2.1). The certificate
// password is read from the environment variable the YAML names and sent to the bridge over stdin.
// Paths (certificateFile, a module given as a path) arrive absolute: config resolves them against the plan's folder.
//
// Must not: print, or put a secret on pwsh's command line, in its environment or in a log.
import { error, secretEnvHint, StagemigError } from '../../diag/index.js';
import type { ExchangeOnlineBackendConfig, ReadCmdletName, CmdletName } from '../../model/index.js';
import type { BridgeValue } from './protocol.js';
import { PREFLIGHT_CMDLETS } from '../preflight.js';

export const READ_CMDLETS: readonly ReadCmdletName[] = ['Get-MigrationEndpoint', 'Get-MigrationBatch', 'Get-MigrationUser', 'Get-Mailbox'];
export const WRITE_CMDLETS: readonly CmdletName[] = [
  'New-MigrationEndpoint', 'Set-MigrationEndpoint', 'Remove-MigrationEndpoint', 'New-MigrationBatch', 'Set-MigrationBatch',
  'Start-MigrationBatch', 'Stop-MigrationBatch', 'Remove-MigrationBatch', 'Remove-MigrationUser',
];

type Env = Readonly<Record<string, string | undefined>>;

function usage(summary: string, hint: string): StagemigError {
  return new StagemigError([error('USAGE', summary, { hint })]);
}

export function connectParameters(
  config: ExchangeOnlineBackendConfig,
  organization: string,
  env: Env,
): Record<string, BridgeValue> {
  const p: Record<string, BridgeValue> = { AppId: config.appId, Organization: organization };
  if (config.certificateFile !== undefined) {
    const name = config.certificatePasswordEnv;
    if (name === undefined) {
      throw usage('backend.certificateFile needs backend.certificatePasswordEnv', 'Name the environment variable that holds the .pfx password.');
    }
    const password = env[name];
    if (password === undefined || password === '') {
      throw new StagemigError([
        error('MISSING_SECRET', `Environment variable ${name} is not set`, {
          detail: 'Connect-ExchangeOnline needs the password of backend.certificateFile.',
          hint: secretEnvHint(name),
        }),
      ]);
    }
    p.CertificateFilePath = config.certificateFile;
    p.CertificatePassword = { secureString: password };
  } else if (config.certificateThumbprint !== undefined) {
    p.CertificateThumbprint = config.certificateThumbprint;
  } else {
    throw usage('The exchange-online backend needs a certificate', 'Set backend.certificateFile and certificatePasswordEnv, or certificateThumbprint on Windows.');
  }
  p.ShowBanner = false;
  p.SkipLoadingFormatData = true;
  p.CommandName = [...READ_CMDLETS, ...PREFLIGHT_CMDLETS, ...WRITE_CMDLETS];
  return p;
}

/** The module to import: backend.module (a name or an absolute path), else ExchangeOnlineManagement. */
export function moduleToImport(config: ExchangeOnlineBackendConfig, fallback: string): string {
  const m = config.module?.trim();
  return m ? m : fallback;
}
