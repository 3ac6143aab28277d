// Arithmetic over a job summary (per task group allocation counts and child job counts).
import type { JobChildrenSummary, JobSummary, TaskGroupSummary } from '../../nomad/types';

export const GROUP_STATES = ['Queued', 'Starting', 'Running', 'Complete', 'Failed', 'Lost'] as const;
export type GroupState = (typeof GROUP_STATES)[number];
export type GroupCounts = Record<GroupState, number>;

export function emptyCounts(): GroupCounts {
  return { Queued: 0, Starting: 0, Running: 0, Complete: 0, Failed: 0, Lost: 0 };
}

/** Reads one group's counts, treating missing fields as zero. */
export function groupCounts(summary: Partial<TaskGroupSummary> | undefined): GroupCounts {
  return addCounts(emptyCounts(), summary);
}

/** Adds a group's counts into `total`; spelled out because it runs for every job of large lists. */
function addCounts(total: GroupCounts, group: Partial<TaskGroupSummary> | undefined): GroupCounts {
  if (!group) return total;
  total.Queued += group.Queued || 0;
  total.Starting += group.Starting || 0;
  total.Running += group.Running || 0;
  total.Complete += group.Complete || 0;
  total.Failed += group.Failed || 0;
  total.Lost += group.Lost || 0;
  return total;
}

export function totalCounts(summary: JobSummary | null | undefined): GroupCounts {
  const total = emptyCounts();
  const groups = summary?.Summary;
  if (groups) for (const name in groups) addCounts(total, groups[name]);
  return total;
}

/** Allocations the scheduler is trying to keep: a good stand-in for "desired" when only the summary is known. */
export function wantedCount(counts: GroupCounts): number {
  return counts.Queued + counts.Starting + counts.Running;
}

export function childCounts(summary: JobSummary | null | undefined): JobChildrenSummary {
  const children = summary?.Children;
  return {
    Pending: children?.Pending ?? 0,
    Running: children?.Running ?? 0,
    Dead: children?.Dead ?? 0,
  };
}

/** `2 running · 1 queued` style text listing only the states that have allocations. */
export function describeCounts(counts: GroupCounts): string {
  const parts = GROUP_STATES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s.toLowerCase()}`);
  return parts.length ? parts.join(' · ') : 'no allocations';
}

/** A Markdown table with one row per task group. */
export function summaryTable(summary: JobSummary | null | undefined): string {
  const groups = Object.entries(summary?.Summary ?? {});
  if (!groups.length) return '';
  const header = `| Group | ${GROUP_STATES.join(' | ')} |\n|---|${GROUP_STATES.map(() => '---:').join('|')}|`;
  const rows = groups.map(([name, group]) => {
    const counts = groupCounts(group);
    return `| ${name.replace(/\|/g, '\\|')} | ${GROUP_STATES.map((s) => counts[s]).join(' | ')} |`;
  });
  return [header, ...rows].join('\n');
}
