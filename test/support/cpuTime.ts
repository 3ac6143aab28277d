// CPU time rather than wall time for hang guards: the test machines are shared,
// and a process waiting for a core is not the code being slow.

/** Milliseconds of CPU (user + system) this process spends in `work`. */
export function cpuMillis(work: () => void): number {
  const before = process.cpuUsage();
  work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/** Marks the line `reportCpuAtExit` writes to stderr. */
export const CPU_REPORT_PREFIX = 'cpu-ms:';

/** A child's CPU milliseconds, from the line a `--require reportCpuAtExit` preload wrote to its stderr. */
export function reportedCpuMillis(stderr: string): number {
  const line = stderr.split('\n').find((l) => l.startsWith(CPU_REPORT_PREFIX));
  if (!line) throw new Error(`no CPU report in the child's stderr: ${stderr.slice(0, 500)}`);
  return Number(line.slice(CPU_REPORT_PREFIX.length));
}
