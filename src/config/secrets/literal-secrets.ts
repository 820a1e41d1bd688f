// A literal `password:` (or any `...password`/`...secret` key) anywhere in the plan is an error:
// secrets come from environment variables. The value is never echoed.
// Must not: put any part of the value in the diagnostic (only the key and its range), or print.
import { isScalar } from 'yaml';
import type { Diagnostic } from '../../diag/index.js';
import { envKeyFor } from './secret-mask.js';
import { diagAt, nodeRange, type YamlSource } from '../yaml/yaml-source.js';

export function literalSecretDiagnostics(src: YamlSource): Diagnostic[] {
  return src.secretPairs.map((pair) => {
    const key = isScalar(pair.key) ? String(pair.key.value) : 'password';
    const envKey = envKeyFor(key);
    return diagAt(src, 'LITERAL_PASSWORD', `Literal secret \`${key}\` in the plan file`, nodeRange(src, pair.key), {
      detail:
        'Plan files are committed and reviewed in pull requests, so they must not contain passwords. ' +
        'The value has been hidden from this message.',
      hint: `Replace it with \`${envKey}: <ENVIRONMENT_VARIABLE>\` and set that variable where stagemig runs; then rotate the exposed password.`,
    });
  });
}
