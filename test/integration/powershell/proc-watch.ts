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

/** Bridge processes still alive (orphans after a run has ended). */
export function liveBridgePids(): number[] {
  const report: ProcReport = { supported: true, bridgePids: new Map(), leaks: [] };
  sample(report, []);
  return [...report.bridgePids.keys()];
}

/**
 * PowerShell instances started: bridge processes whose parent is not one. The dotnet global-tool
 * `pwsh` is a launcher whose child runs pwsh.dll with the same arguments; the pair is one instance.
 */
export function pwshInstances(report: ProcReport): number[] {
  return [...report.bridgePids].filter(([, ppid]) => !report.bridgePids.has(ppid)).map(([pid]) => pid);
}
