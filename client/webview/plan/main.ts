// The plan page: renders what the panel sends, keeps its UI state across
// hide/show and reloads (setState), and turns clicks and keys into messages.
import type { FromPageMessage, PlanPageState, ToPageMessage } from '../../src/features/plan/messages';
import { renderPage, visibleIds, visibleTree, type UiState } from './view';
import { toDom, type DomFactory } from './vnode';

interface VsCodeApi {
  postMessage(message: FromPageMessage): void;
  getState(): PlanPageState | undefined;
  setState(state: PlanPageState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('root') as HTMLElement;
let state: PlanPageState = vscode.getState() ?? { status: { kind: 'idle' }, canRun: false, showUnchanged: false, collapsed: [] };

const dom: DomFactory<Node, HTMLElement> = {
  createElement: (tag) => document.createElement(tag),
  createTextNode: (text) => document.createTextNode(text),
  setAttribute: (element, name, value) => element.setAttribute(name, value),
  append: (parent, child) => void parent.appendChild(child),
};

function uiState(): UiState {
  return { showUnchanged: state.showUnchanged, collapsed: new Set(state.collapsed), focusedId: state.focusedId };
}

function update(change: Partial<PlanPageState>, moveFocus = false): void {
  state = { ...state, ...change };
  vscode.setState(state);
  const hadFocus = root.contains(document.activeElement);
  const focusedAction = (document.activeElement as HTMLElement | null)?.dataset?.action;
  root.replaceChildren(toDom(renderPage(state, uiState()), dom));
  if (moveFocus || hadFocus) restoreFocus(focusedAction);
}

function restoreFocus(action: string | undefined): void {
  const item = state.focusedId ? root.querySelector<HTMLElement>(`[role="treeitem"][tabindex="0"]`) : null;
  const button = action && action !== 'toggle-node' ? root.querySelector<HTMLElement>(`[data-action="${action}"]:not([disabled])`) : null;
  (button ?? item)?.focus();
}

window.addEventListener('message', (event: MessageEvent<ToPageMessage>) => {
  const message = event.data;
  if (message.type === 'show') {
    update({ plan: message.plan, status: message.status, canRun: message.canRun, documentUri: message.documentUri });
  } else if (message.type === 'status') {
    update({ status: message.status, canRun: message.canRun });
  }
});

root.addEventListener('click', (event) => {
  const target = (event.target as HTMLElement).closest<HTMLElement>('[data-action], [role="treeitem"]');
  if (!target) return;
  const item = target.closest<HTMLElement>('[role="treeitem"]');
  switch (target.dataset.action) {
    case 'run':
      if (state.plan) vscode.postMessage({ type: 'run', jobModifyIndex: state.plan.jobModifyIndex });
      return;
    case 'replan':
      vscode.postMessage({ type: 'replan' });
      return;
    case 'reveal-job':
      vscode.postMessage({ type: 'revealJob' });
      return;
    case 'toggle-unchanged':
      update({ showUnchanged: !state.showUnchanged });
      return;
    case 'toggle-node':
      if (item?.dataset.id) toggle(item.dataset.id);
      return;
    default:
      if (item?.dataset.id) update({ focusedId: item.dataset.id }, true);
  }
});

root.addEventListener('keydown', (event) => {
  const item = (event.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]');
  const id = item?.dataset.id;
  if (!id || !state.plan?.diff) return;
  const tree = visibleTree(state.plan.diff, state.showUnchanged);
  const ids = visibleIds(tree, new Set(state.collapsed));
  const index = ids.indexOf(id);
  const expandable = item.hasAttribute('aria-expanded');
  const expanded = item.getAttribute('aria-expanded') === 'true';
  let next: string | undefined;
  switch (event.key) {
    case 'ArrowDown':
      next = ids[Math.min(ids.length - 1, index + 1)];
      break;
    case 'ArrowUp':
      next = ids[Math.max(0, index - 1)];
      break;
    case 'Home':
      next = ids[0];
      break;
    case 'End':
      next = ids[ids.length - 1];
      break;
    case 'ArrowRight':
      if (expandable && !expanded) return finish(event, () => toggle(id));
      next = expanded ? ids[index + 1] : undefined;
      break;
    case 'ArrowLeft':
      if (expandable && expanded) return finish(event, () => toggle(id));
      next = item.parentElement?.closest<HTMLElement>('[role="treeitem"]')?.dataset.id;
      break;
    case 'Enter':
    case ' ':
      if (expandable) return finish(event, () => toggle(id));
      return;
    default:
      return;
  }
  if (next) finish(event, () => update({ focusedId: next }, true));
});

function finish(event: Event, action: () => void): void {
  event.preventDefault();
  action();
}

function toggle(id: string): void {
  const collapsed = new Set(state.collapsed);
  if (!collapsed.delete(id)) collapsed.add(id);
  update({ collapsed: [...collapsed], focusedId: id }, true);
}

update({});
vscode.postMessage({ type: 'ready' });
