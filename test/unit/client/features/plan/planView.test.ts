import * as assert from 'node:assert/strict';
import type { JobPlanResponse } from '../../../../../client/src/nomad/types';
import { buildPlanView } from '../../../../../client/src/features/plan/planModel';
import type { PlanView } from '../../../../../client/src/features/plan/messages';
import { describeNode, renderPage, visibleIds, visibleTree, type UiState } from '../../../../../client/webview/plan/view';
import { toDom, type DomFactory, type VElement } from '../../../../../client/webview/plan/vnode';
import { findAll, textOf } from './vnodeQuery';
import { fixtureJson } from './fixtures';

const HOSTILE = '<img src=x onerror="alert(1)">';
const UI: UiState = { showUnchanged: false, collapsed: new Set() };

function plan(overrides: Partial<JobPlanResponse> = {}): PlanView {
  const response = { ...fixtureJson<JobPlanResponse>('job-plan-diff.json'), ...overrides };
  return buildPlanView({ ID: 'svc-sleep', Name: HOSTILE, Type: 'service', TaskGroups: [{ Name: 'g' }] }, response, 'svc.nomad.hcl', new Date(0));
}

function page(view: PlanView | undefined, ui: UiState = UI, extra: { canRun?: boolean; status?: any } = {}): VElement {
  return renderPage({ plan: view, canRun: extra.canRun ?? true, status: extra.status ?? { kind: 'idle' } }, ui);
}

const byAttr = (root: VElement, name: string, value?: string) =>
  findAll(root, (e) => name in e.attrs && (value === undefined || e.attrs[name] === value));

/** A DOM stand-in that records what is built and refuses anything but the four calls toDom may use. */
interface FakeNode { tag?: string; text?: string; attrs: Record<string, string>; children: FakeNode[] }
const fakeDom: DomFactory<FakeNode, FakeNode> = {
  createElement: (tag) => Object.seal({ tag, attrs: {}, children: [] as FakeNode[] }),
  createTextNode: (text) => Object.freeze({ text, attrs: {}, children: [] }),
  setAttribute: (element, name, value) => void (element.attrs[name] = value),
  append: (parent, child) => void parent.children.push(child),
};
const allFake = (node: FakeNode): FakeNode[] => [node, ...node.children.flatMap(allFake)];

describe('plan page rendering', () => {
  it('keeps markup from the server as text: no element is ever made from it', () => {
    const view = plan({ Warnings: `1 warning:\n\n* ${HOSTILE}` });
    view.diff!.children[0].new = '<script>alert(2)</script>';
    const built = toDom(page(view), fakeDom);
    const nodes = allFake(built);
    assert.deepEqual(nodes.filter((n) => n.tag === 'img' || n.tag === 'script'), []);
    const texts = nodes.filter((n) => n.text !== undefined).map((n) => n.text);
    assert.ok(texts.includes(HOSTILE), 'the hostile job name is shown verbatim as text');
    assert.ok(texts.includes('<script>alert(2)</script>'));
    assert.ok(nodes.every((n) => Object.keys(n.attrs).every((name) => !name.startsWith('on'))));
  });

  it('refuses to build event-handler attributes or odd tags even if asked', () => {
    assert.throws(() => toDom({ tag: 'div', attrs: { onclick: 'x' }, children: [] }, fakeDom), /Refusing attribute/);
    assert.throws(() => toDom({ tag: 'img src=x', attrs: {}, children: [] }, fakeDom), /Refusing to create/);
  });

  it('shows the diff as an ARIA tree with one tab stop, levels and expansion state', () => {
    const root = page(plan());
    const items = byAttr(root, 'role', 'treeitem');
    assert.deepEqual(items.map((i) => i.attrs['data-id']), [
      'job',
      'job/f:Meta[rev]#0',
      'job/g:g',
      'job/g:g/f:Count#0',
      'job/g:g/t:t',
      'job/g:g/t:t/o:Config#0',
      'job/g:g/t:t/o:Config#0/f:args[0]#0',
    ]);
    assert.deepEqual(items.filter((i) => i.attrs.tabindex === '0').map((i) => i.attrs['data-id']), ['job']);
    assert.equal(items[4].attrs['aria-level'], '3');
    assert.equal(items[4].attrs['aria-expanded'], 'true');
    assert.equal(items[1].attrs['aria-expanded'], undefined);
    assert.equal(items[3].attrs['aria-label'], 'Count, edited, from 1 to 3, forces create');
    assert.match(items[4].attrs.class, /marker-edited/);
    assert.equal(byAttr(root, 'role', 'tree').length, 1);
  });

  it('hides unchanged fields until asked, and says how many are hidden', () => {
    const hidden = page(plan());
    assert.equal(textOf(byAttr(hidden, 'data-action', 'toggle-unchanged')[0]), 'Show unchanged (1)');
    assert.ok(!textOf(hidden).includes('command'));
    const shown = page(plan(), { ...UI, showUnchanged: true });
    const command = byAttr(shown, 'data-id', 'job/g:g/t:t/o:Config#0/f:command#0')[0];
    assert.match(command.attrs.class, /marker-none/);
    assert.equal(byAttr(shown, 'data-action', 'toggle-unchanged')[0].attrs['aria-pressed'], 'true');
  });

  it('renders edited values as old -> new and annotations as badges', () => {
    const args = byAttr(page(plan()), 'data-id', 'job/g:g/t:t/o:Config#0/f:args[0]#0')[0];
    assert.deepEqual(findAll(args, (e) => e.attrs.class === 'old' || e.attrs.class === 'new').map(textOf), ['3600', '7200']);
    const task = byAttr(page(plan()), 'data-id', 'job/g:g/t:t')[0];
    assert.deepEqual(findAll(task, (e) => e.attrs.class === 'annotation').map(textOf).slice(0, 1), ['forces create/destroy update']);
  });

  it('collapses a node: its children leave the tree and the keyboard order', () => {
    const ui = { ...UI, collapsed: new Set(['job/g:g/t:t']), focusedId: 'job/g:g/t:t' };
    const root = page(plan(), ui);
    const task = byAttr(root, 'data-id', 'job/g:g/t:t')[0];
    assert.equal(task.attrs['aria-expanded'], 'false');
    assert.equal(task.attrs.tabindex, '0');
    assert.equal(byAttr(root, 'data-id', 'job/g:g/t:t/o:Config#0').length, 0);
    const view = plan();
    assert.deepEqual(visibleIds(visibleTree(view.diff!, false), ui.collapsed).slice(-2), ['job/g:g/f:Count#0', 'job/g:g/t:t']);
  });

  it('disables Run while busy or when running is not possible, and offers Re-plan on a conflict', () => {
    const run = (root: VElement) => byAttr(root, 'data-action', 'run')[0];
    assert.equal(run(page(plan())).attrs.disabled, undefined);
    assert.equal(run(page(plan(), UI, { canRun: false })).attrs.disabled, '');
    assert.equal(run(page(plan(), UI, { status: { kind: 'busy', message: 'Submitting…' } })).attrs.disabled, '');
    const conflict = page(plan(), UI, { status: { kind: 'conflict', message: 'The job changed.' } });
    const alert = byAttr(conflict, 'role', 'alert')[0];
    assert.equal(textOf(alert), 'The job changed.Re-plan');
    assert.equal(byAttr(alert, 'data-action', 'replan').length, 1);
  });

  it('lists scheduler counts, placement failures as warnings, job warnings and the next launch', () => {
    const view = plan({
      Warnings: 'careful',
      NextPeriodicLaunch: '2030-01-01T00:00:00Z',
      FailedTGAllocs: { g: { NodesEvaluated: 2, NodesFiltered: 2, ConstraintFiltered: { 'kernel = windows': 2 } } },
    });
    const text = textOf(page(view));
    assert.match(text, /Placement failures/);
    assert.match(text, /Group g: not every allocation can be placed/);
    assert.match(text, /2 nodes evaluated/);
    assert.match(text, /kernel = windows: 2/);
    assert.match(text, /Warnings\s*careful/);
    assert.match(text, /Next periodic launch: 2030-01-01 00:00:00 UTC/);
    const rows = findAll(page(view), (e) => e.tag === 'tr').map((row) => [row.attrs.class, ...row.children.map(textOf)]);
    assert.deepEqual(rows.slice(0, 3), [
      [undefined, 'Change', 'g'],
      [undefined, 'create', '2'],
      ['zero', 'create/destroy update', '0'],
    ]);
    assert.deepEqual(rows.find((row) => row[1] === 'ignore'), [undefined, 'ignore', '1']);
    assert.match(text, /Runs only if the job's modify index is still 33/);
  });

  it('explains a plan of a new job and of an unchanged job', () => {
    const fresh = plan({ JobModifyIndex: 0 });
    assert.match(textOf(page(fresh)), /New job: running it registers it for the first time/);
    const same = plan({ Diff: { Type: 'None', ID: 'svc-sleep', Fields: null, Objects: null, TaskGroups: null } });
    assert.match(textOf(page(same)), /No changes to the job specification/);
    assert.match(textOf(page(undefined)), /No plan to show yet/);
  });

  it('describes deleted and added fields for screen readers', () => {
    const base = { id: 'x', kind: 'field' as const, name: 'Env[A]', annotations: [], children: [] };
    assert.equal(describeNode({ ...base, marker: 'Deleted', old: '1', new: '' }), 'Env[A], deleted, 1');
    assert.equal(describeNode({ ...base, marker: 'Added', old: '', new: '2' }), 'Env[A], added, 2');
  });
});
