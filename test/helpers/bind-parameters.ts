// Which documented parameter set a call with these named parameters binds to, the way PowerShell
// resolves it: the sets holding every given parameter, then those whose mandatory parameters are all
// given; several left → the default set if it is one of them, else the call is ambiguous. Pure; a test
// helper (the oracle the parameter-set tests check stagemig's calls against). It never picks a set where
// PowerShell could not: an unknown parameter or an unresolved set is an error, never a guess.
import type { DocumentedCmdlet } from './parameter-sets.js';

/** Common parameters every cmdlet takes; -Confirm and -WhatIf only with SupportsShouldProcess. */
const COMMON = [
  'Verbose', 'Debug', 'ErrorAction', 'WarningAction', 'InformationAction', 'ProgressAction', 'ErrorVariable',
  'WarningVariable', 'InformationVariable', 'OutVariable', 'OutBuffer', 'PipelineVariable',
].map((p) => p.toLowerCase());
const SHOULD_PROCESS = ['confirm', 'whatif'];

export type BindResult = { ok: true; parameterSet: string } | { ok: false; error: string };

export function bindParameters(doc: DocumentedCmdlet, names: readonly string[]): BindResult {
  const known = new Map(Object.keys(doc.parameters).map((p) => [p.toLowerCase(), p]));
  const given: string[] = [];
  for (const name of names) {
    const lower = name.toLowerCase();
    if (COMMON.includes(lower) || (doc.shouldProcess && SHOULD_PROCESS.includes(lower))) continue;
    const canonical = known.get(lower);
    if (canonical === undefined) return { ok: false, error: `${doc.cmdlet}: a parameter cannot be found that matches parameter name '${name}'.` };
    given.push(canonical);
  }
  const sets = Object.entries(doc.parameterSets);
  const candidates = sets.filter(([, s]) => given.every((p) => s.mandatory.includes(p) || s.optional.includes(p)));
  if (candidates.length === 0) {
    return { ok: false, error: `${doc.cmdlet}: parameter set cannot be resolved using the specified named parameters (${given.join(', ')}).` };
  }
  const satisfied = candidates.filter(([, s]) => s.mandatory.every((p) => given.includes(p)));
  if (satisfied.length === 1) return { ok: true, parameterSet: satisfied[0]![0] };
  if (satisfied.length > 1) {
    const fallback = satisfied.find(([name]) => name === doc.defaultParameterSet);
    if (fallback) return { ok: true, parameterSet: fallback[0] };
    return { ok: false, error: `${doc.cmdlet}: parameter set cannot be resolved: ${satisfied.map(([n]) => n).join(', ')} all match.` };
  }
  const missing = candidates.map(([name, s]) => `${name} needs ${s.mandatory.filter((p) => !given.includes(p)).join(', ')}`);
  return { ok: false, error: `${doc.cmdlet}: missing mandatory parameters (${missing.join('; ')}).` };
}
