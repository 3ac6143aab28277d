// The fake's scheduler: what a healthy one-node dev agent does after a job
// changes. It places allocations up to each group's Count (replacing them when
// tasks change), records placement failures injected by tests, starts a
// deployment for new service versions and, when the state's autoConverge is
// on, moves everything to its steady state at once.
import type { AllocationMetric, Evaluation, Job } from '../../../client/src/nomad/types';
import {
  CLIENT_DESCRIPTIONS,
  ClientStatus,
  DEPLOYMENT_DESCRIPTIONS,
  newAllocation,
  newDeployment,
  newEvaluation,
  StoredAllocation,
  taskState,
} from './records';
import type { FakeNomadState, JobRecord } from './state';

const TERMINAL = new Set(['complete', 'failed', 'lost']);

/** Running or pending allocations of a group that are meant to run. */
export function liveAllocations(state: FakeNomadState, rec: JobRecord, group: string): StoredAllocation[] {
  return state.allocationsOf(String(rec.current.Namespace), String(rec.current.ID), false).filter(
    (a) => a.TaskGroup === group && a.DesiredStatus === 'run' && !(rec.current.Type !== 'batch' && TERMINAL.has(a.ClientStatus)),
  );
}

export function stopAllocation(state: FakeNomadState, alloc: StoredAllocation, index: number, description: string): void {
  alloc.DesiredStatus = 'stop';
  alloc.DesiredDescription = description;
  if (!TERMINAL.has(alloc.ClientStatus)) setClientStatus(state, alloc, 'complete', index);
  alloc.ModifyIndex = index;
}

export function setClientStatus(state: FakeNomadState, alloc: StoredAllocation, status: ClientStatus, index: number): void {
  alloc.ClientStatus = status;
  alloc.ClientDescription = CLIENT_DESCRIPTIONS[status];
  alloc.TaskStates = Object.fromEntries(Object.keys(alloc.TaskStates ?? {}).map((t) => [t, taskState(status, state.clock())]));
  alloc.ModifyIndex = index;
  alloc.ModifyTime = state.clock() * 1e6;
}

/**
 * Runs one evaluation for the job: stops what a stopped job still runs,
 * otherwise replaces allocations of changed groups, scales to Count and
 * records placement failures injected with failPlacement.
 */
export function schedule(
state: FakeNomadState,
rec: JobRecord,
triggeredBy: string,
options: { evalIndex?: number; newVersion: boolean; previous?: Job },
): Evaluation {
  const job = rec.current;
  const now = state.clock();
  const evalIndex = options.evalIndex ?? state.commit('evals');
  state.stamp('evals');
  const evaluation = newEvaluation({ job, triggeredBy, raftIndex: evalIndex, nowMs: now, jobModifyIndex: job.JobModifyIndex ?? 0 });
  state.evaluations.set(evaluation.ID, evaluation);
  const index = state.commit('allocs', 'evals', 'job_summary');
  const namespace = String(job.Namespace);
  if (job.Stop) {
    for (const alloc of state.allocationsOf(namespace, String(job.ID))) {
      if (alloc.DesiredStatus === 'run') stopAllocation(state, alloc, index, 'alloc not needed due to job update');
    }
    for (const d of state.deploymentsOf(namespace, String(job.ID)).filter((d) => d.Status === 'running')) {
      Object.assign(d, { Status: 'cancelled', StatusDescription: DEPLOYMENT_DESCRIPTIONS.cancelled, ModifyIndex: index });
      state.stamp('deployment');
    }
  } else {
    const deployment = job.Type === 'service' && options.newVersion ? newDeployment(job, index, now) : undefined;
    if (deployment) {
      state.deployments.set(deployment.ID, deployment);
      evaluation.DeploymentID = deployment.ID;
      state.stamp('deployment');
    }
    const failed: Record<string, AllocationMetric> = {};
    for (const group of job.TaskGroups ?? []) {
      const name = String(group.Name);
      let live = liveAllocations(state, rec, name);
      const before = options.previous?.TaskGroups?.find((g) => g.Name === name);
      const destructive =
        options.newVersion &&
        (!before || JSON.stringify(before.Tasks) !== JSON.stringify(group.Tasks) || JSON.stringify(options.previous?.Meta) !== JSON.stringify(job.Meta));
      const canaries = destructive && deployment && live.length > 0 ? (group.Update?.Canary ?? 0) : 0;
      if (deployment?.TaskGroups?.[name]) deployment.TaskGroups[name].DesiredCanaries = canaries;
      if (canaries > 0 && deployment) {
        // Canaries first: the old allocations keep running until the deployment is promoted.
        const placed = Array.from({ length: canaries }, (_, i) => {
          const canary = newAllocation({ job, group: name, index: i, evalId: evaluation.ID, deploymentId: deployment.ID, raftIndex: index, nowMs: now });
          canary.DeploymentStatus = { Canary: true, Healthy: null, ModifyIndex: index, Timestamp: '0001-01-01T00:00:00Z' };
          state.allocations.set(canary.ID, canary);
          return canary.ID;
        });
        Object.assign(deployment.TaskGroups![name], { PlacedCanaries: placed, PlacedAllocs: canaries });
        continue;
      }
      if (destructive || (job.Type === 'batch' && options.newVersion)) {
        live.forEach((a) => stopAllocation(state, a, index, 'alloc is being updated due to job update'));
        live = [];
      }
      live.forEach((a) => Object.assign(a, { Job: job, JobVersion: job.Version, ModifyIndex: index }));
      const want = group.Count ?? 1;
      live.slice(want).forEach((a) => stopAllocation(state, a, index, 'alloc not needed due to job update'));
      const failure = state.placementFailure(namespace, String(job.ID), name);
      if (failure && want > live.length) {
        failed[name] = { ...failure, CoalescedFailures: want - live.length - 1 };
        continue;
      }
      const taken = new Set(live.map((a) => a.Name));
      for (let i = 0; live.length < want; i++) {
        if (taken.has(`${job.ID}.${name}[${i}]`)) continue;
        const alloc = newAllocation({ job, group: name, index: i, evalId: evaluation.ID, deploymentId: deployment?.ID ?? '', raftIndex: index, nowMs: now });
        state.allocations.set(alloc.ID, alloc);
        live.push(alloc);
      }
      if (deployment?.TaskGroups?.[name]) deployment.TaskGroups[name].PlacedAllocs = live.length;
    }
    if (Object.keys(failed).length) {
      const blocked = newEvaluation({ job, triggeredBy: 'queued-allocs', raftIndex: index, nowMs: now, status: 'blocked', extra: { PreviousEval: evaluation.ID } });
      state.evaluations.set(blocked.ID, blocked);
      Object.assign(evaluation, { FailedTGAllocs: failed, BlockedEval: blocked.ID });
    }
  }
  Object.assign(evaluation, { Status: 'complete', ModifyIndex: index });
  rec.summaryIndex = index;
  refreshStatus(state, rec);
  if (state.autoConverge) converge(state);
  return evaluation;
}

/** Moves pending allocations to their steady state and finishes running deployments, in one index. */
export function converge(state: FakeNomadState): void {
  const pending = [...state.allocations.values()].filter((a) => a.DesiredStatus === 'run' && a.ClientStatus === 'pending');
  const running = [...state.deployments.values()].filter((d) => d.Status === 'running');
  if (!pending.length && !running.length) return;
  const index = state.commit('allocs', 'job_summary', 'deployment');
  for (const alloc of pending) {
    setClientStatus(state, alloc, alloc.Job.Type === 'batch' ? 'complete' : 'running', index);
    // With manual health checks only a person (or the API) says whether an allocation is healthy.
    if (alloc.DeploymentID && !usesManualHealth(alloc.Job, alloc.TaskGroup)) {
      const canary = alloc.DeploymentStatus?.Canary === true;
      alloc.DeploymentStatus = { Canary: canary, Healthy: true, ModifyIndex: index, Timestamp: new Date(state.clock()).toISOString() };
    }
  }
  for (const deployment of running) {
    const deployedJob = state.job(String(deployment.Namespace), deployment.JobID)?.versions.get(deployment.JobVersion);
    const groups = Object.entries(deployment.TaskGroups ?? {});
    const manual = new Set(groups.map(([name]) => name).filter((name) => deployedJob && usesManualHealth(deployedJob, name)));
    for (const [name, group] of groups) group.HealthyAllocs = manual.has(name) ? healthyIn(state, deployment.ID, name) : group.PlacedAllocs;
    const waiting = groups.some(([, g]) => (g.DesiredCanaries ?? 0) > 0 && !g.Promoted);
    const unsettled = groups.some(([name, g]) => manual.has(name) && (g.HealthyAllocs ?? 0) < (g.PlacedAllocs ?? 0));
    if (waiting || unsettled) {
      if (waiting) Object.assign(deployment, { StatusDescription: DEPLOYMENT_DESCRIPTIONS.needsPromotion, ModifyIndex: index });
      continue;
    }
    Object.assign(deployment, { Status: 'successful', StatusDescription: DEPLOYMENT_DESCRIPTIONS.successful, ModifyIndex: index });
    const rec = state.job(String(deployment.Namespace), deployment.JobID);
    const version = rec?.versions.get(deployment.JobVersion);
    if (version) {
      version.Stable = true;
      state.stamp('jobs', 'job_version');
      // The deployment watcher evaluates the job once more when a deployment ends.
      const followUp = newEvaluation({ job: version, triggeredBy: 'deployment-watcher', raftIndex: index, nowMs: state.clock(), deploymentId: deployment.ID });
      state.evaluations.set(followUp.ID, followUp);
      state.stamp('evals');
    }
  }
  for (const rec of state.jobs.values()) {
    rec.summaryIndex = index;
    refreshStatus(state, rec);
  }
}

export function usesManualHealth(job: Job, group: string): boolean {
  const update = job.TaskGroups?.find((g) => g.Name === group)?.Update ?? job.Update;
  return update?.HealthCheck === 'manual';
}

/** Allocations of a deployment's group that are healthy for it. */
export function healthyIn(state: FakeNomadState, deploymentId: string, group: string): number {
  return [...state.allocations.values()].filter((a) => a.DeploymentID === deploymentId && a.TaskGroup === group && a.DeploymentStatus?.Healthy === true).length;
}

/** Recomputes a job's status from its allocations; a change bumps the job's ModifyIndex. */
export function refreshStatus(state: FakeNomadState, rec: JobRecord): void {
  const job = rec.current;
  let status = 'pending';
  const allocs = state.allocationsOf(String(job.Namespace), String(job.ID), false);
  if (job.Stop) status = 'dead';
  else if ((job.Periodic?.Enabled || job.ParameterizedJob) && !job.Dispatched) status = 'running';
  else if (allocs.some((a) => !TERMINAL.has(a.ClientStatus) && a.DesiredStatus === 'run')) status = 'running';
  else if (allocs.length && !hasQueued(state, rec)) status = 'dead';
  if (status === job.Status) return;
  job.Status = status;
  job.ModifyIndex = state.index;
  state.stamp('jobs');
  const parent = job.ParentID ? state.job(String(job.Namespace), job.ParentID) : undefined;
  if (parent) parent.summaryIndex = state.index;
}

function hasQueued(state: FakeNomadState, rec: JobRecord): boolean {
  return Object.values(state.summaryOf(rec).Summary).some((s) => s.Queued > 0);
}

