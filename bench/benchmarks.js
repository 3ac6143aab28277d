// @ts-check
// The benchmarks `npm run bench` runs, in order. To add one, write
// bench/<area>.bench.js exporting { name, run } where run() resolves to an
// array of { metric, value, unit } (optionally `baseline`: the metric it is
// compared with, `peer`: the metric of another tool doing the same work, and
// `target`: the highest acceptable value), then list it
// here. A bench that resolves to a plain record of numbers is converted:
// keys ending in Ms become ms, KiB stays KiB, anything else is a count.
'use strict';

module.exports = [
  require('./languageServer.bench.js'),
  require('./authoring.bench.js'),
  require('./activation.bench.js'),
  { name: 'explorer (10,000 jobs)', run: () => require('./explorer.bench.js').run() },
];
