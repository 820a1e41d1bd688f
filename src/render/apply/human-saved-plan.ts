// Terminal lines around saved plans: what `plan --out`, `show` and `apply FILE` say about the file.

export interface SavedPlanFacts {
  file: string;
  createdAt: string;
  toolVersion: string;
  planFile: string;
  organization: string;
  backend: string;
}

export const renderSavedNote = (file: string): string =>
  `\nSaved this plan to ${file}. To run exactly these steps, without a prompt: stagemig apply ${file}\n`;

export const renderShowHeader = (f: SavedPlanFacts): string =>
  `Saved plan ${f.file}: made ${f.createdAt} by stagemig ${f.toolVersion} from ${f.planFile} for ${f.organization} (${f.backend}).\n\n`;

export const renderShowFooter = (file: string, steps: number): string =>
  (steps > 0 ? `\nTo run exactly these steps: stagemig apply ${file}\n` : '');

export function renderApplySavedHeader(f: SavedPlanFacts, steps: number): string {
  return `Applying the saved plan ${f.file} (made ${f.createdAt} from ${f.planFile} for ${f.organization}): ` +
    `inputs and live objects unchanged, ${steps} cmdlet${steps === 1 ? '' : 's'} to run.\n\n${steps === 0 ? 'No changes. Nothing to run.\n' : ''}`;
}
