// How to set a secret's environment variable, in the two shells admins use: bash and PowerShell.
// Both read the value without echoing it and without putting it in the shell's history.
// Must not: take a secret's value (only the variable's name), or suggest a command that echoes it or keeps it in history.

export function secretEnvHint(name: string): string {
  return `Set it in the shell that runs stagemig: bash \`read -rs ${name} && export ${name}\`; ` +
    `PowerShell \`$env:${name} = Read-Host -MaskInput '${name}'\`. Secrets never go in the YAML.`;
}
