import * as assert from 'assert';
import { allocationTooltip, allocationView, sortAllocations } from '../../../../client/src/explorer/presentation/allocationPresentation';
import {
  deploymentGroupDescription,
  deploymentView,
  needsPromotion,
} from '../../../../client/src/explorer/presentation/deploymentPresentation';
import { evaluationView, placementFailureReasons, placementFailures } from '../../../../client/src/explorer/presentation/evaluationPresentation';
import { summaryView, taskGroupView } from '../../../../client/src/explorer/presentation/taskGroupPresentation';
import { age } from '../../../../client/src/explorer/presentation/time';
import { sortVersions, versionView } from '../../../../client/src/explorer/presentation/versionPresentation';
import type { Job } from '../../../../client/src/nomad/types';
import { allocation, deployment, evaluation, summary } from './fixtures';

const CREATED_MS = Math.floor(1795773123298388164 / 1e6);
const FIVE_MINUTES_LATER = CREATED_MS + 5 * 60_000;

describe('row presentation', () => {
  it('formats ages from nanosecond timestamps', () => {
    assert.strictEqual(age(1795773123298388164, CREATED_MS + 42_000), '42s');
    assert.strictEqual(age(1795773123298388164, FIVE_MINUTES_LATER), '5m');
    assert.strictEqual(age(1795773123298388164, CREATED_MS + 3 * 3600_000), '3h');
    assert.strictEqual(age(1795773123298388164, CREATED_MS + 72 * 3600_000), '3d');
    assert.strictEqual(age(0, CREATED_MS), undefined);
    assert.strictEqual(age('2026-11-27T09:52:03Z', Date.parse('2026-11-27T09:53:03Z')), '1m');
  });

  describe('task groups and summary', () => {
    it('lists only the states that have allocations', () => {
      const view = taskGroupView('api', { Running: 2, Queued: 1, Complete: 0, Failed: 0, Lost: 0, Starting: 0 });
      assert.strictEqual(view.description, '1 queued · 2 running');
      assert.strictEqual(view.icon?.color, 'charts.yellow');
      assert.ok(view.tooltip?.includes('- Lost: 0'));
    });

    it('says so when a group has no allocations', () => {
      assert.strictEqual(taskGroupView('api', undefined).description, 'no allocations');
    });

    it('totals the groups and mentions child jobs', () => {
      const view = summaryView(summary({ a: { Running: 1 }, b: { Running: 2, Failed: 1 } }, { Dead: 2 }));
      assert.strictEqual(view.description, '3 running · 1 failed · children: 0 pending, 0 running, 2 dead');
    });
  });

  describe('versions', () => {
    const versions = [0, 2, 1].map((v) => ({ ID: 'web', Version: v, Stable: v === 1, SubmitTime: 1795773123291584678 }) as Job);

    it('sorts newest first', () => {
      assert.deepStrictEqual(sortVersions(versions).map((v) => v.Version), [2, 1, 0]);
    });

    it('marks the current and stable versions in text and context value', () => {
      const current = versionView(versions[1], true, FIVE_MINUTES_LATER);
      assert.strictEqual(current.label, 'v2');
      assert.strictEqual(current.description, 'current · 5m ago');
      assert.strictEqual(current.contextValue, 'version:current');
      const stable = versionView(versions[2], false, FIVE_MINUTES_LATER);
      assert.strictEqual(stable.contextValue, 'version:stable');
      assert.strictEqual(stable.icon?.id, 'verified');
    });

    it('shows a version tag (Nomad 1.9+) in the label, its description beside it and both in the tooltip', () => {
      const tagged = { ...versions[0], VersionTag: { Name: 'golden', Description: 'before *the* migration', TaggedTime: 1 } } as Job;
      const view = versionView(tagged, false, FIVE_MINUTES_LATER, { tags: true });
      assert.strictEqual(view.label, 'v0 golden');
      assert.strictEqual(view.description, 'before *the* migration · 5m ago');
      assert.strictEqual(view.icon?.id, 'tag');
      assert.match(String(view.tooltip), /- Tag: golden\n- before \\\*the\\\* migration/);
      assert.strictEqual(view.contextValue, 'version:tags:tagged');
      assert.strictEqual(versionView({ ...tagged, VersionTag: null } as Job, false, FIVE_MINUTES_LATER, { tags: true }).label, 'v0');
    });
  });

  describe('allocations', () => {
    it('shows the name within the job, status, node, age and short id', () => {
      const view = allocationView(allocation(), FIVE_MINUTES_LATER);
      assert.strictEqual(view.label, 'g[0]');
      assert.strictEqual(view.description, 'running · vm · 5m ago · e0be2b3c');
      assert.strictEqual(view.contextValue, 'allocation:running');
      assert.deepStrictEqual(view.icon, { id: 'pass', color: 'charts.green' });
    });

    it('shows an allocation being stopped', () => {
      const view = allocationView(allocation({ DesiredStatus: 'stop' }), FIVE_MINUTES_LATER);
      assert.ok(view.description?.startsWith('running → stop'));
    });

    it('puts task states and their last event in the tooltip', () => {
      const tooltip = allocationTooltip(allocation());
      assert.ok(tooltip.includes('**t**: running, Started: Task started by client'), tooltip);
    });

    it('shows the event timeline in a fence that server text cannot close', () => {
      const base = allocation();
      const state = base.TaskStates!.t;
      const events = [...(state.Events ?? []), { Type: 'Terminated', Time: 1795773124309432482, ExitCode: 137, Signal: 9, DisplayMessage: 'oops ``` **bold**' }];
      const tooltip = allocationTooltip({ ...base, TaskStates: { t: { ...state, Events: events } } });
      const fence = tooltip.slice(tooltip.indexOf('```text'));
      assert.match(fence, /Received/);
      assert.match(fence, /Terminated/);
      assert.strictEqual(fence.match(/```/g)?.length, 2, fence);
    });

    it('sorts newest first', () => {
      const sorted = sortAllocations([allocation({ ID: 'old', CreateTime: 1 }), allocation({ ID: 'new', CreateTime: 2 })]);
      assert.deepStrictEqual(sorted.map((a) => a.ID), ['new', 'old']);
    });
  });

  describe('evaluations', () => {
    const blocked = evaluation({
      Status: 'blocked',
      FailedTGAllocs: {
        api: {
          NodesEvaluated: 3,
          ConstraintFiltered: { '${attr.kernel.name} = windows': 2 },
          DimensionExhausted: { memory: 1 },
          CoalescedFailures: 2,
        },
      },
    });

    it('explains placement failures in plain words', () => {
      assert.deepStrictEqual(placementFailures(blocked), [
        {
          group: 'api',
          reasons: [
            'constraint ${attr.kernel.name} = windows filtered out 2 nodes',
            'memory exhausted on 1 node',
            '2 more allocations failed the same way',
          ],
        },
      ]);
    });

    it('says when no node was available at all', () => {
      assert.deepStrictEqual(placementFailureReasons({ NodesEvaluated: 0, NodesAvailable: { dc1: 0 } }), [
        'no nodes available in the job datacenters',
      ]);
    });

    it('makes a failed evaluation expandable and flags it', () => {
      const view = evaluationView(blocked, FIVE_MINUTES_LATER);
      assert.strictEqual(view.collapsible, 'expanded');
      assert.strictEqual(view.contextValue, 'evaluation:blocked:placementFailures');
      assert.ok(view.description?.includes('1 group not placed'));
    });

    it('shows trigger, status and age for an ordinary evaluation', () => {
      const view = evaluationView(evaluation(), FIVE_MINUTES_LATER);
      assert.strictEqual(view.label, 'job-register');
      assert.strictEqual(view.description, 'complete · 5m ago · d40fea35');
      assert.strictEqual(view.collapsible, 'none');
    });
  });

  describe('deployments', () => {
    it('shows per-group progress', () => {
      assert.strictEqual(
        deploymentGroupDescription(deployment().TaskGroups!.g),
        'healthy 1 · placed 1 · desired 1',
      );
    });

    it('shows canaries and whether they were promoted', () => {
      const canary = {
        ...deployment().TaskGroups!.g,
        DesiredCanaries: 2,
        PlacedCanaries: ['a'],
        Promoted: false,
      };
      assert.strictEqual(deploymentGroupDescription(canary), 'healthy 1 · placed 1 · desired 1 · canaries 1/2 · not promoted');
    });

    it('flags a running deployment waiting for promotion', () => {
      const running = deployment({
        Status: 'running',
        TaskGroups: { g: { ...deployment().TaskGroups!.g, DesiredCanaries: 1, Promoted: false } },
      });
      assert.strictEqual(needsPromotion(running), true);
      assert.strictEqual(deploymentView(running).contextValue, 'deployment:running:promote:pause:fail:health');
      assert.strictEqual(needsPromotion(deployment()), false);
      assert.strictEqual(deploymentView(deployment()).description, 'successful · f77f5707');
    });
  });
});
