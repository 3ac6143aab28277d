// POST /v1/job/:id/plan for the fake: what the scheduler would do for a
// submitted job (DesiredTGUpdates), placement failures injected by tests,
// and the diff with the annotations real servers add.
// Simplified: a change to a group's tasks or to job meta is destructive (limited
// by max_parallel after new placements, as the real reconciler does), any other
// change to the group is in-place, and there are no canaries.
import type { DesiredUpdates, Job, JobDiff, JobPlanResponse } from '../../../client/src/nomad/types';
import { jobDiff } from './diff';
import { HttpError } from './httpError';
import { decodeBody, submittedJob } from './jobWrites';
import type { FakeNomadState, JobRecord } from './state';

const TERMINAL = new Set(['complete', 'failed', 'lost']);

function desiredUpdates(state: FakeNomadState, job: Job, existing: JobRecord | undefined): Record<string, DesiredUpdates> {
  const out: Record<string, DesiredUpdates> = {};
  const old = existing?.current;
  const allocs = existing ? state.allocationsOf(String(old?.Namespace), String(old?.ID), false) : [];
  const groups = new Set([...(job.TaskGroups ?? []), ...(old?.TaskGroups ?? [])].map((g) => String(g.Name)));
  for (const name of groups) {
    const next = job.TaskGroups?.find((g) => g.Name === name);
    const before = old?.TaskGroups?.find((g) => g.Name === name);
    const live = allocs.filter(
      (a) => a.TaskGroup === name && a.DesiredStatus === 'run' && !(job.Type !== 'batch' && TERMINAL.has(a.ClientStatus)),
    ).length;
    const u: DesiredUpdates = { Canary: 0, DestructiveUpdate: 0, Ignore: 0, InPlaceUpdate: 0, Migrate: 0, Place: 0, Preemptions: 0, Stop: 0 };
    const want = next ? (next.Count ?? 1) : 0;
    if (!old?.Stop) {
      const keep = Math.min(live, want);
      const tasksChanged = JSON.stringify(before?.Tasks) !== JSON.stringify(next?.Tasks) || JSON.stringify(old?.Meta) !== JSON.stringify(job.Meta);
      const groupChanged = JSON.stringify({ ...before, Count: 0 }) !== JSON.stringify({ ...next, Count: 0 });
      u.Place = Math.max(0, want - live);
      u.Stop = Math.max(0, live - want);
      if (tasksChanged) {
        // With an update block, new placements use up max_parallel first; the rest wait (Ignore).
        const maxParallel = next?.Update?.MaxParallel ?? 0;
        const limit = maxParallel > 0 ? Math.max(0, maxParallel - u.Place) : keep;
        u.DestructiveUpdate = Math.min(keep, limit);
        u.Ignore = keep - u.DestructiveUpdate;
      } else if (groupChanged) u.InPlaceUpdate = keep;
      else u.Ignore = keep;
    } else {
      u.Place = want;
    }
    out[name] = u;
  }
  return out;
}

const UPDATE_NAMES: Array<[keyof DesiredUpdates, string]> = [
  ['Place', 'create'],
  ['Stop', 'destroy'],
  ['Ignore', 'ignore'],
  ['InPlaceUpdate', 'in-place update'],
  ['DestructiveUpdate', 'create/destroy update'],
  ['Migrate', 'migrate'],
  ['Canary', 'canary'],
];

/** Adds plan annotations: group Updates counts, "forces create/destroy" on Count, task update kinds. */
function annotatePlan(diff: JobDiff, updates: Record<string, DesiredUpdates>): JobDiff {
  for (const group of diff.TaskGroups ?? []) {
    const u = updates[group.Name];
    if (!u) continue;
    const counts = Object.fromEntries(UPDATE_NAMES.filter(([k]) => Number(u[k]) > 0).map(([k, name]) => [name, Number(u[k])]));
    group.Updates = Object.keys(counts).length ? counts : null;
    for (const field of group.Fields ?? []) {
      if (field.Name === 'Count' && field.Type === 'Edited') {
        field.Annotations = [Number(field.New) > Number(field.Old) ? 'forces create' : 'forces destroy'];
      }
    }
    for (const task of group.Tasks ?? []) {
      if (task.Type === 'Added') task.Annotations = ['forces create'];
      else if (task.Type === 'Deleted') task.Annotations = ['forces destroy'];
      else if (task.Type === 'Edited') task.Annotations = [u.DestructiveUpdate > 0 ? 'forces create/destroy update' : 'forces in-place update'];
    }
  }
  return diff;
}

/** POST /v1/job/:id/plan. */
export function planJob(state: FakeNomadState, text: string, queryNamespace: string, id: string): JobPlanResponse {
  const body = decodeBody(text);
  if (typeof body.Job !== 'object' || body.Job === null) throw new HttpError(400, 'Job must be specified');
  if ((body.Job as { ID?: unknown }).ID !== id) throw new HttpError(400, 'Job ID does not match');
  const { job, namespace } = submittedJob(state, body, queryNamespace);
  const existing = state.job(namespace, id);
  const updates = desiredUpdates(state, job, existing);
  const diff = body.Diff === true ? annotatePlan(jobDiff(existing?.current ?? null, job, true), updates) : null;
  const failed = Object.fromEntries(
    Object.entries(updates)
      .map(([group, u]) => [group, u.Place > 0 ? state.placementFailure(namespace, id, group) : undefined, u.Place] as const)
      .filter(([, metric]) => metric)
      .map(([group, metric, place]) => [group, { ...metric, CoalescedFailures: place - 1 }]),
  );
  const jobModifyIndex = existing?.current.JobModifyIndex ?? 0;
  return {
    Annotations: { DesiredTGUpdates: updates, PreemptedAllocs: null },
    CreatedEvals: null,
    Diff: diff,
    FailedTGAllocs: Object.keys(failed).length ? failed : null,
    Index: jobModifyIndex,
    JobModifyIndex: jobModifyIndex,
    NextPeriodicLaunch: job.Periodic?.Enabled ? new Date(Math.ceil((state.clock() + 1) / 60000) * 60000).toISOString() : null,
    Warnings: '',
  };
}
