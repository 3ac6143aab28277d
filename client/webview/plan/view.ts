// Describes the plan page from the view model and the page's own UI state.
// Pure: no DOM access, so the structure (and that server text stays text) is
// unit-tested. Interactive elements carry `data-action`; main.ts handles them.
import type { Count, DiffNode, GroupPlan, PanelStatus, PlanView } from '../../src/features/plan/messages';
import { h, type Child, type VElement } from './vnode';

export interface UiState {
  showUnchanged: boolean;
  collapsed: ReadonlySet<string>;
  focusedId?: string;
}

export interface PageModel {
  plan?: PlanView;
  status: PanelStatus;
  canRun: boolean;
}

const SIGNS: Record<DiffNode['marker'], string> = { Added: '+', Deleted: '-', Edited: '~', None: ' ' };
const KIND_LABELS: Partial<Record<DiffNode['kind'], string>> = { job: 'Job', group: 'Group', task: 'Task' };

export function renderPage(model: PageModel, ui: UiState): VElement {
  const { plan } = model;
  if (!plan) return h('main', {}, renderStatus(model.status), h('p', { class: 'empty' }, 'No plan to show yet.'));
  return h(
    'main',
    {},
    renderHeader(plan),
    renderToolbar(model, plan, ui),
    renderStatus(model.status),
    renderWarnings(plan.warnings),
    renderFailures(plan.groups),
    renderUpdates(plan.groups),
    plan.nextPeriodicLaunch && h('p', { class: 'periodic' }, 'Next periodic launch: ', h('time', {}, formatTime(plan.nextPeriodicLaunch))),
    renderDiff(plan.diff, ui),
  );
}

function renderHeader(plan: PlanView): VElement {
  const facts = [plan.jobType, plan.namespace && `namespace ${plan.namespace}`, plan.region && `region ${plan.region}`, plan.source];
  return h(
    'header',
    {},
    h('h1', {}, 'Plan: ', h('span', { class: 'job-name' }, plan.jobName)),
    h('p', { class: 'facts' }, facts.filter(Boolean).join(' · ')),
    h(
      'p',
      { class: 'index' },
      plan.isNewJob
        ? 'New job: running it registers it for the first time.'
        : `Runs only if the job's modify index is still ${plan.jobModifyIndex} (check-and-set).`,
      ` Planned ${formatTime(plan.plannedAt)}.`,
    ),
  );
}

function renderToolbar(model: PageModel, plan: PlanView, ui: UiState): VElement {
  const busy = model.status.kind === 'busy';
  const hidden = plan.diff ? countUnchanged(plan.diff) : 0;
  return h(
    'div',
    { class: 'toolbar', role: 'toolbar', 'aria-label': 'Plan actions' },
    h('button', { type: 'button', 'data-action': 'run', class: 'primary', disabled: (!model.canRun || busy) && '' }, 'Run'),
    h('button', { type: 'button', 'data-action': 'replan', disabled: busy && '' }, 'Re-plan'),
    h(
      'button',
      { type: 'button', 'data-action': 'toggle-unchanged', 'aria-pressed': String(ui.showUnchanged) },
      ui.showUnchanged ? 'Hide unchanged' : `Show unchanged (${hidden})`,
    ),
    model.status.kind === 'submitted' && h('button', { type: 'button', 'data-action': 'reveal-job' }, 'Show in Jobs view'),
  );
}

function renderStatus(status: PanelStatus): VElement {
  if (status.kind === 'idle') return h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const alert = status.kind === 'conflict' || status.kind === 'error';
  return h(
    'div',
    { class: `status status-${status.kind}`, role: alert ? 'alert' : 'status', 'aria-live': alert ? 'assertive' : 'polite' },
    h('p', {}, status.message),
    status.kind === 'conflict' && h('button', { type: 'button', 'data-action': 'replan', class: 'primary' }, 'Re-plan'),
  );
}

function renderWarnings(warnings: string[]): Child {
  if (!warnings.length) return undefined;
  return h(
    'section',
    { class: 'warnings', 'aria-labelledby': 'warnings-title' },
    h('h2', { id: 'warnings-title' }, 'Warnings'),
    h('ul', {}, warnings.map((warning) => h('li', {}, warning))),
  );
}

function renderFailures(groups: GroupPlan[]): Child {
  const failed = groups.filter((group) => group.failure);
  if (!failed.length) return undefined;
  return h(
    'section',
    { class: 'failures', 'aria-labelledby': 'failures-title' },
    h('h2', { id: 'failures-title' }, 'Placement failures'),
    failed.map((group) =>
      h(
        'div',
        { class: 'failure' },
        h('h3', {}, 'Group ', h('span', { class: 'name' }, group.name), ': not every allocation can be placed'),
        h('ul', { class: 'metrics' }, group.failure?.metrics.map((metric) => h('li', {}, `${metric.count} ${metric.label}`))),
        group.failure?.breakdowns.map((breakdown) =>
          h('div', { class: 'breakdown' }, h('h4', {}, breakdown.title), countList(breakdown.entries)),
        ),
      ),
    ),
  );
}

function countList(entries: Count[]): VElement {
  return h('ul', {}, entries.map((entry) => h('li', {}, h('span', { class: 'name' }, entry.label), `: ${entry.count}`)));
}

/** One row per kind of change, one column per group: narrow panels keep every kind visible. */
function renderUpdates(groups: GroupPlan[]): Child {
  if (!groups.length) return undefined;
  const labels = groups[0].updates.map((update) => update.label);
  return h(
    'section',
    { class: 'updates', 'aria-labelledby': 'updates-title' },
    h('h2', { id: 'updates-title' }, 'Scheduler changes per group'),
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        {},
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Change'), groups.map((group) => h('th', { scope: 'col', class: 'name' }, group.name)))),
        h(
          'tbody',
          {},
          labels.map((label, row) => {
            const counts = groups.map((group) => group.updates[row]?.count ?? 0);
            return h(
              'tr',
              { class: counts.some(Boolean) ? undefined : 'zero' },
              h('th', { scope: 'row' }, label),
              counts.map((count) => h('td', { class: count ? 'count' : 'count zero' }, String(count))),
            );
          }),
        ),
      ),
    ),
  );
}

function renderDiff(diff: DiffNode | undefined, ui: UiState): VElement {
  const title = h('h2', { id: 'diff-title' }, 'Changes');
  if (!diff) return h('section', { class: 'diff' }, title, h('p', {}, 'The server sent no diff for this plan.'));
  const visible = visibleTree(diff, ui.showUnchanged);
  const ids = visibleIds(visible, ui.collapsed);
  const focused = ui.focusedId && ids.includes(ui.focusedId) ? ui.focusedId : ids[0];
  return h(
    'section',
    { class: 'diff' },
    title,
    diff.marker === 'None' && h('p', { class: 'no-changes' }, 'No changes to the job specification.'),
    h('ul', { role: 'tree', 'aria-labelledby': 'diff-title', class: 'tree' }, renderNode(visible, 1, ui, focused)),
  );
}

function renderNode(node: DiffNode, level: number, ui: UiState, focusedId: string): VElement {
  const expandable = node.children.length > 0;
  const expanded = expandable && !ui.collapsed.has(node.id);
  const marker = node.marker.toLowerCase();
  return h(
    'li',
    {
      role: 'treeitem',
      class: `node kind-${node.kind} marker-${marker}`,
      'data-id': node.id,
      'aria-level': String(level),
      'aria-expanded': expandable && String(expanded),
      'aria-label': describeNode(node),
      tabindex: node.id === focusedId ? '0' : '-1',
    },
    h(
      'div',
      { class: 'row' },
      h('span', { class: 'twisty', 'aria-hidden': 'true', 'data-action': expandable ? 'toggle-node' : undefined }, expandable ? (expanded ? '▾' : '▸') : ''),
      h('span', { class: 'sign', 'aria-hidden': 'true' }, SIGNS[node.marker]),
      KIND_LABELS[node.kind] && h('span', { class: 'kind' }, KIND_LABELS[node.kind]),
      h('span', { class: 'name' }, node.name),
      node.kind === 'field' && renderValues(node),
      node.annotations.map((annotation) => h('span', { class: 'annotation' }, annotation)),
    ),
    expanded && h('ul', { role: 'group' }, node.children.map((child) => renderNode(child, level + 1, ui, focusedId))),
  );
}

function renderValues(field: DiffNode): Child[] {
  switch (field.marker) {
    case 'Edited':
      return [h('span', { class: 'old' }, field.old ?? ''), h('span', { class: 'arrow', 'aria-hidden': 'true' }, '→'), h('span', { class: 'new' }, field.new ?? '')];
    case 'Deleted':
      return [h('span', { class: 'old' }, field.old ?? '')];
    default:
      return [h('span', { class: 'new' }, field.new ?? '')];
  }
}

/** What a screen reader announces for a tree item. */
export function describeNode(node: DiffNode): string {
  const state = node.marker === 'None' ? 'unchanged' : node.marker.toLowerCase();
  const name = KIND_LABELS[node.kind] ? `${KIND_LABELS[node.kind]} ${node.name}` : node.name;
  const values =
    node.kind !== 'field'
      ? ''
      : node.marker === 'Edited'
        ? `, from ${node.old} to ${node.new}`
        : `, ${node.marker === 'Deleted' ? node.old : node.new}`;
  const annotations = node.annotations.length ? `, ${node.annotations.join(', ')}` : '';
  return `${name}, ${state}${values}${annotations}`;
}

/** The tree without unchanged nodes (unless shown); the root always stays. */
export function visibleTree(node: DiffNode, showUnchanged: boolean): DiffNode {
  if (showUnchanged) return node;
  const children = node.children.filter((child) => child.marker !== 'None').map((child) => visibleTree(child, false));
  return { ...node, children };
}

/** Ids of the items a keyboard user can reach, in order. */
export function visibleIds(node: DiffNode, collapsed: ReadonlySet<string>): string[] {
  const below = collapsed.has(node.id) ? [] : node.children.flatMap((child) => visibleIds(child, collapsed));
  return [node.id, ...below];
}

export function countUnchanged(node: DiffNode): number {
  return node.children.reduce((sum, child) => sum + (child.marker === 'None' ? 1 : 0) + countUnchanged(child), 0);
}

/** "2024-05-01 10:32:01 UTC": stable across locales, readable enough. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
