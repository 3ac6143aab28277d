// @ts-check
// Jobs explorer at scale: how long turning a 10,000-job list response into tree rows takes,
// next to JSON.parse of the same response in the same run (the floor any client pays), and how
// much memory the rows keep. Runs the real ExplorerSession and node code compiled to out/
// (`npx tsc -p .` first) with a stand-in for the `vscode` module. Also: the cost of a list update
// in which one job changed (the common case for a live tree), until the session asks for a redraw.
//
//   node bench/explorer.bench.js            prints a table
//   require('./bench/explorer.bench.js').run()  resolves to the numbers
'use strict';
const path = require('path');
const v8 = require('v8');
const vm = require('vm');
const { installVscodeStub } = require('../out/test/support/vscodeStub');
const { fakeListClient } = require('../out/test/support/fakeListClient');

const JOB_COUNT = 10_000;
const PARENTS = 200;
const CHILDREN_PER_PARENT = 9;
const ROUNDS = 7;
const OUT = path.join(__dirname, '..', 'out', 'client', 'src', 'explorer');

/** A list response shaped like Nomad's: services, batch and system jobs, parameterized parents with dispatched children. */
function listResponse() {
  const types = ['service', 'batch', 'system'];
  /** @type {object[]} */
  const jobs = [];
  const stub = (/** @type {string} */ id, /** @type {number} */ i, /** @type {object} */ extra) => ({
    ID: id,
    ParentID: '',
    Name: id,
    Namespace: 'default',
    Datacenters: ['dc1'],
    Type: types[i % 3],
    Priority: 50,
    Periodic: false,
    ParameterizedJob: false,
    Stop: i % 50 === 0,
    Status: i % 7 === 0 ? 'dead' : 'running',
    StatusDescription: '',
    JobSummary: {
      JobID: id,
      Namespace: 'default',
      Summary: Object.fromEntries(
        Array.from({ length: 1 + (i % 3) }, (_, g) => [`group-${g}`, { Queued: 0, Complete: i % 4, Failed: i % 11 === 0 ? 1 : 0, Running: 2, Starting: 0, Lost: 0 }]),
      ),
      Children: { Pending: 0, Running: 0, Dead: 0 },
      CreateIndex: 10 + i,
      ModifyIndex: 20 + i,
    },
    CreateIndex: 10 + i,
    ModifyIndex: 20 + i,
    JobModifyIndex: 10 + i,
    SubmitTime: 1_795_773_123_291_584_678 + i * 1_000_000,
    ...extra,
  });
  let i = 0;
  for (let p = 0; p < PARENTS; p++) {
    const parent = `dispatcher-${String(p).padStart(4, '0')}`;
    jobs.push(stub(parent, i++, { Type: 'batch', ParameterizedJob: true, Status: 'running', Stop: false }));
    for (let c = 0; c < CHILDREN_PER_PARENT; c++) {
      jobs.push(stub(`${parent}/dispatch-${1_795_773_123 + c}-${(p * 31 + c).toString(16).padStart(8, '0')}`, i++, { Type: 'batch', ParentID: parent }));
    }
  }
  while (jobs.length < JOB_COUNT) jobs.push(stub(`job-${String(i).padStart(6, '0')}`, i++, {}));
  return JSON.stringify(jobs);
}

/** Builds the top level of the tree the way VS Code asks for it: roots, then a TreeItem per row. */
async function buildTree(/** @type {any} */ ExplorerSession, /** @type {any[]} */ jobs) {
  /** @type {(() => void) | undefined} */
  let onRefresh;
  const host = { refresh: () => onRefresh?.(), reportOutcome() {}, stateChanged() {} };
  const client = fakeListClient(jobs);
  const connection = { cluster: { name: 'bench', source: 'settings' }, client, explicit: true };
  const session = new ExplorerSession(connection, {}, host);
  session.watches.setVisible(true);
  const rows = await session.roots();
  const items = rows.map((/** @type {any} */ row) => row.getTreeItem());
  /** Delivers `next` as a server change and resolves once the session asked for a redraw. */
  const update = (/** @type {any[]} */ next) =>
    new Promise((resolve) => {
      onRefresh = () => resolve(undefined);
      client.push(next);
    });
  return { session, rows, items, update };
}

/** The same list with one job's allocations changed, as after a task failure. */
function withOneJobChanged(/** @type {any[]} */ jobs) {
  const next = [...jobs];
  const changed = Math.floor(jobs.length / 2);
  const job = jobs[changed];
  next[changed] = { ...job, ModifyIndex: job.ModifyIndex + 1, JobSummary: { ...job.JobSummary, ModifyIndex: job.JobSummary.ModifyIndex + 1 } };
  return next;
}

function collectGarbage() {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc');
  gc();
  gc();
}

function median(/** @type {number[]} */ values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function time(/** @type {() => unknown} */ fn) {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function run() {
  installVscodeStub();
  const { ExplorerSession } = require(path.join(OUT, 'explorerSession.js'));
  const body = listResponse();

  const parseMs = [];
  const treeMs = [];
  const updateMs = [];
  for (let round = 0; round < ROUNDS; round++) {
    parseMs.push(await time(() => JSON.parse(body)));
    const jobs = JSON.parse(body);
    /** @type {Awaited<ReturnType<typeof buildTree>> | undefined} */
    let tree;
    treeMs.push(await time(async () => (tree = await buildTree(ExplorerSession, jobs))));
    const next = withOneJobChanged(jobs);
    updateMs.push(await time(() => tree?.update(next)));
    tree?.session.dispose();
  }

  // Memory the tree keeps on top of the parsed response it is built from: heap with the tree
  // alive minus heap once it is dropped, both after full collections.
  const jobs = JSON.parse(body);
  /** @type {Awaited<ReturnType<typeof buildTree>> | undefined} */
  let tree = await buildTree(ExplorerSession, jobs);
  const rows = tree.items.length;
  collectGarbage();
  const withTree = process.memoryUsage().heapUsed;
  tree.session.dispose();
  tree = undefined;
  // Let the aborted watch loop finish; until then its promise still reaches the session.
  await new Promise((resolve) => setTimeout(resolve, 20));
  collectGarbage();
  const withoutTree = process.memoryUsage().heapUsed;
  const parsedStillAlive = jobs.length;

  const parse = median(parseMs);
  const build = median(treeMs);
  return {
    name: 'explorer: 10,000-job list to tree rows',
    jobs: JOB_COUNT,
    responseBytes: body.length,
    topLevelRows: rows,
    jsonParseMs: Number(parse.toFixed(2)),
    treeRowsMs: Number(build.toFixed(2)),
    treeToParseRatio: Number((build / parse).toFixed(2)),
    oneJobChangedMs: Number(median(updateMs).toFixed(2)),
    treeRetainedKiB: Math.round((withTree - withoutTree) / 1024),
    parsedJobs: parsedStillAlive,
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
