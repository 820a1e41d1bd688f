// Turning what went wrong in PowerShell into one clear diagnostic with a hint, never a PowerShell dump.
// Must not: print, name a secret's value (hints name its variable), or pass on more of pwsh's stderr than its last lines.
import { error, StagemigError, type Diagnostic } from '../../diag/index.js';
import { BridgeExitError } from './bridge-process.js';
import type { BridgeFailure } from './protocol.js';

export const EXO_MODULE = 'ExchangeOnlineManagement';

const PERMISSION = [
  /is not recognized as (?:the|a) name of a cmdlet/i,
  /access (?:is )?denied/i,
  /\bunauthori[sz]ed\b|\bforbidden\b|\b40[13]\b/i,
  /insufficient privileges|not assigned to any management roles|isn't within your current write scope/i,
];

/** The app's role does not include a cmdlet (it was never imported) or the service refused access. */
export function isPermissionFailure(f: BridgeFailure): boolean {
  return f.errorType === 'System.Management.Automation.CommandNotFoundException' || PERMISSION.some((re) => re.test(f.error));
}

const PERMISSION_HINT =
  'The app registration needs the Office 365 Exchange Online API permission Exchange.ManageAsApp (admin consent) ' +
  'and a role that holds the Migration cmdlets, e.g. Exchange Administrator or the Recipient Management role group.';

export function pwshMissing(command: string): StagemigError {
  return new StagemigError([
    error('BACKEND_FAILED', `PowerShell 7 (${command}) was not found`, {
      detail: 'The exchange-online backend runs the ExchangeOnlineManagement module in pwsh.',
      hint: 'Install PowerShell 7 (e.g. `dotnet tool install --global PowerShell`), or set STAGEMIG_PWSH to the pwsh program.',
    }),
  ]);
}

export function bridgeEnded(err: BridgeExitError, during: string): StagemigError {
  const stderr = err.stderr.trim().split(/\r?\n/).slice(-5).join('\n');
  return new StagemigError([
    error('BACKEND_FAILED', `PowerShell ended unexpectedly while ${during}`, {
      detail: stderr === '' ? err.message : `${err.message}:\n${stderr}`,
      hint: 'Nothing more was sent to Exchange Online. Run the command again; if it keeps failing, run `pwsh -NoProfile` to check the installation.',
    }),
  ]);
}

export function moduleFailed(module: string, f: BridgeFailure): StagemigError {
  const notInstalled = f.errorType === 'System.IO.FileNotFoundException' || /no valid module file was found/i.test(f.error);
  const custom = module !== EXO_MODULE;
  const d: Diagnostic = notInstalled
    ? error('BACKEND_FAILED', `The PowerShell module ${module} is not installed`, {
        detail: f.error,
        hint: custom
          ? 'Check `backend.module` in the plan: it must name an installed module or the path of a .psd1/.psm1 file.'
          : `Install it for pwsh: pwsh -NoProfile -Command "Install-Module ${EXO_MODULE} -Scope CurrentUser"`,
      })
    : error('BACKEND_FAILED', `The PowerShell module ${module} could not be loaded`, {
        detail: f.error,
        hint: `Run \`pwsh -NoProfile -Command "Import-Module ${module}"\` to see the full error.`,
      });
  return new StagemigError([d]);
}

export function connectFailed(organization: string, appId: string, f: BridgeFailure, passwordEnv?: string): StagemigError {
  const certificate = /certificate|password|pfx|thumbprint|keyset/i.test(f.error);
  const hint = certificate
    ? `Check backend.certificateFile${passwordEnv ? ` and the password in ${passwordEnv}` : ''} (or certificateThumbprint on Windows).`
    : `Check backend.appId (${appId}), organization (${organization}) and the certificate registered for the app. ${PERMISSION_HINT}`;
  return new StagemigError([
    error('BACKEND_FAILED', `Could not connect to Exchange Online for ${organization}`, { detail: f.error, hint }),
  ]);
}

export function readFailed(cmdlet: string, f: BridgeFailure): StagemigError {
  const permission = isPermissionFailure(f);
  return new StagemigError([
    error('BACKEND_FAILED', permission ? `Not allowed to run ${cmdlet} in Exchange Online` : `${cmdlet} failed`, {
      detail: f.error,
      hint: permission
        ? PERMISSION_HINT
        : 'The live state could not be read, so nothing was planned or changed. Run the command again once the service answers.',
    }),
  ]);
}

export function readUnexpected(cmdlet: string, message: string): StagemigError {
  return new StagemigError([
    error('BACKEND_FAILED', `${cmdlet} returned something stagemig does not understand`, {
      detail: message,
      hint: 'Nothing was changed. Please report this with the module version (Get-Module ExchangeOnlineManagement).',
    }),
  ]);
}
