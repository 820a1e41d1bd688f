// The `backend:` section of an imported plan: the same service, with paths relative to the new folder.
//
// Must not: print or read `process`: it takes a Host and returns values (views make the text).
import { join, relative, sep } from 'node:path';
import type { BackendConfig } from '../../model/index.js';

const rel = (from: string, to: string): string => relative(from, to).split(sep).join('/') || '.';

export function backendSection(config: BackendConfig, outDir: string): Record<string, string> {
  if (config.type === 'simulator') {
    const isDefault = config.stateFile === join(outDir, '.stagemig', 'simulator.json');
    return isDefault ? { type: 'simulator' } : { type: 'simulator', stateFile: rel(outDir, config.stateFile) };
  }
  const out: Record<string, string> = { type: 'exchange-online', appId: config.appId };
  if (config.certificateFile !== undefined) out.certificateFile = rel(outDir, config.certificateFile);
  if (config.certificatePasswordEnv !== undefined) out.certificatePasswordEnv = config.certificatePasswordEnv;
  if (config.certificateThumbprint !== undefined) out.certificateThumbprint = config.certificateThumbprint;
  if (config.module !== undefined) out.module = /[\\/]/.test(config.module) ? rel(outDir, config.module) : config.module;
  return out;
}

export const schemaRef = (outDir: string, schemaFile: string): string => rel(outDir, schemaFile);
