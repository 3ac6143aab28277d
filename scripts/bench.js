// @ts-check
// npm run bench: compiles what the benchmarks load (tsc to out/), runs every
// benchmark listed in bench/benchmarks.js, prints one table with ratios
// against baselines and peers (another tool doing the same work) and targets,
// and writes bench/results.json as an array of { metric, value, unit }, where
// each ratio to a peer is a metric of its own (`<metric>.vsPeer`, unit x).
// `node scripts/bench.js language` runs only the benchmarks whose name
// contains "language".
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

const ROOT = path.join(__dirname, '..');
const RESULTS = path.join(ROOT, 'bench', 'results.json');

/** @typedef {{ metric: string, value: number, unit: string, baseline?: string, peer?: string, target?: number }} Metric */

/** A bench that resolves to a record of numbers: one metric per numeric field. */
function fromRecord(/** @type {string} */ prefix, /** @type {Record<string, unknown>} */ record) {
  /** @type {Metric[]} */
  const metrics = [];
  for (const [key, value] of Object.entries(record)) {
    if (typeof value !== 'number') continue;
    const unit = key.endsWith('Ms') ? 'ms' : key.endsWith('KiB') ? 'KiB' : key.endsWith('Ratio') ? 'x' : 'count';
    metrics.push({ metric: `${prefix}.${key}`, value, unit });
  }
  return metrics;
}

/** `m`'s value divided by that of the metric named `other`, when there is one to divide by. */
function ratioTo(/** @type {Metric} */ m, /** @type {string | undefined} */ other, /** @type {Map<string, Metric>} */ byName) {
  const base = other ? byName.get(other) : undefined;
  return base && base.value > 0 ? Math.round((m.value / base.value) * 100) / 100 : undefined;
}

function row(/** @type {Metric} */ m, /** @type {Map<string, Metric>} */ byName) {
  const show = (/** @type {number | undefined} */ ratio) => (ratio === undefined ? '' : `${ratio.toFixed(ratio < 1 ? 2 : 1)}x`);
  const target = m.target === undefined ? '' : `<= ${m.target} ${m.unit} ${m.value <= m.target ? 'ok' : 'MISSED'}`;
  return { metric: m.metric, value: m.value, unit: m.unit, 'vs baseline': show(ratioTo(m, m.baseline, byName)), 'vs peer': show(ratioTo(m, m.peer, byName)), target };
}

/** What results.json holds: every metric, and after each one compared with a peer, that ratio. */
function results(/** @type {Metric[]} */ all, /** @type {Map<string, Metric>} */ byName) {
  return all.flatMap(({ metric, value, unit, peer }) => {
    const ratio = ratioTo({ metric, value, unit }, peer, byName);
    return ratio === undefined ? [{ metric, value, unit }] : [{ metric, value, unit }, { metric: `${metric}.vsPeer`, value: ratio, unit: 'x' }];
  });
}

async function main() {
  const filter = process.argv[2] ?? '';
  process.stdout.write('Compiling (tsc -b) ...\n');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', ROOT], { stdio: 'inherit' });
  const benchmarks = require(path.join(ROOT, 'bench', 'benchmarks.js')).filter((/** @type {{ name: string }} */ b) => b.name.includes(filter));
  // Timings on a shared machine depend on what else runs: the load average says how busy it was.
  /** @type {Metric[]} */
  const all = [{ metric: 'host.loadAverage1m.start', value: Math.round(os.loadavg()[0] * 100) / 100, unit: 'load' }];
  for (const bench of benchmarks) {
    process.stdout.write(`Running ${bench.name} ...\n`);
    const result = await bench.run();
    const metrics = Array.isArray(result) ? result : fromRecord(bench.name.split(' ')[0], result);
    all.push(...metrics);
  }
  all.push({ metric: 'host.loadAverage1m.end', value: Math.round(os.loadavg()[0] * 100) / 100, unit: 'load' });
  const byName = new Map(all.map((m) => [m.metric, m]));
  console.table(all.map((m) => row(m, byName)));
  fs.writeFileSync(RESULTS, `${JSON.stringify(results(all, byName), null, 2)}\n`);
  process.stdout.write(`Wrote ${path.relative(ROOT, RESULTS)}\n`);
  if (all.some((m) => m.target !== undefined && m.value > m.target)) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
