// The stand-in module declares exactly the parameter sets Exchange Online documents: its Get-Command
// metadata in real pwsh (set names, parameters, types, mandatory flags, positions, pipeline input,
// -Confirm/-WhatIf, the default set) equals powershell/parameter-sets/*.json, for the Exchange Online and the
// Microsoft Graph cmdlets alike.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadDocumentedCmdlets, type DocumentedCmdlet } from '../../helpers/parameter-sets.js';
import { standInModulePath } from '../../../src/backends/powershell/locate.js';
import { HAS_PWSH, PWSH } from './pwsh.js';

const SCRIPT = String.raw`
$ErrorActionPreference = 'Stop'
$module = Import-Module $env:STAND_IN -PassThru
$common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
$out = [ordered]@{}
foreach ($c in Get-Command -Module $module.Name | Sort-Object Name) {
    $sets = [ordered]@{}
    foreach ($s in $c.ParameterSets) {
        $sets[$s.Name] = @(foreach ($p in $s.Parameters) {
            if ($common -contains $p.Name) { continue }
            [ordered]@{ name = $p.Name; type = $p.ParameterType.Name; mandatory = $p.IsMandatory; position = $p.Position; pipeline = $p.ValueFromPipeline }
        })
    }
    $out[$c.Name] = [ordered]@{
        sets = $sets
        shouldProcess = $c.Parameters.ContainsKey('WhatIf') -and $c.Parameters.ContainsKey('Confirm')
        defaultSet = $c.DefaultParameterSet
    }
}
$out | ConvertTo-Json -Depth 8 -Compress
`;

interface Declared {
  sets: Record<string, Array<{ name: string; type: string; mandatory: boolean; position: number; pipeline: boolean }>>;
  shouldProcess: boolean;
  defaultSet: string | null;
}

/** A parameter's position in one set (PowerShell's "no position" is int.MinValue). */
function positionIn(doc: DocumentedCmdlet, parameter: string, set: string): number {
  const p = doc.positions?.[parameter];
  const n = typeof p === 'object' ? p[set] : p;
  return n ?? -2147483648;
}

/** What Get-Command must show for a documented cmdlet, in the same shape. */
function expected(doc: DocumentedCmdlet): Declared {
  const sets: Declared['sets'] = {};
  for (const [name, set] of Object.entries(doc.parameterSets)) {
    sets[name] = [...set.mandatory, ...set.optional].sort().map((p) => ({
      name: p,
      type: doc.parameters[p]!,
      mandatory: set.mandatory.includes(p),
      position: positionIn(doc, p, name),
      pipeline: (doc.pipelineInput ?? []).includes(p),
    }));
  }
  return { sets, shouldProcess: doc.shouldProcess, defaultSet: doc.defaultParameterSet ?? null };
}

describe.runIf(HAS_PWSH)('the stand-in module in real PowerShell', () => {
  it('declares exactly the documented parameter sets of every cmdlet it offers, and offers no other cmdlet', () => {
    const text = execFileSync(PWSH!.command, ['-NoLogo', '-NoProfile', '-NonInteractive', '-Command', SCRIPT], {
      encoding: 'utf8', env: { ...process.env, STAND_IN: standInModulePath() }, timeout: 120_000,
    });
    const declared = JSON.parse(text) as Record<string, Declared>;
    const docs = loadDocumentedCmdlets();
    for (const [cmdlet, d] of Object.entries(declared)) {
      const doc = docs.get(cmdlet);
      expect(doc, `${cmdlet} has no documented parameter sets in powershell/parameter-sets`).toBeDefined();
      const sorted = Object.fromEntries(Object.entries(d.sets).map(([n, ps]) => [n, [...ps].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))]));
      // A cmdlet without a default set reports __AllParameterSets as its default.
      const defaultSet = d.defaultSet === '__AllParameterSets' ? null : d.defaultSet;
      expect({ ...d, sets: sorted, defaultSet }, cmdlet).toEqual(expected(doc!));
    }
    const graph = ['Connect-MgGraph', 'Disconnect-MgGraph', 'Get-MgUser', 'Get-MgSubscribedSku', 'Update-MgUser', 'Set-MgUserLicense'];
    for (const c of [
      'Connect-ExchangeOnline', 'Disconnect-ExchangeOnline', 'New-MigrationEndpoint', 'New-MigrationBatch', 'Get-MigrationUser', 'Get-Mailbox',
      'Get-Recipient', 'Get-AcceptedDomain', 'Test-MigrationServerAvailability', ...graph,
    ]) {
      expect(Object.keys(declared)).toContain(c);
    }
  }, 120_000);
});
