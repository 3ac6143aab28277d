// What a new count for a task group must respect, and what the cluster's
// version lets us promise about concurrent changes. No vscode here.
import { versionAtLeast } from '../../nomad/agent';
import type { Job, TaskGroup } from '../../nomad/types';

/** Nomad 1.1 added `JobModifyIndex` to the scale request: the server then refuses a scale of a changed job. */
export const SCALE_CHECK_AND_SET_SINCE = '1.1.0';

/** What the count prompt shows and checks. */
export interface GroupScale {
  jobId: string;
  group: string;
  current: number;
  /** From the group's `scaling` block; undefined when it has none (or no such bound). */
  min?: number;
  max?: number;
  jobModifyIndex: number;
}

/** The group as the job holds it, or undefined when the job has no such group. */
export function groupScale(job: Job, group: string): GroupScale | undefined {
  const found: TaskGroup | undefined = (job.TaskGroups ?? []).find((g) => g.Name === group);
  if (!found) return undefined;
  const scaling = found.Scaling ?? undefined;
  const bound = (value: number | null | undefined): number | undefined => (typeof value === 'number' ? value : undefined);
  return {
    jobId: String(job.ID),
    group,
    current: found.Count ?? 1,
    min: bound(scaling?.Min),
    max: bound(scaling?.Max),
    jobModifyIndex: job.JobModifyIndex ?? 0,
  };
}

/** `min–max` of the policy as words, or undefined without one. */
export function describeBounds(scale: GroupScale): string | undefined {
  if (scale.min === undefined && scale.max === undefined) return undefined;
  if (scale.max === undefined) return `at least ${scale.min}`;
  return `${scale.min ?? 0} to ${scale.max}`;
}

/** The problem with a typed count, or undefined when it may be sent. Mirrors the server's own checks. */
export function countProblem(text: string, scale: GroupScale): string | undefined {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return 'Type a whole number of allocations, 0 or more.';
  const count = Number(trimmed);
  if (!Number.isSafeInteger(count) || count > 2 ** 31 - 1) return 'That count is too large for a task group.';
  if (scale.min !== undefined && count < scale.min) {
    return `The group's scaling policy allows ${describeBounds(scale)}; ${count} is below its minimum of ${scale.min}.`;
  }
  if (scale.max !== undefined && count > scale.max) {
    return `The group's scaling policy allows ${describeBounds(scale)}; ${count} is above its maximum of ${scale.max}.`;
  }
  if (count === scale.current) return `The group already has a count of ${count}.`;
  return undefined;
}

/** True when the server itself refuses a scale of a job changed since `jobModifyIndex` was read. */
export function serverChecksScaleIndex(clusterVersion: string | undefined): boolean {
  return clusterVersion !== undefined && versionAtLeast(clusterVersion, SCALE_CHECK_AND_SET_SINCE);
}

/** One sentence for the confirmation: how a concurrent change of the job is guarded against. */
export function concurrencyNote(clusterVersion: string | undefined): string {
  if (serverChecksScaleIndex(clusterVersion)) {
    return `Nomad ${clusterVersion} refuses the change if the job was modified after it was read (check-and-set on its modify index).`;
  }
  const which = clusterVersion ? `Nomad ${clusterVersion}` : 'This cluster';
  return (
    `${which} cannot refuse a scale of a job changed meanwhile (that needs Nomad ${SCALE_CHECK_AND_SET_SINCE}); ` +
    'the job’s modify index is checked again just before sending, which leaves only a very short window.'
  );
}

/** What the change will do, for the confirmation. */
export function changeSummary(scale: GroupScale, count: number): string {
  const diff = count - scale.current;
  if (count === 0) return `Nomad stops all ${scale.current} allocation${scale.current === 1 ? '' : 's'} of the group.`;
  return diff > 0
    ? `Nomad places ${diff} more allocation${diff === 1 ? '' : 's'}.`
    : `Nomad stops ${-diff} of the group's allocations.`;
}
