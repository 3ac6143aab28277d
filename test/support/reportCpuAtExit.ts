// Preloaded into a child process (`node --require .../reportCpuAtExit.js`): at exit it writes the CPU
// time the process used to stderr, for tests that bound how long a command works (cpuTime.ts reads it).
import { CPU_REPORT_PREFIX } from './cpuTime';

process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  process.stderr.write(`\n${CPU_REPORT_PREFIX}${(user + system) / 1000}\n`);
});
