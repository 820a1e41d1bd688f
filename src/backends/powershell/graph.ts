// Microsoft Graph PowerShell in the exchange-online backend (seed step 7): connected in the same pwsh
// session as Exchange Online, app-only with the same app registration and certificate (DESIGN §7), the
// first time a run needs it. Two bulk reads whatever the size (Get-MgSubscribedSku -All, Get-MgUser -All
// -Property ...) and the two licence writes.
//
// Must not: put the certificate password anywhere but a request on stdin, or read users one by one.
import { error, secretEnvHint, StagemigError } from '../../diag/index.js';
import type { ExchangeOnlineBackendConfig } from '../../model/index.js';
import type { BridgeFailure, BridgeValue } from './protocol.js';

/** The Microsoft Graph PowerShell modules of the cmdlets used (Microsoft.Graph.Authentication comes with them). */
export const GRAPH_MODULES = ['Microsoft.Graph.Users', 'Microsoft.Graph.Users.Actions', 'Microsoft.Graph.Identity.DirectoryManagement'] as const;
export const GRAPH_WRITE_CMDLETS: readonly string[] = ['Update-MgUser', 'Set-MgUserLicense'];
/** What the licence view needs of each user, and nothing more. */
export const GRAPH_USER_PROPERTIES = ['Id', 'UserPrincipalName', 'Mail', 'ProxyAddresses', 'AssignedLicenses', 'CreatedDateTime', 'UsageLocation'] as const;

export const GRAPH_READS: ReadonlyArray<readonly [string, Record<string, BridgeValue>]> = [
  ['Get-MgSubscribedSku', { All: true }],
  ['Get-MgUser', { All: true, Property: [...GRAPH_USER_PROPERTIES] }],
];

/**
 * Connect-MgGraph's AppCertificateParameterSet: -ClientId (backend.appId) -TenantId (the plan's organization,
 * which Graph accepts as the tenant) and the certificate Exchange Online uses: a .pfx opened in the bridge
 * with the password from certificatePasswordEnv, or a thumbprint in the current user's store.
 */
export function graphConnectParameters(
  config: ExchangeOnlineBackendConfig,
  organization: string,
  env: Readonly<Record<string, string | undefined>>,
): Record<string, BridgeValue> {
  const p: Record<string, BridgeValue> = { ClientId: config.appId, TenantId: organization };
  if (config.certificateFile !== undefined) {
    const name = config.certificatePasswordEnv ?? '';
    const password = env[name];
    if (password === undefined || password === '') {
      throw new StagemigError([error('MISSING_SECRET', `Environment variable ${name} is not set`, {
        detail: 'Connect-MgGraph needs the password of backend.certificateFile.', hint: secretEnvHint(name),
      })]);
    }
    p.Certificate = { pfx: { path: config.certificateFile, password } };
  } else {
    p.CertificateThumbprint = config.certificateThumbprint ?? '';
  }
  p.NoWelcome = true;
  return p;
}

/** A Graph write's parameters for the bridge: -AddLicenses as assignedLicense objects. */
export function graphWriteParameters(parameters: Record<string, BridgeValue>): Record<string, BridgeValue> {
  const add = parameters.AddLicenses;
  if (!Array.isArray(add)) return parameters;
  return { ...parameters, AddLicenses: { assignedLicenses: add.map(String) } };
}

const GRAPH_PERMISSION_HINT =
  'The app registration needs the Microsoft Graph application permissions User.ReadWrite.All (users and their ' +
  'usage location), LicenseAssignment.ReadWrite.All (licences) and Organization.Read.All (the SKUs), with admin consent.';

export function graphModuleFailed(module: string, f: BridgeFailure): StagemigError {
  const notInstalled = f.errorType === 'System.IO.FileNotFoundException' || /no valid module file was found|was not loaded because/i.test(f.error);
  return new StagemigError([error('BACKEND_FAILED', notInstalled ? `The PowerShell module ${module} is not installed` : `The PowerShell module ${module} could not be loaded`, {
    detail: f.error,
    hint: notInstalled
      ? `Licences are read and assigned with Microsoft Graph PowerShell: pwsh -NoProfile -Command "Install-Module ${GRAPH_MODULES.join(', ')} -Scope CurrentUser"`
      : `Run \`pwsh -NoProfile -Command "Import-Module ${module}"\` to see the full error.`,
  })]);
}

export function graphConnectFailed(organization: string, appId: string, f: BridgeFailure, passwordEnv?: string): StagemigError {
  const certificate = /certificate|password|pfx|thumbprint|keyset|private key/i.test(f.error);
  const hint = certificate
    ? `Check backend.certificateFile${passwordEnv ? ` and the password in ${passwordEnv}` : ''} (or certificateThumbprint), and that the certificate is registered for the app.`
    : `Check backend.appId (${appId}) and organization (${organization}). ${GRAPH_PERMISSION_HINT}`;
  return new StagemigError([error('BACKEND_FAILED', `Could not connect to Microsoft Graph for ${organization}`, { detail: f.error, hint })]);
}

export function graphReadFailed(cmdlet: string, f: BridgeFailure): StagemigError {
  const permission = /insufficient privileges|authorization_requestdenied|forbidden|\b403\b|access (?:is )?denied/i.test(f.error);
  return new StagemigError([error('BACKEND_FAILED', permission ? `Not allowed to run ${cmdlet} in Microsoft Graph` : `${cmdlet} failed`, {
    detail: f.error,
    hint: permission ? GRAPH_PERMISSION_HINT : 'The licences could not be read, so nothing was planned or changed. Run the command again once the service answers.',
  })]);
}
