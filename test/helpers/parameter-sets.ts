// The parameter sets Exchange Online documents for each cmdlet stagemig calls, recorded as data in
// powershell/parameter-sets/<Cmdlet>.json (format: powershell/README.md). Read by the tests that check
// every call stagemig can make binds to a documented set; the stand-in module declares its cmdlets from
// the same files. A test helper: stagemig itself never reads them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parameterSetsDir } from '../../src/backends/powershell/locate.js';

/** PowerShell's name for the one set of a cmdlet that declares no named sets. */
export const ALL_PARAMETER_SETS = '__AllParameterSets';

export interface DocumentedParameterSet {
  mandatory: string[];
  optional: string[];
}

export interface DocumentedCmdlet {
  cmdlet: string;
  source: { repository: string; path: string; commit: string; section: string };
  /** -Confirm and -WhatIf are accepted (SupportsShouldProcess). */
  shouldProcess: boolean;
  defaultParameterSet?: string;
  defaultParameterSetNote?: string;
  /** Parameter name → .NET type name as documented (e.g. String, SwitchParameter, MigrationBatchIdParameter). */
  parameters: Record<string, string>;
  /** PowerShell positions of positional parameters: a number (every set), or by set where they differ. */
  positions?: Record<string, number | Record<string, number>>;
  pipelineInput?: string[];
  parameterSets: Record<string, DocumentedParameterSet>;
  /**
   * Where the page documents every environment in one SYNTAX: the parameters and sets that exist in
   * Exchange Online (the PARAMETERS section says which are on-premises only). Absent: all of them do.
   */
  exchangeOnline?: { parameters: string[]; parameterSets: string[] };
  notes?: string[];
}

/** The cmdlet as Exchange Online has it: only its sets and parameters (what the stand-in declares). */
export function inExchangeOnline(doc: DocumentedCmdlet): DocumentedCmdlet {
  const exo = doc.exchangeOnline;
  if (exo === undefined) return doc;
  const keep = new Set(exo.parameters);
  const pick = <V>(o: Record<string, V>): Record<string, V> => Object.fromEntries(Object.entries(o).filter(([k]) => keep.has(k)));
  const { exchangeOnline: _, ...rest } = doc;
  const out: DocumentedCmdlet = {
    ...rest,
    parameters: pick(doc.parameters),
    parameterSets: Object.fromEntries(exo.parameterSets.map((name) => {
      const set = doc.parameterSets[name]!;
      return [name, { mandatory: set.mandatory.filter((p) => keep.has(p)), optional: set.optional.filter((p) => keep.has(p)) }];
    })),
  };
  if (doc.positions) out.positions = pick(doc.positions);
  if (doc.pipelineInput) out.pipelineInput = doc.pipelineInput.filter((p) => keep.has(p));
  return out;
}

export function loadDocumentedCmdlet(path: string): DocumentedCmdlet {
  return JSON.parse(readFileSync(path, 'utf8')) as DocumentedCmdlet;
}

/** Every recorded cmdlet, by name, as Exchange Online has it (inExchangeOnline). */
export function loadDocumentedCmdlets(dir = parameterSetsDir()): Map<string, DocumentedCmdlet> {
  const out = new Map<string, DocumentedCmdlet>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const doc = inExchangeOnline(loadDocumentedCmdlet(join(dir, file)));
    out.set(doc.cmdlet, doc);
  }
  return out;
}
