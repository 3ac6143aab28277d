import * as assert from 'node:assert/strict';
import type { Job, JobPlanResponse, JobVersionsResponse } from '../../../../../client/src/nomad/types';
import { buildPlanView, jobDiffTree, placementFailure, readableValue, splitWarnings } from '../../../../../client/src/features/plan/planModel';
import type { DiffNode } from '../../../../../client/src/features/plan/messages';
import { fixtureJson } from './fixtures';

const JOB: Job = { ID: 'svc-sleep', Name: 'svc-sleep', Type: 'service', Namespace: 'default', TaskGroups: [{ Name: 'g' }] };
const PLANNED_AT = new Date('2025-01-02T03:04:05Z');

function flatten(node: DiffNode): DiffNode[] {
  return [node, ...node.children.flatMap(flatten)];
}

describe('plan view model', () => {
  const view = buildPlanView(JOB, fixtureJson<JobPlanResponse>('job-plan-diff.json'), 'svc.nomad.hcl', PLANNED_AT);

  it('carries the job identity, the check-and-set index and when it was planned', () => {
    assert.equal(view.jobId, 'svc-sleep');
    assert.equal(view.jobType, 'service');
    assert.equal(view.namespace, 'default');
    assert.equal(view.isNewJob, false);
    assert.equal(view.jobModifyIndex, 33);
    assert.equal(view.plannedAt, '2025-01-02T03:04:05.000Z');
    assert.equal(view.nextPeriodicLaunch, undefined);
    assert.deepEqual(view.warnings, []);
  });

  it('builds the job -> group -> task -> object -> field tree with markers, values and annotations', () => {
    const diff = view.diff!;
    assert.equal(diff.marker, 'Edited');
    assert.deepEqual(
      flatten(diff).map((n) => [n.id, n.marker, n.old, n.new, n.annotations.join('|')]),
      [
        ['job', 'Edited', undefined, undefined, ''],
        ['job/f:Meta[rev]#0', 'Edited', '3', 'plan', ''],
        ['job/g:g', 'Edited', undefined, undefined, ''],
        ['job/g:g/f:Count#0', 'Edited', '1', '3', 'forces create'],
        ['job/g:g/t:t', 'Edited', undefined, undefined, 'forces create/destroy update'],
        ['job/g:g/t:t/o:Config#0', 'Edited', undefined, undefined, ''],
        ['job/g:g/t:t/o:Config#0/f:args[0]#0', 'Edited', '3600', '7200', ''],
        ['job/g:g/t:t/o:Config#0/f:command#0', 'None', '/bin/sleep', '/bin/sleep', ''],
      ],
    );
  });

  it('lists every scheduler count per group, zero included, in reading order', () => {
    assert.deepEqual(view.groups, [
      {
        name: 'g',
        updates: [
          { label: 'create', count: 2 },
          { label: 'create/destroy update', count: 0 },
          { label: 'in-place update', count: 0 },
          { label: 'stop', count: 0 },
          { label: 'migrate', count: 0 },
          { label: 'canary', count: 0 },
          { label: 'ignore', count: 1 },
          { label: 'preemptions', count: 0 },
        ],
      },
    ]);
  });

  it('copes with a plan without diff, a new job, warnings and a periodic launch', () => {
    const nodiff = fixtureJson<JobPlanResponse>('job-plan-nodiff.json');
    const plan: JobPlanResponse = {
      ...nodiff,
      JobModifyIndex: 0,
      Warnings: '2 warnings:\n\n* Group "g" has a <b>tag</b>\n  spanning lines\n* Second',
      NextPeriodicLaunch: '2025-01-02T04:00:00Z',
    };
    const v = buildPlanView({ ID: 'p', TaskGroups: [] }, plan, 'p.json', PLANNED_AT);
    assert.equal(v.diff, undefined);
    assert.equal(v.isNewJob, true);
    assert.equal(v.jobName, 'p');
    assert.deepEqual(v.warnings, ['Group "g" has a <b>tag</b> spanning lines', 'Second']);
    assert.equal(v.nextPeriodicLaunch, '2025-01-02T04:00:00Z');
    assert.deepEqual(v.groups.map((g) => [g.name, g.updates[1].count]), [['g', 1]]);
    assert.equal(buildPlanView(JOB, { ...nodiff, NextPeriodicLaunch: '0001-01-01T00:00:00Z' }, 'x', PLANNED_AT).nextPeriodicLaunch, undefined);
  });

  it('gives repeated object names distinct ids', () => {
    const tree = jobDiffTree({
      Type: 'Edited',
      ID: 'j',
      Fields: null,
      TaskGroups: null,
      Objects: [
        { Type: 'Added', Name: 'Constraint', Fields: [], Objects: null },
        { Type: 'Deleted', Name: 'Constraint', Fields: [], Objects: null },
      ],
    });
    assert.deepEqual(tree.children.map((c) => c.id), ['job/o:Constraint#0', 'job/o:Constraint#1']);
  });

  it('reads a version diff the same way (unchanged task kept with marker None)', () => {
    const versions = fixtureJson<JobVersionsResponse>('job-versions-with-diffs.json');
    const tree = jobDiffTree(versions.Diffs![0]);
    const task = flatten(tree).find((n) => n.kind === 'task')!;
    assert.equal(task.marker, 'None');
    assert.equal(flatten(tree).find((n) => n.name === 'Meta[rev]')!.marker, 'Added');
  });
});

describe('placement failures', () => {
  it('keeps headline numbers and sorted breakdowns, dropping empty ones', () => {
    const failure = placementFailure({
      NodesEvaluated: 3,
      NodesFiltered: 3,
      NodesExhausted: 0,
      CoalescedFailures: 2,
      NodesAvailable: { dc1: 3 },
      ConstraintFiltered: { '${attr.kernel.name} = windows': 2, '${meta.rack} = r1': 1 },
      ClassFiltered: null,
      DimensionExhausted: {},
      QuotaExhausted: ['memory exhausted'],
    });
    assert.deepEqual(failure.metrics, [
      { label: 'nodes evaluated', count: 3 },
      { label: 'nodes filtered', count: 3 },
      { label: 'more allocations failed the same way', count: 2 },
    ]);
    assert.deepEqual(failure.breakdowns.map((b) => b.title), ['Nodes available per datacenter', 'Filtered by constraint', 'Quota exhausted']);
    assert.deepEqual(failure.breakdowns[1].entries.map((e) => e.label), ['${attr.kernel.name} = windows', '${meta.rack} = r1']);
  });

  it('still reports zero nodes evaluated (no eligible node at all)', () => {
    assert.deepEqual(placementFailure({ NodesEvaluated: 0 }).metrics, [{ label: 'nodes evaluated', count: 0 }]);
  });
});

describe('warnings', () => {
  it('splits multierror text and keeps plain text', () => {
    assert.deepEqual(splitWarnings(''), []);
    assert.deepEqual(splitWarnings('just one'), ['just one']);
    assert.deepEqual(splitWarnings('1 warning:\n\n* only'), ['only']);
  });

  it('shows durations as job files write them, other numbers as they are', () => {
    const tree = jobDiffTree({
      ID: 'j', Type: 'Edited', Fields: [], Objects: [{ Name: 'RestartPolicy', Type: 'Edited', Fields: [{ Name: 'Delay', Type: 'Edited', Old: '15000000000', New: '30000000000', Annotations: [] }, { Name: 'Attempts', Type: 'Edited', Old: '2', New: '3', Annotations: [] }], Objects: [] }], TaskGroups: [],
    } as never);
    const fields = tree.children[0].children;
    assert.deepEqual(fields.map((f) => [f.name, f.old, f.new]), [['Delay', '15s', '30s'], ['Attempts', '2', '3']]);
    assert.equal(readableValue('KillTimeout', '5000000000'), '5s');
    assert.equal(readableValue('Min', '5000000000'), '5000000000', 'Min is a count in scaling policies');
    assert.equal(readableValue('Delay', ''), '');
  });
});
