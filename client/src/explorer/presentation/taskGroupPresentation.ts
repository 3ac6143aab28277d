// Task group rows and the job's Summary row, both read from the job summary.
import type { JobSummary, TaskGroupSummary } from '../../nomad/types';
import { COLORS, escapeMarkdown, type ItemView } from './itemView';
import { childCounts, describeCounts, GROUP_STATES, groupCounts, summaryTable, totalCounts } from './summaryCounts';

/** `jobType` goes into the context value: only groups of service and batch jobs have a count to scale. */
export function taskGroupView(name: string, summary: Partial<TaskGroupSummary> | undefined, jobType = ''): ItemView {
  const counts = groupCounts(summary);
  const color = counts.Queued > 0 || counts.Starting > 0 ? COLORS.busy : counts.Running > 0 ? COLORS.ok : undefined;
  return {
    label: name,
    description: describeCounts(counts),
    tooltip: [`**Task group ${escapeMarkdown(name)}**`, '', ...GROUP_STATES.map((s) => `- ${s}: ${counts[s]}`)].join('\n'),
    icon: { id: 'layers', color },
    contextValue: jobType ? `taskGroup:${jobType}` : 'taskGroup',
    collapsible: 'none',
  };
}

export function summaryView(summary: JobSummary | null | undefined): ItemView {
  const children = childCounts(summary);
  const hasChildren = children.Pending + children.Running + children.Dead > 0;
  const childText = hasChildren
    ? `children: ${children.Pending} pending, ${children.Running} running, ${children.Dead} dead`
    : undefined;
  const table = summaryTable(summary);
  return {
    label: 'Summary',
    description: [describeCounts(totalCounts(summary)), childText].filter(Boolean).join(' · '),
    tooltip: [table || 'No task groups.', childText ? `\n${childText}` : ''].join('\n'),
    icon: { id: 'graph' },
    contextValue: 'summary',
    collapsible: 'none',
  };
}
