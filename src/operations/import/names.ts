// File and variable names derived from service object names.
//
// Must not: print or read `process`: it takes a Host and returns values (views make the text).

/** A file-system-safe, unique (case-insensitively) CSV name for each batch. */
export function csvFileNames(batches: readonly string[]): Map<string, string> {
  const used = new Set<string>();
  const out = new Map<string, string>();
  for (const name of batches) {
    const base = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '') || 'batch';
    let candidate = base;
    for (let i = 2; used.has(candidate.toLowerCase()); i++) candidate = `${base}-${i}`;
    used.add(candidate.toLowerCase());
    out.set(name, `batches/${candidate}.csv`);
  }
  return out;
}

/** STAGEMIG_ONPREM_PASSWORD for a single endpoint, else one variable per endpoint. */
export function passwordEnvFor(endpoint: string, endpointCount: number): string {
  if (endpointCount === 1) return 'STAGEMIG_ONPREM_PASSWORD';
  const safe = endpoint.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return `STAGEMIG_${safe || 'ENDPOINT'}_PASSWORD`;
}

export function csvText(emails: readonly string[]): string {
  return ['EmailAddress', ...emails].join('\n') + '\n';
}
