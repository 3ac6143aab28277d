// Texts crafted to find the slowest paths of an HCL reader: regular
// expressions that backtrack, scanners that re-read, recursion, error
// recovery. Each is valid HCL or a plausible half-typed file; they are read by
// the hang guard (test/unit/server/hangGuard.test.ts, in-process and through
// the CLI) and seed the fuzz suite. They say nothing of which reader handles
// them, so they guard any replacement of the readers too.

/** CPU milliseconds no text may take to parse and validate: far above what any of these takes with linear readers. */
export const HANG_BOUND_CPU_MS = 1000;

export interface WorstCase {
  readonly name: string;
  readonly text: string;
}

/** `inner` as the config of a task, so that every case is also a plausible job. */
const inTask = (inner: string): string =>
  `job "worst" {\n  group "g" {\n    task "t" {\n      driver = "docker"\n      config {\n${inner}\n      }\n    }\n  }\n}\n`;

const repeat = (item: string, times: number, separator = ', '): string => Array.from({ length: times }, () => item).join(separator);

export const WORST_CASES: readonly WorstCase[] = [
  // Long lists: a list of literals that turns out not to be one at its very end.
  { name: 'list of strings ending in a call', text: inTask(`        args = [${repeat('"-a"', 2000)}, upper("x")]`) },
  { name: 'list of templates ending in a call', text: inTask(`        args = [${repeat('"${var.a}"', 2000)}, upper("x")]`) },
  { name: 'list of mixed literals ending in an operator', text: inTask(`        args = [${repeat('"a", 1, -2.5, var.x.y, true, "$a", "%b"', 400)}, 1 + 2]`) },
  { name: 'list of strings never closed', text: inTask(`        args = [${repeat('"-a"', 4000)}`) },
  { name: 'long valid list', text: inTask(`        args = [${repeat('"-a"', 20000)}]`) },
  { name: 'list of lists', text: inTask(`        args = [${repeat('["a", "b"]', 3000)}]`) },
  // Long strings.
  { name: 'long string', text: inTask(`        command = "${'y'.repeat(200_000)}"`) },
  { name: 'long string never closed', text: inTask(`        command = "${'y'.repeat(50_000)}`) },
  { name: 'long string of dollars and percents', text: inTask(`        command = "${'$%'.repeat(50_000)}x`) },
  { name: 'long string of escapes never closed', text: inTask(`        command = "${'\\n\\"'.repeat(30_000)}`) },
  { name: 'many interpolations never closed', text: inTask(`        command = "${'${var.a}'.repeat(20_000)}`) },
  { name: 'many interpolations ending in a call', text: inTask(`        command = "${'${var.a} '.repeat(20_000)}\${upper("x")}"`) },
  { name: 'long string followed by blank lines', text: `x = "${'y'.repeat(30_000)}\n${'\n'.repeat(200)}y = 1\n` },
  { name: 'long block header', text: `job ${repeat('"label"', 5000, ' ')} x\n` },
  { name: 'long block header closed', text: `job ${repeat('"label"', 5000, ' ')} {\n}\n` },
  // Deep nesting.
  { name: 'deep blocks', text: `${'a {\n'.repeat(3000)}x = 1\n${'}\n'.repeat(3000)}` },
  { name: 'deep blocks never closed', text: `${'a {\n'.repeat(3000)}x = 1\n` },
  { name: 'deep lists', text: `x = ${'['.repeat(5000)}1${']'.repeat(5000)}\n` },
  { name: 'deep objects never closed', text: `x = ${'{ a = '.repeat(3000)}1\n` },
  { name: 'deep calls never closed', text: `x = ${'f('.repeat(3000)}1\n` },
  { name: 'deep interpolations', text: `x = ${'"${'.repeat(2000)}1${'}"'.repeat(2000)}\n` },
  // Many heredocs.
  { name: 'many heredocs', text: inTask(repeat('        script = <<EOT\n        echo hi\n        EOT', 3000, '\n')) },
  { name: 'many indented heredocs with templates', text: inTask(repeat('        script = <<-EOT\n          echo ${var.a} %{ if true }x%{ endif }\n          EOT', 2000, '\n')) },
  { name: 'many heredocs never closed', text: inTask(repeat('        script = <<EOT\n        echo EOTX', 3000, '\n')) },
  { name: 'heredoc lines that start with the marker', text: `x = <<EOT\n${'EOTEOT\n'.repeat(20_000)}EOT\n` },
  // Many items on few lines, and long runs of nothing after a mistake.
  { name: 'many attributes on one line', text: `${repeat('a = 1', 5000, ' ')}\n` },
  { name: 'many broken attributes', text: repeat('a = = 1', 5000, '\n') },
  { name: 'long comment', text: `# ${'x'.repeat(200_000)}\njob "x" {}\n` },
  { name: 'unclosed block comment', text: `job "x" {\n/* ${'x\n'.repeat(50_000)}` },
];
