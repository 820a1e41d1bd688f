// Secrets never reach a diagnostic: excerpts are masked before they leave the config layer.
// Must not: leave any part of a secret's value visible in a masked line, or print.
import { SENSITIVE_MASK } from '../../model/index.js';

/** Keys whose value is a secret written in clear text (`password`, `certificatePassword`, `clientSecret`). */
export function isSecretKey(key: string): boolean {
  return /(password|passwd|pwd|secret)$/i.test(key.trim());
}

/** The environment-variable key that should replace a literal secret key: password → passwordEnv. */
export function envKeyFor(key: string): string {
  return `${key}Env`;
}

const SECRET_WORD = String.raw`["']?[\w-]*(?:password|passwd|pwd|secret)["']?[ \t]*:[ \t]*`;
// Block style: `  password: value  # comment` (a plain scalar may hold commas: mask to the end).
const BLOCK_SECRET = new RegExp(String.raw`^(\s*(?:-[ \t]+)?${SECRET_WORD})(\S.*?)([ \t]+#.*)?$`, 'i');
// Flow style: `{ username: x, password: value }`.
const FLOW_SECRET = new RegExp(String.raw`([{,][ \t]*${SECRET_WORD})([^,}\s][^,}]*?)(?=[ \t]*[,}]|$)`, 'gi');

/** Masks `key: value` secrets in one line of YAML, whatever state the document is in. */
export function maskSecretsInLine(line: string): string {
  const block = line.replace(BLOCK_SECRET, (_m, head: string, _v: string, tail: string | undefined) =>
    `${head}${SENSITIVE_MASK}${tail ?? ''}`,
  );
  return block.replace(FLOW_SECRET, (_m, head: string) => `${head}${SENSITIVE_MASK}`);
}

/** Replaces the parts of a line (starting at `lineStart`) covered by secret spans with the mask. */
export function maskSpans(line: string, lineStart: number, spans: ReadonlyArray<readonly [number, number]>): string {
  const lineEnd = lineStart + line.length;
  const hits = spans
    .filter(([s, e]) => s < lineEnd && e > lineStart)
    .map(([s, e]) => [Math.max(s, lineStart) - lineStart, Math.min(e, lineEnd) - lineStart] as const)
    .sort((a, b) => b[0] - a[0]);
  let out = line;
  for (const [s, e] of hits) {
    if (out.slice(s, e).trim() === '') continue;
    out = `${out.slice(0, s)}${SENSITIVE_MASK}${out.slice(e)}`;
  }
  return out;
}
