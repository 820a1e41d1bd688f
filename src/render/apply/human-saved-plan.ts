// Terminal lines around saved plans: what `plan --out`, `show` and `apply FILE` say about the file.
//
// Must not: read files, the service or the clock: data in, text out (a view object writes only to the streams it is given).
import { forTerminal, termText } from '../common/safe-text.js';
import { plural } from '../../model/index.js';
import type { SavedPlanFacts } from '../../apply/saved-plan/index.js';

export type { SavedPlanFacts };

export const renderSavedNote = (path: string, file = termText(path)): string =>
  `\nSaved this plan to ${file}. To run exactly these steps, without a prompt: stagemig apply ${file}\n`;

export const renderShowHeader = (facts: SavedPlanFacts, f = forTerminal(facts)): string =>
  `Saved plan ${f.file}: made ${f.createdAt} by stagemig ${f.toolVersion} from ${f.planFile} for ${f.organization} (${f.backend}).\n\n`;

export const renderShowFooter = (file: string, steps: number): string =>
  (steps > 0 ? `\nTo run exactly these steps: stagemig apply ${termText(file)}\n` : '');

export function renderApplySavedHeader(facts: SavedPlanFacts, steps: number): string {
  const f = forTerminal(facts);
  return `Applying the saved plan ${f.file} (made ${f.createdAt} from ${f.planFile} for ${f.organization}): ` +
    `inputs and live objects unchanged, ${plural(steps, 'cmdlet')} to run.\n\n${steps === 0 ? 'No changes. Nothing to run.\n' : ''}`;
}
