// Views of `stagemig version`: one line for people (and scripts that compare it), a JSON document.
//
// Must not: read files, the service or the clock: data in, text out (a view object writes only to the streams it is given).
import type { VersionInfo } from '../../operations/version.js';
import { jsonHeader, stringifyJson } from '../common/json-document.js';
import { output, type Output } from '../common/output.js';

export function renderVersionHuman(v: VersionInfo): string {
  return `stagemig ${v.toolVersion}\n`;
}

/** schemas/version-output.schema.json */
export function renderVersionJson(v: VersionInfo): string {
  return stringifyJson({ ...jsonHeader('version', v.toolVersion), node_version: v.nodeVersion, platform: v.platform, arch: v.arch });
}

export const versionOutput = (format: 'human' | 'json', v: VersionInfo): Output => output(format === 'json' ? renderVersionJson(v) : renderVersionHuman(v));
