// What `--help` shows after the options: examples and the exit codes (DESIGN §5). Commander prints it.
//
// Must not: hold anything but text.

export const PROGRAM_HELP_AFTER = `
Examples:
  stagemig validate migration/stagemig.yaml
  stagemig plan migration/stagemig.yaml --out stagemig.plan.json
  stagemig apply stagemig.plan.json
  stagemig status migration/stagemig.yaml --watch

Exit codes:
  0  success (plan --detailed-exitcode: nothing differs)
  1  error, or a failed check; nothing was changed unless the output says which steps ran
  2  changes pending (plan --detailed-exitcode only)

Environment:
  NO_COLOR, FORCE_COLOR   turn colour off or on (--no-color wins over both)
  STAGEMIG_LOG=debug      log every call to the migration service on stderr (or --log-file FILE)
`;

export const COMMAND_EXAMPLES: Readonly<Record<string, string>> = {
  validate: 'stagemig validate migration/stagemig.yaml --format json',
  check: 'stagemig check migration/stagemig.yaml --format markdown --target batch.StagedBatch2',
  plan: 'stagemig plan migration/stagemig.yaml --out stagemig.plan.json --detailed-exitcode',
  apply: 'stagemig apply stagemig.plan.json          # exactly the reviewed plan\n  stagemig apply migration/stagemig.yaml --auto-approve --wait',
  show: 'stagemig show stagemig.plan.json --format markdown',
  status: 'stagemig status migration/stagemig.yaml --format json',
  convert: 'stagemig convert migration/stagemig.yaml --batch StagedBatch1 --out conversion/StagedBatch1',
  fmt: 'stagemig fmt migration/ --check --diff',
  import: 'stagemig import --out migration --from stagemig.yaml',
  version: 'stagemig version --format json',
};

export function commandHelpAfter(name: string): string | undefined {
  const example = COMMAND_EXAMPLES[name];
  return example === undefined ? undefined : `\nExample:\n  ${example}\n\nExit codes: 0 success, 1 error${name === 'plan' ? ', 2 changes pending (with --detailed-exitcode)' : name === 'check' ? ' or a failed check (warnings alone exit 0)' : ''}.\n`;
}

/** --log-file cannot be written: logging stops, the command goes on. */
export const logFileBroken = (file: string, code: string): string => `stagemig: warning: cannot write the log file ${file} (${code}); logging stopped.\n`;
