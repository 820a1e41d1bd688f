// The formats the plan views offer (kept apart from the views so flag parsing loads no view code).
//
// Must not: read files, the service or the clock: data in, text out (a view object writes only to the streams it is given).

/** Views of a saved plan; `plan` also renders a PowerShell runbook, which needs the loaded YAML. */
export const SHOW_FORMATS = ['human', 'json', 'markdown'] as const;
export const PLAN_FORMATS = [...SHOW_FORMATS, 'powershell'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];
