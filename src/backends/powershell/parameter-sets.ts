// The parameter sets Exchange Online documents for each cmdlet stagemig calls, recorded as data in
// powershell/parameter-sets/<Cmdlet>.json (format: powershell/README.md). Read by tests and tools that
// check a call binds before it is sent; the stand-in module declares its cmdlets from the same files.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parameterSetsDir } from './locate.js';

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
  /** PowerShell positions (0-based) of positional parameters. */
  positions?: Record<string, number>;
  pipelineInput?: string[];
  parameterSets: Record<string, DocumentedParameterSet>;
  notes?: string[];
}

export function loadDocumentedCmdlet(path: string): DocumentedCmdlet {
  return JSON.parse(readFileSync(path, 'utf8')) as DocumentedCmdlet;
}

/** Every recorded cmdlet, by name. */
export function loadDocumentedCmdlets(dir = parameterSetsDir()): Map<string, DocumentedCmdlet> {
  const out = new Map<string, DocumentedCmdlet>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const doc = loadDocumentedCmdlet(join(dir, file));
    out.set(doc.cmdlet, doc);
  }
  return out;
}
