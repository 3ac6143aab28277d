// @ts-check
// Language server on a 5,000-line job file: full parse plus validation, re-validation after a
// one-character edit (incremental re-parse from the previous tree), and memory with 20 such
// documents open. The baseline, measured in the same run, is the same job as API JSON through
// JSON.parse plus the ajv validator the server uses for API JSON files.
// Runs code compiled to out/ (`npx tsc -p .` first).
//
//   node bench/validation.bench.js            prints a table
//   require('./bench/validation.bench.js').run()  resolves to the numbers
'use strict';
const path = require('path');
const v8 = require('v8');
const vm = require('vm');
const { TextDocument } = require('vscode-languageserver-textdocument');

const OUT = path.join(__dirname, '..', 'out', 'server', 'src');
const TARGET_LINES = 5000;
const ROUNDS = 30;
const WARMUP = 3;
const OPEN_DOCUMENTS = 20;
const BUDGET = { fullP95Ms: 50, editP95Ms: 10, twentyDocsMB: 200 };

/** One group as HCL and as its API JSON twin, so both sides describe the same job. */
function group(i) {
  const name = `app-${i}`;
  const hcl = `
  group "${name}" {
    count = ${1 + (i % 3)}

    network {
      port "http" {
        to = 8080
      }
    }

    restart {
      attempts = 3
      interval = "5m"
      delay    = "15s"
      mode     = "delay"
    }

    service {
      name     = "${name}"
      port     = "http"
      provider = "nomad"
      tags     = ["v${i}", "bench"]

      check {
        type     = "http"
        path     = "/health"
        interval = "10s"
        timeout  = "2s"
      }
    }

    task "server" {
      driver = "docker"

      config {
        image = "registry.example.com/${name}:1.${i}"
        ports = ["http"]
        args  = ["--port", "8080"]
      }

      env {
        APP_NAME = "${name}"
        LOG      = "info"
      }

      resources {
        cpu    = ${100 + i}
        memory = 128
      }
    }
  }
`;
  const api = {
    Name: name,
    Count: 1 + (i % 3),
    Networks: [{ DynamicPorts: [{ Label: 'http', To: 8080 }] }],
    RestartPolicy: { Attempts: 3, Interval: 300e9, Delay: 15e9, Mode: 'delay' },
    Services: [
      {
        Name: name,
        PortLabel: 'http',
        Provider: 'nomad',
        Tags: [`v${i}`, 'bench'],
        Checks: [{ Type: 'http', Path: '/health', Interval: 10e9, Timeout: 2e9 }],
      },
    ],
    Tasks: [
      {
        Name: 'server',
        Driver: 'docker',
        Config: { image: `registry.example.com/${name}:1.${i}`, ports: ['http'], args: ['--port', '8080'] },
        Env: { APP_NAME: name, LOG: 'info' },
        Resources: { CPU: 100 + i, MemoryMB: 128 },
      },
    ],
  };
  return { hcl, api };
}

function benchJobs() {
  const groups = [];
  let lines = 4;
  for (let i = 0; lines < TARGET_LINES; i++) {
    const g = group(i);
    groups.push(g);
    lines += g.hcl.split('\n').length - 1;
  }
  const hcl = `job "bench" {\n  datacenters = ["dc1"]\n  type        = "service"\n${groups.map((g) => g.hcl).join('')}}\n`;
  const api = JSON.stringify({ Job: { ID: 'bench', Name: 'bench', Type: 'service', Datacenters: ['dc1'], TaskGroups: groups.map((g) => g.api) } });
  return { hcl, api };
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function time(fn) {
  const start = process.hrtime.bigint();
  const result = fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
}

function samples(rounds, fn) {
  const out = [];
  for (let round = 0; round < rounds + WARMUP; round++) {
    const { ms } = time(fn);
    if (round >= WARMUP) out.push(ms);
  }
  return out;
}

function collectGarbage() {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc');
  gc();
  gc();
}

async function run() {
  const { createLanguageService } = require(path.join(OUT, 'languageService.js'));
  const { ApiValidators } = require(path.join(OUT, 'schema', 'apiValidators.js'));
  const service = await createLanguageService();
  const { hcl, api } = benchJobs();
  const lines = hcl.split('\n').length;
  const document = TextDocument.create('file:///bench.nomad.hcl', 'nomad', 1, hcl);

  const full = samples(ROUNDS, () => {
    const parsed = service.parseJobDocument(document);
    const diagnostics = service.doValidation(document, parsed);
    parsed.dispose();
    if (diagnostics.length > 0) throw new Error(`the bench job is not clean: ${diagnostics[0].message}`);
  });

  // One character typed in the middle of the file: `count = 2` becomes `count = 22` and back.
  const middle = hcl.indexOf('count = 2', hcl.length / 2) + 'count = 2'.length;
  let previous = service.parseJobDocument(document);
  let current = document;
  const edit = samples(ROUNDS, () => {
    const grown = current.getText().length > hcl.length;
    const position = current.positionAt(middle);
    const change = grown
      ? { range: { start: position, end: current.positionAt(middle + 1) }, text: '' }
      : { range: { start: position, end: position }, text: '2' };
    current = TextDocument.update(current, [change], current.version + 1);
    const parsed = service.parseJobDocument(current, previous);
    service.doValidation(current, parsed);
    previous.dispose();
    previous = parsed;
  });
  previous.dispose();

  const validateApi = ApiValidators.for(service.schema).jobValidator();
  const baseline = samples(ROUNDS, () => {
    if (!validateApi(JSON.parse(api).Job)) throw new Error(`the API JSON twin is not valid: ${JSON.stringify(validateApi.errors?.[0])}`);
  });

  collectGarbage();
  const before = process.memoryUsage().heapUsed + process.memoryUsage().external;
  const open = [];
  for (let i = 0; i < OPEN_DOCUMENTS; i++) {
    const doc = TextDocument.create(`file:///bench-${i}.nomad.hcl`, 'nomad', 1, hcl);
    const parsed = service.parseJobDocument(doc);
    open.push({ doc, parsed, diagnostics: service.doValidation(doc, parsed) });
  }
  collectGarbage();
  const after = process.memoryUsage().heapUsed + process.memoryUsage().external;
  const twentyDocsMB = (after - before) / 1024 / 1024;
  for (const { parsed } of open) parsed.dispose();

  const result = {
    name: `language server: validation of a ${lines}-line job (baseline: the same job as API JSON through JSON.parse + ajv)`,
    lines,
    fullP50Ms: percentile(full, 50),
    fullP95Ms: percentile(full, 95),
    editP50Ms: percentile(edit, 50),
    editP95Ms: percentile(edit, 95),
    baselineP50Ms: percentile(baseline, 50),
    baselineP95Ms: percentile(baseline, 95),
    fullToBaselineRatio: percentile(full, 50) / percentile(baseline, 50),
    editToBaselineRatio: percentile(edit, 50) / percentile(baseline, 50),
    twentyDocsMB,
  };
  for (const [key, value] of Object.entries(result)) if (typeof value === 'number' && key !== 'lines') result[key] = Number(value.toFixed(2));
  return {
    ...result,
    withinBudget: result.fullP95Ms <= BUDGET.fullP95Ms && result.editP95Ms <= BUDGET.editP95Ms && result.twentyDocsMB <= BUDGET.twentyDocsMB,
  };
}

module.exports = { run };

if (require.main === module) {
  run().then(
    (result) => console.table(result),
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
