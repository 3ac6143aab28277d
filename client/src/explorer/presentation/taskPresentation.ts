// Task rows under an allocation: one per entry of its TaskStates, with the
// state, restarts and what happened last; the task's own event timeline in
// the tooltip. Logs and restart act on the row's task without asking which.
import type { AllocationListStub, TaskState } from '../../nomad/types';
import { formatTaskEventTimeline, type TaskStateLike } from '../../features/logs/taskEventTimeline';
import { COLORS, escapeMarkdown, joinParts, plural, type IconView, type ItemView } from './itemView';
import { age } from './time';

/** The newest event as `Type: message`. */
export function lastEvent(state: TaskState): string | undefined {
  const events = state.Events ?? [];
  const event = events[events.length - 1];
  if (!event) return undefined;
  const message = event.DisplayMessage || event.Message;
  return message ? `${event.Type}: ${message}` : event.Type;
}

/**
 * The event timeline as a fenced Markdown block (shown verbatim). Runs of
 * backticks in server text are broken up so they cannot close the fence early.
 */
export function fencedTimeline(taskStates: Record<string, TaskStateLike> | null | undefined): string[] {
  const timeline = formatTaskEventTimeline(taskStates).replace(/`{3,}/g, (run) => run.split('').join('\u200b'));
  return timeline ? ['```text', timeline, '```'] : [];
}

/** Task names in a stable order (TaskStates is a JSON object; its key order is the server's). */
export function taskNamesOf(allocation: AllocationListStub): string[] {
  return Object.keys(allocation.TaskStates ?? {}).sort((a, b) => a.localeCompare(b));
}

function taskIcon(state: TaskState): IconView {
  if (state.State === 'running') return { id: 'pass', color: COLORS.ok };
  if (state.State === 'pending') return { id: 'clock', color: COLORS.busy };
  return state.Failed ? { id: 'error', color: COLORS.failed } : { id: 'check', color: COLORS.idle };
}

/** `actionCount` rows of the job's actions for this task go under it. */
export function taskView(allocation: AllocationListStub, name: string, now: number, actionCount = 0): ItemView {
  const state = allocation.TaskStates?.[name] ?? { State: 'pending', Failed: false, Events: [] };
  const since = state.State === 'running' ? age(state.StartedAt, now) : state.State === 'dead' ? age(state.FinishedAt, now) : undefined;
  const event = lastEvent(state);
  return {
    label: name,
    description: joinParts([
      state.Failed ? `${state.State} (failed)` : state.State,
      since && `${since} ago`,
      state.Restarts ? plural(state.Restarts, 'restart') : undefined,
    ]),
    tooltip: taskTooltip(allocation, name, state, event),
    icon: taskIcon(state),
    contextValue: `task:${state.State}`,
    collapsible: actionCount > 0 ? 'collapsed' : 'none',
  };
}

function taskTooltip(allocation: AllocationListStub, name: string, state: TaskState, event: string | undefined): string {
  const facts = [
    `- State: ${escapeMarkdown(state.State)}${state.Failed ? ', failed' : ''}`,
    state.Restarts ? `- Restarts: ${state.Restarts}` : '',
    event ? `- Last event: ${escapeMarkdown(event)}` : '',
  ].filter((line) => line !== '');
  const timeline = fencedTimeline({ [name]: state });
  return [`**${escapeMarkdown(name)}** in ${escapeMarkdown(allocation.Name)}`, '', ...facts, ...(timeline.length ? ['', ...timeline] : [])].join('\n');
}
