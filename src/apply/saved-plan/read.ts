// Reading a saved plan file: recognise it, parse it and refuse other format versions clearly.
//
// Must not: print, or let a saved plan run whose inputs or live service changed since it was made.
import { resolve } from 'node:path';
import { error, StagemigError } from '../../diag/index.js';
import { checkJsonValue, FileReadError, MAX_BYTES, readRegularFile } from '../../files/index.js';
import type { Diagnostic } from '../../diag/index.js';
import { SAVED_PLAN_FORMAT_VERSION, SAVED_PLAN_KIND } from './format.js';
import type { SavedPlanFile } from './format.js';

const major = (v: string): string => v.split('.')[0] ?? v;

/** A file read once and parsed once: its text (for error positions) and its JSON object. */
export interface SniffedSavedPlan {
  text: string;
  data: Record<string, unknown>;
}

/** The file, if it is a JSON object with a format_version (a saved plan), else undefined (e.g. a YAML plan). */
export async function sniffSavedPlan(path: string, cwd: string): Promise<SniffedSavedPlan | undefined> {
  let text: string;
  try {
    text = readRegularFile(resolve(cwd, path), MAX_BYTES.savedPlan).toString('utf8');
  } catch {
    return undefined; // the YAML loader reports missing, special and oversized files with its own diagnostic
  }
  const data = savedPlanObject(text);
  return data ? { text, data } : undefined;
}

function savedPlanObject(text: string): Record<string, unknown> | undefined {
  if (!/^\s*\{/.test(text)) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && 'format_version' in value ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function formatProblem(path: string, data: Record<string, unknown>): Diagnostic | undefined {
  const version = String(data.format_version);
  const range = { file: path, start: { line: 1, col: 1 } };
  if (data.kind !== SAVED_PLAN_KIND) {
    return error('PLAN_FORMAT', `${path} is not a stagemig saved plan`, {
      detail: `Its kind is ${JSON.stringify(data.kind ?? null)}; a saved plan written by \`stagemig plan --out\` has kind "${SAVED_PLAN_KIND}". ` +
        'The output of `stagemig plan --format json` is a report, not something apply can run.',
      hint: 'Write a saved plan with `stagemig plan <plan.yaml> --out <file>`, then apply that file.', range,
    });
  }
  if (major(version) !== major(SAVED_PLAN_FORMAT_VERSION)) {
    return error('PLAN_FORMAT', `Saved plan format ${version} is not supported`, {
      detail: `${path} was written by stagemig ${String(data.tool_version)} in saved-plan format ${version}; ` +
        `this stagemig reads format ${major(SAVED_PLAN_FORMAT_VERSION)}.x.`,
      hint: 'Run `stagemig plan --out` again with this version of stagemig, review it, and apply the new file.', range,
    });
  }
  const missing = ['plan_file', 'backend', 'inputs', 'live', 'plan'].filter((k) => !(k in data));
  if (missing.length > 0) {
    return error('PLAN_FORMAT', `${path} is an incomplete saved plan (no ${missing.join(', ')})`, {
      hint: 'The file may have been cut or edited; run `stagemig plan --out` again.', range,
    });
  }
  return undefined;
}

/**
 * The saved plan in `path`, or a StagemigError saying why it cannot be used. `sniffed`: the file as
 * sniffSavedPlan read and parsed it, checked as it is (never read or parsed again).
 */
export async function readSavedPlan(path: string, cwd: string, sniffed?: SniffedSavedPlan): Promise<SavedPlanFile> {
  if (sniffed) return checkedSavedPlan(path, sniffed.text, sniffed.data);
  let text: string;
  try {
    text = readRegularFile(resolve(cwd, path), MAX_BYTES.savedPlan).toString('utf8');
  } catch (err) {
    if (!(err instanceof FileReadError)) throw err;
    throw new StagemigError([error(err.kind === 'missing' ? 'FILE_NOT_FOUND' : err.kind === 'too-large' ? 'INPUT_TOO_LARGE' : 'NOT_A_FILE', `Saved plan ${path} ${err.reason}`, {
      hint: 'Write one with `stagemig plan <plan.yaml> --out <file>`.',
    })]);
  }
  const data = savedPlanObject(text);
  if (!data) {
    throw new StagemigError([error('PLAN_FORMAT', `${path} is not a stagemig saved plan`, {
      hint: 'Pass a file written by `stagemig plan <plan.yaml> --out <file>`.', range: { file: path, start: { line: 1, col: 1 } },
    })]);
  }
  return checkedSavedPlan(path, text, data);
}

function checkedSavedPlan(path: string, text: string, data: Record<string, unknown>): SavedPlanFile {
  const problem = formatProblem(path, data);
  if (problem) throw new StagemigError([problem]);
  return checkJsonValue<SavedPlanFile>(data, text, {
    file: path, schema: 'saved-plan.schema.json', what: 'saved plan',
    hint: 'A saved plan is written by `stagemig plan --out` and must not be edited; run it again, review it, and apply the new file.',
  });
}
