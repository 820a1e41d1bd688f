// Finds the stagemig commands in CI workflow files and checks them against the real command tree.
import type { Command, Option } from 'commander';
import { parse } from 'yaml';

/** Keys whose string value is a shell script: GitHub `run`, Azure `script`/`bash`/`pwsh`/`powershell`. */
const SCRIPT_KEYS = new Set(['run', 'script', 'bash', 'pwsh', 'powershell', 'inlineScript']);

export interface Script {
  /** Where in the file: jobs.apply.steps[3].run */
  path: string;
  text: string;
}

export function scriptsOf(yamlText: string): Script[] {
  const out: Script[] = [];
  const walk = (node: unknown, path: string): void => {
    if (Array.isArray(node)) node.forEach((v, i) => walk(v, `${path}[${i}]`));
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (SCRIPT_KEYS.has(k) && typeof v === 'string') out.push({ path: `${path}.${k}`, text: v });
        else walk(v, `${path}.${k}`);
      }
    }
  };
  walk(parse(yamlText), '$');
  return out;
}

/** Shell words of one logical line: quotes removed, `$VAR`/`${{ x }}` kept as opaque words. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else cur += c;
      continue;
    }
    if (c === '"' || c === "'") { quote = c; inWord = true; continue; }
    if (c === '#' && !inWord) break;
    if (/\s/.test(c)) { if (inWord) words.push(cur); cur = ''; inWord = false; continue; }
    cur += c;
    inWord = true;
  }
  if (inWord) words.push(cur);
  return words;
}

/** Each `stagemig ...` invocation in a script: words after `stagemig`, up to a pipe, redirect or `;`. */
export function stagemigCommands(script: string): string[][] {
  const lines = script.replace(/\\\n/g, ' ').split('\n');
  const out: string[][] = [];
  for (const line of lines) {
    const words = shellWords(line);
    for (let i = 0; i < words.length; i++) {
      if (words[i] !== 'stagemig') continue;
      const args: string[] = [];
      for (let j = i + 1; j < words.length; j++) {
        const w = words[j]!;
        if (/^(\||\|\||&&|;|>|>>|2>|<|2>&1)$/.test(w) || /^[12]?>/.test(w)) break;
        args.push(w.replace(/;$/, ''));
        if (w.endsWith(';')) break;
      }
      out.push(args);
    }
  }
  return out;
}

function findOption(cmd: Command, flag: string): Option | undefined {
  for (let c: Command | null = cmd; c; c = c.parent) {
    const found = c.options.find((o) => o.long === flag || o.short === flag);
    if (found) return found;
  }
  return undefined;
}

/** Problems with one invocation (empty when the real CLI accepts it): unknown command, flag or missing value. */
export function checkInvocation(program: Command, args: readonly string[]): string[] {
  let cmd = program;
  let i = 0;
  while (i < args.length && !args[i]!.startsWith('-')) {
    const sub = cmd.commands.find((c) => c.name() === args[i]);
    if (!sub) break;
    cmd = sub;
    i++;
  }
  if (cmd === program) return [`\`stagemig ${args.join(' ')}\`: no such command`];
  const problems: string[] = [];
  const positional: string[] = [];
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('-')) { positional.push(a); continue; }
    const [flag, inline] = a.split('=', 2) as [string, string | undefined];
    const opt = findOption(cmd, flag);
    if (!opt) { problems.push(`\`stagemig ${cmd.name()}\` has no option ${flag}`); continue; }
    if ((opt.required || opt.optional) && inline === undefined) {
      const value = args[i + 1];
      if (value === undefined || (opt.required && value.startsWith('-'))) problems.push(`${flag} needs a value`);
      else i++;
    }
  }
  const required = cmd.registeredArguments.filter((a) => a.required).length;
  const max = cmd.registeredArguments.some((a) => a.variadic) ? Infinity : cmd.registeredArguments.length;
  if (positional.length < required) problems.push(`\`stagemig ${cmd.name()}\` needs ${required} argument(s), got ${positional.length}`);
  if (positional.length > max) problems.push(`\`stagemig ${cmd.name()}\` takes at most ${max} argument(s), got ${positional.length}`);
  return problems;
}
