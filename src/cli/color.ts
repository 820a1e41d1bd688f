// Whether to colour output: --no-color first, then FORCE_COLOR, then NO_COLOR, then a terminal.
//
// Must not: run the work or write text (views make the text; emit.ts writes it).

export interface ColorInputs {
  /** stdout is a terminal. */
  isTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
  /** --no-color was given. */
  noColorFlag: boolean;
}

/** FORCE_COLOR=0 or false turns it off, as in Node and most tools; any other value turns it on. */
function forced(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  return !['0', 'false'].includes(value.trim().toLowerCase());
}

export function colorEnabled({ isTTY, env, noColorFlag }: ColorInputs): boolean {
  if (noColorFlag) return false;
  const force = forced(env.FORCE_COLOR);
  if (force !== undefined) return force;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY;
}
