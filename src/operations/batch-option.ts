// `--batch NAME` (status, convert): the plan's batch of that name, case-insensitive as the service
// compares names, or a usage error with a "did you mean".
//
// Must not: print or read `process`: it takes a Host and returns values (views make the text).
import { didYouMean } from '../config/text/did-you-mean.js';
import { error, StagemigError } from '../diag/index.js';
import { nameKey, type DesiredBatch, type DesiredState } from '../model/index.js';

export function batchNamed(desired: DesiredState, name: string): DesiredBatch {
  const found = desired.batches.find((b) => nameKey(b.name) === nameKey(name));
  if (found) return found;
  const names = desired.batches.map((b) => b.name);
  throw new StagemigError([error('USAGE', `--batch ${name} does not name a batch in the plan`, {
    hint: didYouMean(name, names) ?? `The plan's batches: ${names.join(', ') || '(none)'}.`,
  })]);
}
