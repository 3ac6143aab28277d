// The tree offers each action only where it applies: the `viewItem` regexes
// of the actions' menu entries against the context values the explorer's
// rows really carry.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { allocationView } from '../../../../../client/src/explorer/presentation/allocationPresentation';
import { jobContextValue } from '../../../../../client/src/explorer/presentation/jobPresentation';
import { versionView } from '../../../../../client/src/explorer/presentation/versionPresentation';
import type { Job } from '../../../../../client/src/nomad/types';
import { allocation, job } from '../../explorer/fixtures';
import { repoFile } from '../../../../support/repoPaths';

const manifest = JSON.parse(fs.readFileSync(repoFile('package.json'), 'utf8'));
const entries: Array<{ command: string; when?: string; group?: string }> = manifest.contributes.menus['view/item/context'];

/** Whether the context menu of a row with `contextValue` offers `command`. */
function offers(command: string, contextValue: string): boolean {
  return entries
    .filter((e) => e.command === command && e.group !== undefined && !e.group.startsWith('inline'))
    .some((e) => {
      const source = /viewItem =~ \/(.+?)\/(?:\s|$)/.exec(e.when ?? '')?.[1];
      return source !== undefined && /view == nomad\.jobs/.test(e.when ?? '') && new RegExp(source).test(contextValue);
    });
}

const rows = {
  service: jobContextValue(job('web')),
  stoppedService: jobContextValue(job('web', { Stop: true, Status: 'dead' })),
  parameterized: jobContextValue(job('p', { Type: 'batch', ParameterizedJob: true })),
  stoppedParameterized: jobContextValue(job('p', { Type: 'batch', ParameterizedJob: true, Stop: true })),
  periodic: jobContextValue(job('c', { Type: 'batch', Periodic: true })),
  dispatchedChild: jobContextValue(job('p/dispatch-1', { Type: 'batch', ParentID: 'p', Status: 'dead' })),
  currentVersion: versionView({ ID: 'web', Version: 2, Stable: false } as Job, true, 0).contextValue,
  currentStableVersion: versionView({ ID: 'web', Version: 2, Stable: true } as Job, true, 0).contextValue,
  olderVersion: versionView({ ID: 'web', Version: 1, Stable: false } as Job, false, 0).contextValue,
  olderStableVersion: versionView({ ID: 'web', Version: 1, Stable: true } as Job, false, 0).contextValue,
  runningAllocation: allocationView(allocation(), 0).contextValue,
  completeAllocation: allocationView(allocation({ ClientStatus: 'complete', DesiredStatus: 'stop' }), 0).contextValue,
};

/** For each command, the rows that offer it; every other row must not. */
const expected: Record<string, Array<keyof typeof rows>> = {
  'nomad.dispatchJob': ['parameterized'],
  'nomad.forcePeriodicLaunch': ['periodic'],
  'nomad.evaluateJob': ['service', 'stoppedService', 'dispatchedChild'],
  'nomad.stopJob': ['service', 'parameterized', 'periodic', 'dispatchedChild'],
  // Periodic and parameterized parents run no allocations of their own; their children do.
  'nomad.restartJob': ['service', 'dispatchedChild'],
  'nomad.purgeJob': ['service', 'stoppedService', 'parameterized', 'stoppedParameterized', 'periodic', 'dispatchedChild'],
  'nomad.revertJob': ['olderVersion', 'olderStableVersion'],
  // Nomad makes a version whose flag changes the job's current spec, so the tree offers it on the current one only.
  'nomad.markVersionStable': ['currentVersion'],
  'nomad.markVersionUnstable': ['currentStableVersion'],
  'nomad.showLogs': ['runningAllocation', 'completeAllocation'],
  'nomad.showErrorLogs': ['runningAllocation', 'completeAllocation'],
  'nomad.restartAllocation': ['runningAllocation'],
  'nomad.stopAllocation': ['runningAllocation'],
};

describe('action menus in the Jobs tree', () => {
  for (const [command, offeredOn] of Object.entries(expected)) {
    it(`${command} appears on ${offeredOn.join(', ')} only`, () => {
      for (const [name, contextValue] of Object.entries(rows)) {
        assert.equal(offers(command, contextValue), offeredOn.includes(name as keyof typeof rows), `${name} (${contextValue})`);
      }
    });
  }

  it('shows logs inline on allocation rows', () => {
    const inline = entries.find((e) => e.command === 'nomad.showLogs' && e.group?.startsWith('inline'));
    assert.match(inline?.when ?? '', /allocation/);
  });
});
