// Watches /proc while a command runs: which bridge processes exist, and whether any process's
// arguments (or the bridge's environment) ever contain a secret. Linux only; elsewhere it sees nothing.
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcReport {
  /** Linux /proc was available. */
  supported: boolean;
  /** Processes running powershell/bridge.ps1 → their parent's PID. */
  bridgePids: Map<number, number>;
  /** "pid: what" for every secret seen in a command line or a bridge environment. */
  leaks: string[];
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'latin1');
  } catch {
    return undefined;
  }
}

function sample(report: ProcReport, secrets: readonly Buffer[]): void {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return;
  }
  for (const pid of pids) {
    const cmdline = read(`/proc/${pid}/cmdline`);
    if (cmdline === undefined) continue;
    const bytes = Buffer.from(cmdline, 'latin1');
    for (const s of secrets) if (bytes.includes(s)) report.leaks.push(`${pid}: secret in command line`);
    if (!cmdline.includes('bridge.ps1')) continue;
    const ppid = Number(/^\d+ \(.*\) \S+ (\d+)/s.exec(read(`/proc/${pid}/stat`) ?? '')?.[1] ?? -1);
    if (!report.bridgePids.has(Number(pid))) report.bridgePids.set(Number(pid), ppid);
    const environ = read(`/proc/${pid}/environ`);
    if (environ === undefined) continue;
    const env = Buffer.from(environ, 'latin1');
    for (const s of secrets) if (env.includes(s)) report.leaks.push(`${pid}: secret in the bridge's environment`);
  }
}

/** Samples /proc every `everyMs` until `work` settles. */
export async function watchProcesses<T>(secrets: readonly string[], work: () => Promise<T>, everyMs = 20): Promise<{ result: T; report: ProcReport }> {
  const report: ProcReport = { supported: process.platform === 'linux', bridgePids: new Map(), leaks: [] };
  const needles = secrets.map((s) => Buffer.from(s, 'utf8'));
  const timer = report.supported ? setInterval(() => sample(report, needles), everyMs) : undefined;
  try {
    const result = await work();
    if (report.supported) sample(report, needles);
    return { result, report };
  } finally {
    clearInterval(timer);
  }
}

/** The bridge processes `parent` runs right now (with a launcher's child). */
export function bridgeTreeOf(parent: number): number[] {
  const report: ProcReport = { supported: true, bridgePids: new Map(), leaks: [] };
  sample(report, []);
  return bridgesOf(report, parent).all;
}

/** Bridge processes still alive (orphans after a run has ended). */
export function liveBridgePids(): number[] {
  const report: ProcReport = { supported: true, bridgePids: new Map(), leaks: [] };
  sample(report, []);
  return [...report.bridgePids.keys()];
}

/** The bridge processes `parent` started, and their bridge children (other test files run their own). */
export function bridgesOf(report: ProcReport, parent: number): { instances: number[]; all: number[] } {
  const instances = [...report.bridgePids].filter(([, ppid]) => ppid === parent).map(([pid]) => pid);
  // The dotnet global-tool `pwsh` is a launcher whose child runs pwsh.dll with the same arguments:
  // the pair is one PowerShell instance.
  const all = new Set(instances);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of report.bridgePids) if (all.has(ppid) && !all.has(pid)) (all.add(pid), (grew = true));
  }
  return { instances, all: [...all] };
}
