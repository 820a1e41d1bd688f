// The environment pwsh starts with: an allow-list, so that no secret held in stagemig's environment
// (on-premises passwords, the certificate password) is copied into the PowerShell process.
//
// Must not: print, or put a secret on pwsh's command line, in its environment or in a log.

const EXACT = new Set(
  [
    'PATH', 'HOME', 'USER', 'LOGNAME', 'SHELL', 'LANG', 'LANGUAGE', 'TZ', 'TMPDIR', 'TMP', 'TEMP', 'PSModulePath',
    'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'ALL_PROXY', 'SSL_CERT_FILE', 'SSL_CERT_DIR', 'STAGEMIG_SIMULATOR_URL',
    // Windows
    'SystemRoot', 'SystemDrive', 'windir', 'ComSpec', 'PATHEXT', 'USERPROFILE', 'USERNAME', 'USERDOMAIN', 'APPDATA',
    'LOCALAPPDATA', 'ProgramData', 'ProgramFiles', 'ProgramFiles(x86)', 'ProgramW6432', 'CommonProgramFiles',
    'CommonProgramFiles(x86)', 'CommonProgramW6432', 'PROCESSOR_ARCHITECTURE', 'NUMBER_OF_PROCESSORS', 'OS',
    'COMPUTERNAME', 'HOMEDRIVE', 'HOMEPATH', 'PUBLIC', 'ALLUSERSPROFILE',
  ].map((k) => k.toLowerCase()),
);
const PREFIXES = ['lc_', 'xdg_', 'dotnet_', 'powershell_'];

export function pwshEnvironment(
  env: Readonly<Record<string, string | undefined>>,
  opts: { exclude?: readonly (string | undefined)[] } = {},
): Record<string, string> {
  const excluded = new Set((opts.exclude ?? []).filter((k): k is string => !!k).map((k) => k.toLowerCase()));
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) continue;
    const k = key.toLowerCase();
    if (excluded.has(k)) continue;
    if (EXACT.has(k) || PREFIXES.some((p) => k.startsWith(p))) out[key] = value;
  }
  // Plain text from PowerShell 7.4+ (no ANSI colour in host output), no telemetry, no update check.
  out.NO_COLOR = '1';
  out.POWERSHELL_TELEMETRY_OPTOUT = '1';
  out.POWERSHELL_UPDATECHECK = 'Off';
  return out;
}
