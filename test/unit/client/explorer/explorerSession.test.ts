// The session behind the tree, with the real nodes and watch loop, a stand-in `vscode`
// and a scripted job list.
import * as assert from 'assert';
import type { ActiveConnection } from '../../../../client/src/connection/connectionManager';
import type { ExplorerState, SessionHost } from '../../../../client/src/explorer/explorerSession';
import type { ExplorerNode } from '../../../../client/src/explorer/nodes/node';
import { NomadError } from '../../../../client/src/nomad/errors';
import type { JobListStub } from '../../../../client/src/nomad/types';
import { fakeListClient, type FakeListClient } from '../../../support/fakeListClient';
import { installVscodeStub } from '../../../support/vscodeStub';
import { job, summary } from './fixtures';

installVscodeStub();
// Loaded after the stub so that its `require('vscode')` finds it.
const { ExplorerSession } = require('../../../../client/src/explorer/explorerSession') as typeof import('../../../../client/src/explorer/explorerSession');

/** Records what the session asks of the view, and lets a test wait for the next redraw request. */
class RecordingHost implements SessionHost {
  readonly states: ExplorerState[] = [];
  readonly outcomes: (string | undefined)[] = [];
  private waiters: ((nodes: ExplorerNode | undefined) => void)[] = [];

  refresh(node?: ExplorerNode): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve(node);
  }
  reportOutcome(error: NomadError | undefined): void {
    this.outcomes.push(error?.kind);
  }
  stateChanged(state: ExplorerState): void {
    this.states.push(state);
  }
  nextRefresh(): Promise<ExplorerNode | undefined> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}

function failure(kind: NomadError['kind']): NomadError {
  return new NomadError({ kind, message: `${kind} happened`, advice: `advice for ${kind}` });
}

function start(initial: JobListStub[] | NomadError, explicit = true) {
  const client: FakeListClient = fakeListClient(initial);
  const connection = { cluster: { name: 'test', source: 'settings' }, client, explicit } as unknown as ActiveConnection;
  const host = new RecordingHost();
  const session = new ExplorerSession(connection, {}, host);
  session.watches.setVisible(true);
  return { client, host, session };
}

const labels = (nodes: ExplorerNode[]) => nodes.map((n) => n.getTreeItem().label);

describe('ExplorerSession', () => {
  const sessions: { dispose(): void }[] = [];
  afterEach(() => sessions.splice(0).forEach((s) => s.dispose()));
  const started = (...args: Parameters<typeof start>) => {
    const result = start(...args);
    sessions.push(result.session);
    return result;
  };

  const parent = job('param', { Type: 'batch', ParameterizedJob: true });
  const child = job('param/dispatch-1', { Type: 'batch', ParentID: 'param', Status: 'dead' });

  it('lists top-level jobs and reports the cluster reachable', async () => {
    const { session, host } = started([parent, child, job('web')]);
    const roots = await session.roots();
    assert.deepStrictEqual(labels(roots), ['param', 'web']);
    assert.deepStrictEqual(host.states, ['ok']);
    assert.deepStrictEqual(host.outcomes, [undefined]);
  });

  it('puts dispatched jobs in a folder under their parent, reachable back through getParent', async () => {
    const { session } = started([parent, child]);
    const [param] = await session.roots();
    const [folder] = await param.getChildren();
    assert.strictEqual(folder.kind, 'childJobs');
    assert.strictEqual(folder.getTreeItem().label, 'Dispatched Jobs');
    const children = await folder.getChildren();
    assert.deepStrictEqual(labels(children), ['param/dispatch-1']);
    assert.strictEqual(children[0].parent, folder);
    assert.strictEqual(session.findJob('param/dispatch-1'), children[0], 'reveal finds the same node object');
  });

  it('shows sections under a job', async () => {
    const { session } = started([job('web')]);
    const [web] = await session.roots();
    assert.deepStrictEqual(labels(await web.getChildren()), ['Task Groups', 'Versions', 'Allocations', 'Evaluations', 'Deployments', 'Summary']);
  });

  it('redraws only the job that changed on the server, keeping its node', async () => {
    const web = job('web');
    const { session, host, client } = started([job('api'), web]);
    const roots = await session.roots();
    const redraw = host.nextRefresh();
    const changed = { ...web, ModifyIndex: 99, JobSummary: summary({ web: { Running: 0, Failed: 1 } }) };
    client.push([job('api'), changed]);
    const node = await redraw;
    assert.strictEqual(node, roots[1]);
    assert.match(String(roots[1].getTreeItem().description), /1 failed/);
  });

  it('redraws everything when a job appears or disappears, and forgets a removed job', async () => {
    const { session, host, client } = started([job('api'), job('web')]);
    await session.roots();
    let redraw = host.nextRefresh();
    client.push([job('api'), job('new'), job('web')]);
    assert.strictEqual(await redraw, undefined);
    assert.deepStrictEqual(labels(await session.roots()), ['api', 'new', 'web']);
    redraw = host.nextRefresh();
    client.push([job('api'), job('web')]);
    await redraw;
    assert.deepStrictEqual(labels(await session.roots()), ['api', 'web']);
    assert.strictEqual(session.findJob('new'), undefined);
  });

  it('redraws a parent when a new child is dispatched', async () => {
    const { session, host, client } = started([parent, child]);
    const [param] = await session.roots();
    const redraw = host.nextRefresh();
    client.push([parent, child, job('param/dispatch-2', { Type: 'batch', ParentID: 'param', SubmitTime: child.SubmitTime! + 1 })]);
    assert.strictEqual(await redraw, param);
    const folder = (await param.getChildren())[0];
    assert.deepStrictEqual(labels(await folder.getChildren()), ['param/dispatch-2', 'param/dispatch-1']);
  });

  it('filters jobs and counts what is shown', async () => {
    const { session } = started([job('api'), job('web'), job('web-canary')]);
    await session.roots();
    session.setFilter('web');
    assert.deepStrictEqual(labels(await session.roots()), ['web', 'web-canary']);
    assert.deepStrictEqual(session.counts, { shown: 2, total: 3 });
    session.setFilter('nothing');
    assert.deepStrictEqual(labels(await session.roots()), ['No jobs match "nothing"']);
  });

  it('says when the namespace is empty', async () => {
    const { session, host } = started([]);
    const roots = await session.roots();
    assert.deepStrictEqual(labels(roots), ['No jobs on this cluster']);
    assert.deepStrictEqual(host.states, ['empty']);
  });

  for (const [kind, state, context] of [
    ['unreachable', 'unreachable', 'message:unreachable'],
    ['permissionDenied', 'denied', 'message:denied'],
    ['tls', 'tls', 'message:tls'],
    ['server', 'error', 'message:error'],
  ] as const) {
    it(`shows a ${state} row when listing fails with ${kind}`, async () => {
      const { session, host } = started(failure(kind));
      const roots = await session.roots();
      assert.deepStrictEqual(roots.map((r) => r.getTreeItem().contextValue), [context]);
      assert.deepStrictEqual(host.states, [state]);
      assert.deepStrictEqual(host.outcomes, [kind]);
    });
  }

  it('leaves the tree empty for the welcome view when nothing is configured and nothing answers', async () => {
    const { session, host } = started(failure('unreachable'), false);
    assert.deepStrictEqual(await session.roots(), []);
    assert.deepStrictEqual(host.states, ['notConfigured']);
  });

  it('keeps the last jobs under an error row, and drops the row when the cluster answers again', async () => {
    const { session, host, client } = started([job('web')]);
    await session.roots();
    let redraw = host.nextRefresh();
    client.fail(failure('unreachable'));
    await redraw;
    assert.deepStrictEqual(
      (await session.roots()).map((r) => r.getTreeItem().contextValue),
      ['message:unreachable', 'job:service:running'],
    );
    redraw = host.nextRefresh();
    client.push([job('web')]);
    assert.strictEqual(await redraw, undefined, 'recovery redraws the whole tree');
    assert.deepStrictEqual(labels(await session.roots()), ['web']);
  });

  it('asks for the namespace it shows', async () => {
    const { session, client } = started([job('web')]);
    await session.roots();
    assert.strictEqual(client.queries[0].index, 0);
    assert.strictEqual(client.queries[0].namespace, undefined);
  });
});
