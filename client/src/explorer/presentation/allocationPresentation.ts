// Allocation rows: name, client status, node and age; task states in the tooltip
// and, expanded, one row per task (taskPresentation.ts).
import type { AllocationListStub } from '../../nomad/types';
import { COLORS, escapeMarkdown, joinParts, shortId, type IconView, type ItemView } from './itemView';
import { fencedTimeline, lastEvent, taskNamesOf } from './taskPresentation';
import { age } from './time';

const STATUS_ICONS: Record<string, IconView> = {
  pending: { id: 'clock', color: COLORS.busy },
  running: { id: 'pass', color: COLORS.ok },
  complete: { id: 'check', color: COLORS.idle },
  failed: { id: 'error', color: COLORS.failed },
  lost: { id: 'question', color: COLORS.failed },
  unknown: { id: 'circle-outline', color: COLORS.busy },
};

/** Newest first, so replacements show above what they replaced. */
export function sortAllocations(allocations: readonly AllocationListStub[]): AllocationListStub[] {
  return [...allocations].sort((a, b) => (b.CreateTime ?? 0) - (a.CreateTime ?? 0));
}

/** `web.api[0]` within job `web` reads better as `api[0]`. */
function displayName(allocation: AllocationListStub): string {
  const prefix = `${allocation.JobID}.`;
  return allocation.Name.startsWith(prefix) ? allocation.Name.slice(prefix.length) : allocation.Name;
}

export function allocationView(allocation: AllocationListStub, now: number): ItemView {
  const created = age(allocation.CreateTime, now);
  const stopping = allocation.DesiredStatus !== 'run' && allocation.ClientStatus === 'running';
  return {
    label: displayName(allocation),
    description: joinParts([
      stopping ? `${allocation.ClientStatus} → ${allocation.DesiredStatus}` : allocation.ClientStatus,
      allocation.NodeName || (allocation.NodeID ? shortId(allocation.NodeID) : undefined),
      created && `${created} ago`,
      shortId(allocation.ID),
    ]),
    tooltip: allocationTooltip(allocation),
    icon: STATUS_ICONS[allocation.ClientStatus] ?? { id: 'circle-outline' },
    contextValue: `allocation:${allocation.ClientStatus}`,
    collapsible: taskNamesOf(allocation).length > 0 ? 'collapsed' : 'none',
  };
}

export function allocationTooltip(allocation: AllocationListStub): string {
  const tasks = Object.entries(allocation.TaskStates ?? {}).map(([task, state]) => {
    const event = lastEvent(state);
    const restarts = state.Restarts ? `, ${state.Restarts} restarts` : '';
    const failed = state.Failed ? ', failed' : '';
    return `- **${escapeMarkdown(task)}**: ${escapeMarkdown(state.State)}${failed}${restarts}${event ? `, ${escapeMarkdown(event)}` : ''}`;
  });
  const facts = [
    `- Status: ${escapeMarkdown(allocation.ClientStatus)} (desired: ${escapeMarkdown(allocation.DesiredStatus)})`,
    allocation.ClientDescription ? `- ${escapeMarkdown(allocation.ClientDescription)}` : '',
    `- Node: ${escapeMarkdown(allocation.NodeName || allocation.NodeID || 'none')}`,
    typeof allocation.JobVersion === 'number' ? `- Job version: ${allocation.JobVersion}` : '',
  ].filter((line) => line !== '');
  const header = `**${escapeMarkdown(allocation.Name)}** \`${allocation.ID}\``;
  const timeline = fencedTimeline(allocation.TaskStates);
  return [
    header,
    '',
    ...facts,
    ...(tasks.length ? ['', '**Tasks**', '', ...tasks] : []),
    ...(timeline.length ? ['', '**Events**', '', ...timeline] : []),
  ].join('\n');
}
