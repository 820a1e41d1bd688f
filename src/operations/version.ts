// `stagemig version`: what is running, for bug reports and pinned CI installs.
//
// Must not: print or read `process`: it takes a Host and returns values (views make the text).
import { TOOL_VERSION } from '../version.js';

export interface VersionInfo {
  toolVersion: string;
  nodeVersion: string;
  platform: string;
  arch: string;
}

export function versionInfo(runtime: { version: string; platform: string; arch: string } = process): VersionInfo {
  return { toolVersion: TOOL_VERSION, nodeVersion: runtime.version, platform: runtime.platform, arch: runtime.arch };
}
