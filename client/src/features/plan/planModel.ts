// Turns Nomad's plan answer into the page's view model: a diff tree with
// stable ids, per-group scheduler counts, placement failures and warnings.
// Pure, so it is tested without a webview.
import type { AllocationMetric, DesiredUpdates, FieldDiff, Job, JobDiff, JobPlanResponse, ObjectDiff } from '../../nomad/types';
import { formatNanoseconds } from '../../nomad/duration';
import { isDurationFieldName } from '../jobFiles/durationFields';
import type { Count, DiffMarker, DiffNode, GroupPlan, PlacementFailure, PlanView } from './messages';

/** DesiredTGUpdates keys in the order a reader cares about, with our labels. */
const UPDATE_LABELS: [keyof DesiredUpdates & string, string][] = [
  ['Place', 'create'],
  ['DestructiveUpdate', 'create/destroy update'],
  ['InPlaceUpdate', 'in-place update'],
  ['Stop', 'stop'],
  ['Migrate', 'migrate'],
  ['Canary', 'canary'],
  ['Ignore', 'ignore'],
  ['Preemptions', 'preemptions'],
];

const METRIC_LABELS: [keyof AllocationMetric & string, string][] = [
  ['NodesEvaluated', 'nodes evaluated'],
  ['NodesFiltered', 'nodes filtered'],
  ['NodesExhausted', 'nodes exhausted'],
  ['CoalescedFailures', 'more allocations failed the same way'],
];

const BREAKDOWN_TITLES: [keyof AllocationMetric & string, string][] = [
  ['NodesAvailable', 'Nodes available per datacenter'],
  ['ConstraintFiltered', 'Filtered by constraint'],
  ['ClassFiltered', 'Filtered by node class'],
  ['ClassExhausted', 'Exhausted by node class'],
  ['DimensionExhausted', 'Exhausted resource'],
];

/** Go's zero time: what a non-periodic job reports as its next launch on some versions. */
const ZERO_TIME = /^0001-01-01T00:00:00/;

export function buildPlanView(job: Job, plan: JobPlanResponse, source: string, plannedAt: Date): PlanView {
  const jobId = job.ID ?? plan.Diff?.ID ?? '';
  const groupNames = new Set<string>([
    ...(job.TaskGroups ?? []).map((group) => group.Name ?? ''),
    ...Object.keys(plan.Annotations?.DesiredTGUpdates ?? {}),
    ...Object.keys(plan.FailedTGAllocs ?? {}),
  ]);
  groupNames.delete('');
  const next = plan.NextPeriodicLaunch;
  return {
    jobId,
    jobName: job.Name ?? jobId,
    jobType: job.Type ?? 'service',
    namespace: job.Namespace ?? undefined,
    region: job.Region ?? undefined,
    source,
    isNewJob: plan.JobModifyIndex === 0,
    jobModifyIndex: plan.JobModifyIndex,
    diff: plan.Diff ? jobDiffTree(plan.Diff) : undefined,
    groups: [...groupNames].map((name) => groupPlan(name, plan)),
    warnings: splitWarnings(plan.Warnings ?? ''),
    nextPeriodicLaunch: next && !ZERO_TIME.test(next) ? next : undefined,
    plannedAt: plannedAt.toISOString(),
  };
}

export function jobDiffTree(diff: JobDiff): DiffNode {
  const id = 'job';
  return node(id, 'job', diff.ID, diff.Type, [], [
    ...fieldNodes(id, diff.Fields),
    ...objectNodes(id, diff.Objects),
    ...(diff.TaskGroups ?? []).map((group) => {
      const groupId = `${id}/g:${group.Name}`;
      return node(groupId, 'group', group.Name, group.Type, [], [
        ...fieldNodes(groupId, group.Fields),
        ...objectNodes(groupId, group.Objects),
        ...(group.Tasks ?? []).map((task) => {
          const taskId = `${groupId}/t:${task.Name}`;
          return node(taskId, 'task', task.Name, task.Type, task.Annotations ?? [], [
            ...fieldNodes(taskId, task.Fields),
            ...objectNodes(taskId, task.Objects),
          ]);
        }),
      ]);
    }),
  ]);
}

function objectNodes(parentId: string, objects: ObjectDiff[] | null): DiffNode[] {
  return withOccurrence(objects ?? []).map(([object, n]) => {
    const id = `${parentId}/o:${object.Name}#${n}`;
    return node(id, 'object', object.Name, object.Type, [], [...fieldNodes(id, object.Fields), ...objectNodes(id, object.Objects)]);
  });
}

function fieldNodes(parentId: string, fields: FieldDiff[] | null): DiffNode[] {
  return withOccurrence(fields ?? []).map(([field, n]) => ({
    ...node(`${parentId}/f:${field.Name}#${n}`, 'field', field.Name, field.Type, field.Annotations ?? [], []),
    old: readableValue(field.Name, field.Old),
    new: readableValue(field.Name, field.New),
  }));
}

/** Durations come as nanoseconds; the page shows them as a job file writes them ("15s"). */
export function readableValue(fieldName: string, value: string): string {
  return /^-?\d+$/.test(value) && isDurationFieldName(fieldName) ? formatNanoseconds(Number(value)) : value;
}

/** Pairs each item with how many earlier siblings share its name, so repeated names (two Constraint objects) get distinct ids. */
function withOccurrence<T extends { Name: string }>(items: T[]): [T, number][] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const n = seen.get(item.Name) ?? 0;
    seen.set(item.Name, n + 1);
    return [item, n];
  });
}

function node(id: string, kind: DiffNode['kind'], name: string, type: string, annotations: string[], children: DiffNode[]): DiffNode {
  return { id, kind, name, marker: marker(type), annotations, children };
}

function marker(type: string): DiffMarker {
  return type === 'Added' || type === 'Deleted' || type === 'Edited' ? type : 'None';
}

function groupPlan(name: string, plan: JobPlanResponse): GroupPlan {
  const desired = plan.Annotations?.DesiredTGUpdates?.[name];
  const updates = UPDATE_LABELS.map(([key, label]) => ({ label, count: numberOr0(desired?.[key]) }));
  const failed = plan.FailedTGAllocs?.[name];
  return failed ? { name, updates, failure: placementFailure(failed) } : { name, updates };
}

export function placementFailure(metric: AllocationMetric): PlacementFailure {
  const metrics = METRIC_LABELS.map(([key, label]) => ({ label, count: numberOr0(metric[key]) })).filter(
    (entry) => entry.count > 0 || entry.label === 'nodes evaluated',
  );
  const breakdowns = BREAKDOWN_TITLES.flatMap(([key, title]) => {
    const entries = countsOf(metric[key]);
    return entries.length ? [{ title, entries }] : [];
  });
  const quota = metric.QuotaExhausted ?? [];
  if (quota.length) breakdowns.push({ title: 'Quota exhausted', entries: quota.map((label) => ({ label, count: 1 })) });
  return { metrics, breakdowns };
}

function countsOf(value: unknown): Count[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value as Record<string, unknown>)
    .map(([label, count]) => ({ label, count: numberOr0(count) }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

function numberOr0(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** Nomad joins warnings as Go multierror text ("2 warnings:\n\n* a\n* b"); one entry per warning. */
export function splitWarnings(text: string): string[] {
  const lines = text.split('\n').filter((line) => !/^\s*\d+ (warning|error)s?( occurred)?:\s*$/.test(line));
  const items: string[] = [];
  for (const line of lines) {
    const bullet = /^\s*\*\s+(.*)$/.exec(line);
    if (bullet) items.push(bullet[1].trim());
    else if (line.trim() && items.length) items[items.length - 1] += ` ${line.trim()}`;
    else if (line.trim()) items.push(line.trim());
  }
  return items;
}
