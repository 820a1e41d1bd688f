// The tool's version, read once from package.json (the only source of the version number).
//
// Must not: be computed anywhere else; views and saved plans take TOOL_VERSION from here.
import { readFileSync } from 'node:fs';

/** package.json sits two folders up from dist/src/ and one up from src/ (tests run the sources). */
function readVersion(): string {
  for (const rel of ['../../package.json', '../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'stagemig' && pkg.version) return pkg.version;
    } catch {
      // not this level
    }
  }
  return '0.0.0';
}

export const TOOL_VERSION: string = readVersion();
