// `stagemig show <saved-plan-file>`: read a saved plan, offline. Must not: contact the service, print.
import { readSavedPlan, savedPlanFacts } from '../apply/saved-plan/index.js';
import type { SavedPlanFile } from '../apply/saved-plan/index.js';
import type { Host } from './host.js';

export interface ShowResult {
  file: string;
  saved: SavedPlanFile;
  facts: ReturnType<typeof savedPlanFacts>;
}

export async function runShow(host: Pick<Host, 'cwd'>, file: string): Promise<ShowResult> {
  const saved = await readSavedPlan(file, host.cwd);
  return { file, saved, facts: savedPlanFacts(file, saved) };
}
