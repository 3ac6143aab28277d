// @ts-check
// Authoring on a 5,000-line job file: completion at ten typical cursor positions
// (budget: p95 <= 10 ms per request) and whole-document formatting from the cached
// syntax tree (budget: <= 50 ms), both through the services the server calls.
// Runs code compiled to out/ (`npx tsc -p .` first).
//
//   node bench/authoring.bench.js            prints a table
//   require('./bench/authoring.bench.js').run()  resolves to the numbers
'use strict';
const path = require('path');
const { TextDocument } = require('vscode-languageserver-textdocument');

const OUT = path.join(__dirname, '..', 'out', 'server', 'src');
const TARGET_LINES = 5000;
const COMPLETION_ROUNDS = 25;
const FORMAT_ROUNDS = 9;
/** First runs compile and optimise the code; an editor session is past them after a few requests. */
const WARMUP_ROUNDS = 2;
const COMPLETION_P95_BUDGET_MS = 10;
const FORMAT_BUDGET_MS = 50;

/** One group of a realistic service: network, service with checks, two tasks with config, env, template. */
function group(index) {
  return `
  group "app-${index}" {
    count = ${1 + (index % 3)}

    network {
      port "http" {
        to = 8080
      }
      port "metrics" {}
    }

    constraint {
      attribute = "\${attr.kernel.name}"
      value     = "linux"
    }

    service {
      name = "app-${index}"
      port = "http"
      tags = ["v${index}", local.team]

      check {
        type     = "http"
        path     = "/health"
        interval = "10s"
        timeout  = "2s"
      }
    }

    restart {
      attempts = 3
      delay    = "15s"
      mode     = "delay"
    }

    task "server" {
      driver = "docker"

      config {
        image = "registry.example.com/app-${index}:\${var.version}"
        ports = ["http", "metrics"]
        args  = ["--port", "\${NOMAD_PORT_http}", "--replica", "\${NOMAD_ALLOC_INDEX}"]
      }

      env {
        REGION   = var.region
        LOG_JSON = "true"
      }

      template {
        data        = <<-EOF
          listen = \${NOMAD_PORT_http}
          name   = "app-${index}"
        EOF
        destination = "local/app.conf"
        change_mode = "restart"
      }

      resources {
        cpu    = ${100 + index}
        memory = 256
      }
    }

    task "sidecar" {
      driver = "exec"

      lifecycle {
        hook    = "prestart"
        sidecar = true
      }

      config {
        command = "/usr/local/bin/agent"
        args    = ["-config", "\${NOMAD_TASK_DIR}/agent.hcl"]
      }

      resources {
        cpu    = 50
        memory = 64
      }
    }
  }
`;
}

function benchJob() {
  let text = `variable "version" {
  type    = string
  default = "1.0.0"
}

variable "region" {
  default = "eu-west"
}

locals {
  team = "platform"
}

job "bench" {
  datacenters = ["dc1", "dc2"]
  type        = "service"
`;
  for (let i = 0; text.split('\n').length < TARGET_LINES - 2; i++) text += group(i);
  return `${text}}\n`;
}

/** The same job as someone might have typed it: indentation lost and `=` unaligned. */
function messyJob(job) {
  return job
    .split('\n')
    .map((line, i) => (i % 2 ? line.trimStart() : line).replace(/(\S)\s+= /, '$1 = '))
    .join('\n');
}

/** Ten cursor positions: [label, text inserted at the end of line `after` (a partial token), cursor at its end or its `|`]. */
const POSITIONS = [
  ['top level', /^job "bench" \{$/, 'before', 'va'],
  ['job body', /^ {2}type {8}= "service"$/, 'after', '  pri'],
  ['group body', /^ {4}count = \d$/, 'after', '    ne'],
  ['task body (broken)', /^ {6}driver = "docker"$/, 'after', '      kill_'],
  ['enum value', /^ {8}sidecar = true$/, 'after', '        hook = "po|"'],
  ['driver name', /^ {4}task "server" \{$/, 'after', '      driver = "d|"'],
  ['docker config key', /^ {8}ports = \["http", "metrics"\]$/, 'after', '        ima'],
  ['runtime variable', /^ {8}LOG_JSON = "true"$/, 'after', '        ADDR = "${NOMAD_|}"'],
  ['constraint attribute', /^ {6}value {5}= "linux"$/, 'after', '      operator = "|"'],
  ['var./local. reference', /^ {8}memory = 256$/, 'after', '        memory_max = var.|'],
];

/** Inserts the partial text on its own line before/after the `nth` line matching `pattern`. */
function withTyping(job, [, pattern, where, typed], nth) {
  const lines = job.split('\n');
  const matches = lines.map((line, i) => (pattern.test(line) ? i : -1)).filter((i) => i !== -1);
  const line = matches[Math.min(nth, matches.length - 1)];
  if (line === undefined) throw new Error(`no line matches ${pattern}`);
  const at = where === 'after' ? line + 1 : line;
  const caret = typed.includes('|') ? typed.indexOf('|') : typed.length;
  lines.splice(at, 0, typed.replace('|', ''));
  const text = lines.join('\n');
  const offset = lines.slice(0, at).join('\n').length + 1 + caret;
  return { text, offset };
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Wall-clock time, and the CPU time this process spent: on a machine shared with other work the second shows the code's own cost. */
function time(fn) {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const result = fn();
  const used = process.cpuUsage(cpu);
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, cpuMs: (used.user + used.system) / 1000, result };
}

async function run() {
  const { createLanguageService } = require(path.join(OUT, 'languageService.js'));
  const { completeHcl } = require(path.join(OUT, 'services', 'completion', 'hclCompletion.js'));
  const { computeFormatEdits } = require(path.join(OUT, 'services', 'format', 'formatter.js'));
  const service = await createLanguageService();
  const job = benchJob();
  const lines = job.split('\n').length;

  const completionMs = [];
  const completionCpuMs = [];
  const perPosition = {};
  for (const position of POSITIONS) {
    // A position in the middle of the file: the reader scans everything before and after it.
    const { text, offset } = withTyping(job, position, 40);
    const document = TextDocument.create('file:///bench.nomad.hcl', 'nomad', 1, text);
    const samples = [];
    let count = 0;
    for (let round = 0; round < COMPLETION_ROUNDS; round++) {
      const { ms, cpuMs, result } = time(() => completeHcl(document, offset, service.schema));
      if (round >= WARMUP_ROUNDS) {
        // the first calls also fill the schema caches
        samples.push(ms);
        completionCpuMs.push(cpuMs);
      }
      count = result.length;
    }
    if (count === 0) throw new Error(`no completion items at "${position[0]}"`);
    perPosition[position[0]] = Number(percentile(samples, 50).toFixed(2));
    completionMs.push(...samples);
  }

  const formatMs = {};
  for (const [name, text] of [['canonical', job], ['messy', messyJob(job)]]) {
    const document = TextDocument.create(`file:///${name}.nomad.hcl`, 'nomad', 1, text);
    const parsed = service.parseJobDocument(document);
    const root = parsed.syntaxTree.syntaxTree.rootNode;
    const samples = [];
    const cpuSamples = [];
    let edits = 0;
    for (let round = 0; round < FORMAT_ROUNDS + WARMUP_ROUNDS; round++) {
      const { ms, cpuMs, result } = time(() => computeFormatEdits(text, root));
      if (round >= WARMUP_ROUNDS) {
        samples.push(ms);
        cpuSamples.push(cpuMs);
      }
      edits = result.length;
    }
    if (name === 'messy' && edits === 0) throw new Error('the messy job produced no formatting edits');
    formatMs[name] = { median: percentile(samples, 50), cpu: percentile(cpuSamples, 50), edits };
    parsed.dispose();
  }

  const completionP95 = percentile(completionMs, 95);
  const formatWorst = Math.max(formatMs.canonical.median, formatMs.messy.median);
  return {
    name: `authoring: completion and formatting on a ${lines}-line job`,
    lines,
    completionRequests: completionMs.length,
    completionMedianMs: Number(percentile(completionMs, 50).toFixed(2)),
    completionP95Ms: Number(completionP95.toFixed(2)),
    completionP95CpuMs: Number(percentile(completionCpuMs, 95).toFixed(2)),
    completionBudgetMs: COMPLETION_P95_BUDGET_MS,
    completionMedianByPosition: perPosition,
    formatCanonicalMs: Number(formatMs.canonical.median.toFixed(2)),
    formatMessyMs: Number(formatMs.messy.median.toFixed(2)),
    formatMessyCpuMs: Number(formatMs.messy.cpu.toFixed(2)),
    formatMessyEdits: formatMs.messy.edits,
    formatBudgetMs: FORMAT_BUDGET_MS,
    withinBudget: completionP95 <= COMPLETION_P95_BUDGET_MS && formatWorst <= FORMAT_BUDGET_MS,
  };
}

module.exports = { run, benchJob, messyJob };

if (require.main === module) {
  run().then(
    (result) => {
      const { completionMedianByPosition, ...summary } = result;
      console.table(summary);
      console.table(completionMedianByPosition);
      if (!result.withinBudget) process.exitCode = 1;
    },
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
