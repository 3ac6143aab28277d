// package.json and the code must agree: every command id has exactly one handler in the table,
// menus name declared commands, and the `viewItem` regexes of tree menus match the context
// values the nodes really produce.
import * as assert from 'assert';
import * as fs from 'fs';
import { allocationView } from '../../../../client/src/explorer/presentation/allocationPresentation';
import { deploymentView } from '../../../../client/src/explorer/presentation/deploymentPresentation';
import { evaluationView } from '../../../../client/src/explorer/presentation/evaluationPresentation';
import { jobContextValue } from '../../../../client/src/explorer/presentation/jobPresentation';
import { taskGroupView } from '../../../../client/src/explorer/presentation/taskGroupPresentation';
import { taskView } from '../../../../client/src/explorer/presentation/taskPresentation';
import { emptyView, problemView } from '../../../../client/src/explorer/presentation/problemPresentation';
import { versionView } from '../../../../client/src/explorer/presentation/versionPresentation';
import type { Job } from '../../../../client/src/nomad/types';
import { installVscodeStub } from '../../../support/vscodeStub';
import { allocation, deployment, evaluation, job } from './fixtures';
import { repoFile } from '../../../support/repoPaths';
import { ALLOC_FS_SCHEME } from '../../../../client/src/features/allocFiles/allocFileUri';
import { VARIABLE_SCHEME } from '../../../../client/src/features/variables/variableUri';

installVscodeStub();
const { commandTable } = require('../../../../client/src/commands/commandTable') as typeof import('../../../../client/src/commands/commandTable');
const { PLAN_COMMAND_IDS } = require('../../../../client/src/features/plan/planFeature') as typeof import('../../../../client/src/features/plan/planFeature');

interface MenuEntry {
  command: string;
  when?: string;
  group?: string;
}

const manifest = JSON.parse(fs.readFileSync(repoFile('package.json'), 'utf8'));
const declared: string[] = manifest.contributes.commands.map((c: { command: string }) => c.command);
const menus: Record<string, MenuEntry[]> = manifest.contributes.menus;

/** The regex of a `viewItem =~ /.../` clause in a menu entry for `command`, matching `group` when given. */
function viewItemPattern(command: string, group?: string): RegExp {
  const entry = menus['view/item/context'].find((e) => e.command === command && (!group || e.group?.startsWith(group)));
  const source = /viewItem =~ \/(.+?)\/(?:\s|$)/.exec(entry?.when ?? '')?.[1];
  assert.ok(source, `no viewItem regex for ${command}`);
  return new RegExp(source);
}

const subject = { address: 'http://127.0.0.1:4646', action: 'list jobs', capability: 'list-jobs' };
const version = { ID: 'web', Version: 1, Stable: true } as Job;

describe('manifest and code agree', () => {
  it('has one handler per declared command and no undeclared ones', () => {
    assert.deepStrictEqual([...Object.keys(commandTable), ...PLAN_COMMAND_IDS].sort(), [...declared].sort());
    assert.strictEqual(new Set(declared).size, declared.length, 'duplicate command ids');
  });

  it('menus only name declared commands', () => {
    for (const [menu, entries] of Object.entries(menus)) {
      for (const entry of entries) assert.ok(declared.includes(entry.command), `${menu} names unknown ${entry.command}`);
    }
  });

  it('offers Open as JSON on every inspectable row and nowhere else', () => {
    const inspectable = viewItemPattern('nomad.inspect', 'inline');
    const yes = [
      jobContextValue(job('web')),
      jobContextValue(job('p', { Type: 'batch', ParameterizedJob: true })),
      versionView(version, true, 0).contextValue,
      allocationView(allocation(), 0).contextValue,
      evaluationView(evaluation(), 0).contextValue,
      deploymentView(deployment()).contextValue,
    ];
    for (const value of yes) assert.match(value, inspectable);
    for (const value of ['section:versions', 'taskGroup', 'summary', 'childJobs', 'deploymentGroup', 'message:unreachable']) {
      assert.doesNotMatch(value, inspectable);
    }
  });

  it('offers version actions whatever the cluster adds, and source and tag actions only where it has them', () => {
    const plain = { ID: 'web', Version: 2 } as Job;
    const tagged = { ...plain, VersionTag: { Name: 'golden', Description: 'known good' } } as Job;
    const modern = { source: true, tags: true };
    const rows = {
      old: versionView(plain, true, 0).contextValue,
      modern: versionView(plain, true, 0, modern).contextValue,
      tagged: versionView(tagged, false, 0, modern).contextValue,
      currentStableTagged: versionView({ ...tagged, Stable: true }, true, 0, modern).contextValue,
      stableTagged: versionView({ ...tagged, Stable: true }, false, 0, modern).contextValue,
    };
    assert.match(rows.modern, viewItemPattern('nomad.markVersionStable'));
    assert.match(rows.tagged, viewItemPattern('nomad.revertJob'));
    assert.match(rows.currentStableTagged, viewItemPattern('nomad.markVersionUnstable'));
    assert.match(rows.stableTagged, viewItemPattern('nomad.revertJob'));
    assert.doesNotMatch(rows.old, viewItemPattern('nomad.openVersionSource'));
    assert.match(rows.modern, viewItemPattern('nomad.openVersionSource'));
    assert.doesNotMatch(rows.old, viewItemPattern('nomad.tagVersion'));
    assert.match(rows.modern, viewItemPattern('nomad.tagVersion'));
    assert.doesNotMatch(rows.modern, viewItemPattern('nomad.untagVersion'));
    assert.match(rows.tagged, viewItemPattern('nomad.untagVersion'));
    assert.match(rows.tagged, viewItemPattern('nomad.compareTaggedVersions'));
    assert.doesNotMatch(versionView(tagged, false, 0).contextValue, viewItemPattern('nomad.untagVersion'), 'a tag read from a cluster without tags offers nothing');
  });

  it('offers version comparison only on versions', () => {
    const pattern = viewItemPattern('nomad.compareVersions');
    assert.match(versionView(version, false, 0).contextValue, pattern);
    assert.doesNotMatch(jobContextValue(job('web')), pattern);
  });

  it('offers Plan Job File on job rows (menu and inline), not on dispatched or launched children', () => {
    for (const group of ['inline', '2_actions']) {
      const pattern = viewItemPattern('nomad.planJobFile', group);
      assert.match(jobContextValue(job('web')), pattern);
      assert.match(jobContextValue(job('p', { Type: 'batch', ParameterizedJob: true })), pattern);
      assert.match(jobContextValue(job('cron', { Type: 'batch', Periodic: true })), pattern);
      assert.doesNotMatch(jobContextValue(job('p/dispatch-1', { Type: 'batch', ParentID: 'p' })), pattern);
      assert.doesNotMatch(versionView(version, true, 0).contextValue, pattern);
      assert.doesNotMatch(allocationView(allocation(), 0).contextValue, pattern);
    }
    const palette = menus.commandPalette.find((entry) => entry.command === 'nomad.planJobFile');
    assert.strictEqual(palette?.when, 'false', 'a tree-only command stays out of the palette');
  });

  it('offers logs on every task row and restart only on running tasks', () => {
    const states = { running: 'running', pending: 'pending', dead: 'dead' } as const;
    const task = (State: string) => taskView(allocation({ TaskStates: { t: { State, Failed: false, Events: [] } } }), 't', 0).contextValue;
    for (const command of ['nomad.showLogs', 'nomad.showErrorLogs']) {
      for (const state of Object.values(states)) assert.match(task(state), viewItemPattern(command, '1_logs'));
    }
    assert.match(task(states.dead), viewItemPattern('nomad.showLogs', 'inline'));
    const restart = viewItemPattern('nomad.restartAllocation', '3_destructive');
    assert.match(task(states.running), restart);
    assert.doesNotMatch(task(states.pending), restart);
    assert.doesNotMatch(task(states.dead), restart);
    assert.doesNotMatch(task(states.running), viewItemPattern('nomad.stopAllocation', '3_destructive'));
  });

  it('offers Retry inline on failure rows but not on empty ones', () => {
    const retry = viewItemPattern('nomad.refresh', 'inline');
    for (const kind of ['unreachable', 'tls', 'permissionDenied', 'server'] as const) {
      assert.match(problemView({ kind, message: 'x' }, subject).contextValue, retry);
    }
    assert.doesNotMatch(emptyView('default', '').contextValue, retry);
  });

  it('shows the welcome view only when nothing is configured', () => {
    const welcome = manifest.contributes.viewsWelcome as { view: string; when?: string; contents: string }[];
    assert.ok(welcome.every((w) => w.view !== 'nomad.jobs' || w.when === 'nomad.explorerState == notConfigured'));
    assert.ok(welcome.some((w) => w.contents.includes('command:nomad.addCluster')));
  });

  it('offers each deployment change only on deployments in a state Nomad accepts it in', () => {
    const canary = { ...deployment().TaskGroups!.g, DesiredCanaries: 1, Promoted: false };
    const waiting = deploymentView(deployment({ Status: 'running', TaskGroups: { g: canary } })).contextValue;
    const paused = deploymentView(deployment({ Status: 'paused' })).contextValue;
    const over = deploymentView(deployment()).contextValue;
    assert.match(waiting, viewItemPattern('nomad.promoteDeployment'));
    assert.doesNotMatch(paused, viewItemPattern('nomad.promoteDeployment'));
    assert.match(waiting, viewItemPattern('nomad.pauseDeployment'));
    assert.doesNotMatch(paused, viewItemPattern('nomad.pauseDeployment'));
    assert.match(paused, viewItemPattern('nomad.resumeDeployment'));
    assert.doesNotMatch(waiting, viewItemPattern('nomad.resumeDeployment'));
    for (const command of ['nomad.promoteDeployment', 'nomad.pauseDeployment', 'nomad.resumeDeployment', 'nomad.failDeployment', 'nomad.setAllocationHealth']) {
      assert.doesNotMatch(over, viewItemPattern(command), `${command} on a finished deployment`);
    }
    assert.match(paused, viewItemPattern('nomad.failDeployment'));
    assert.match(paused, viewItemPattern('nomad.setAllocationHealth'));
  });

  it('offers Scale on groups of service and batch jobs, job-wide logs on jobs and groups', () => {
    const scale = viewItemPattern('nomad.scaleGroup');
    assert.match(taskGroupView('api', undefined, 'service').contextValue, scale);
    assert.match(taskGroupView('api', undefined, 'batch').contextValue, scale);
    assert.doesNotMatch(taskGroupView('api', undefined, 'system').contextValue, scale);
    for (const command of ['nomad.showJobLogs', 'nomad.showJobErrorLogs']) {
      assert.match(jobContextValue(job('web')), viewItemPattern(command));
      assert.match(taskGroupView('api', undefined, 'service').contextValue, viewItemPattern(command));
      assert.doesNotMatch(allocationView(allocation(), 0).contextValue, viewItemPattern(command));
    }
  });

  it('does not activate eagerly', () => {
    assert.ok(!manifest.activationEvents.includes('*'));
  });

  it('activates for its file systems, so their editors come back after a window reload', () => {
    for (const scheme of [ALLOC_FS_SCHEME, VARIABLE_SCHEME]) assert.ok(manifest.activationEvents.includes(`onFileSystem:${scheme}`), scheme);
  });
});
