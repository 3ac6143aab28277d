// `npm run bench`: compiles the code to out/ (the suites run it directly), runs every
// bench/*.bench.js suite in turn, prints each one's table and writes bench/results.json
// as a flat list of {metric, value, unit}. Each suite measures its own baseline in the same
// run (JSON.parse, ajv ...) and reports ratios against it, since these machines are noisy.
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const benchDir = path.join(root, 'bench');

/** The unit a suite's field is in, read from its name (e.g. `parseP95Ms`, `treeRetainedKiB`). */
function unitOf(key) {
  const units = [['Ratio', 'ratio'], ['Ms', 'ms'], ['KiB', 'KiB'], ['MiB', 'MiB'], ['MB', 'MB'], ['Bytes', 'bytes']];
  const match = units.find(([suffix]) => key.endsWith(suffix));
  return match ? match[1] : 'count';
}

function metricsOf(file, result) {
  const suite = path.basename(file, '.bench.js');
  return Object.entries(result)
    .filter(([, value]) => typeof value === 'number')
    .map(([key, value]) => ({ metric: `${suite}.${key}`, value, unit: unitOf(key) }));
}

async function main() {
  console.log('compiling (tsc -p .) ...');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', root], { stdio: 'inherit' });
  const only = process.argv[2];
  const files = fs
    .readdirSync(benchDir)
    .filter((f) => f.endsWith('.bench.js') && (!only || f.includes(only)))
    .sort();
  const metrics = [];
  let failed = false;
  for (const file of files) {
    console.log(`\n=== ${file}`);
    try {
      const result = await require(path.join(benchDir, file)).run();
      const { name, ...fields } = result;
      if (name) console.log(name);
      const table = Object.fromEntries(Object.entries(fields).filter(([, v]) => typeof v !== 'object'));
      console.table(table);
      metrics.push(...metricsOf(file, result));
      if (result.withinBudget === false) console.log(`!! ${file}: over budget`);
    } catch (error) {
      failed = true;
      console.error(`${file} failed:`, error);
    }
  }
  fs.writeFileSync(path.join(benchDir, 'results.json'), JSON.stringify(metrics, null, 2) + '\n');
  console.log(`\nwrote bench/results.json (${metrics.length} metrics from ${files.length} suites)`);
  if (failed) process.exitCode = 1;
}

main();
