// The fake cluster's memory: jobs with their versions, allocations,
// evaluations, deployments and namespaces, a raft-like global index with
// per-table indexes (what blocking queries wait on), and a tiny scheduler that
// places allocations the way a healthy one-node dev agent would. Tests reach
// in through the public helpers to seed jobs and change things.
import type {
  AllocationMetric,
  Deployment,
  Evaluation,
  Job,
  JobSummary,
  Namespace,
} from '../../../client/src/nomad/types';
import { clone, specOf } from './jobSpec';
import { registerJob } from './jobWrites';
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

export type Table = 'jobs' | 'job_summary' | 'job_version' | 'allocs' | 'evals' | 'deployment' | 'namespaces';

export interface JobRecord {
  current: Job;
  /** Every version by number; the current one is the same object as `current`. */
  versions: Map<number, Job>;
  summaryIndex: number;
}

const TERMINAL = new Set(['complete', 'failed', 'lost']);
const key = (namespace: string, id: string): string => `${namespace}\u0000${id}`;

export class FakeNomadState {
  /** Reported by /v1/agent/self. */
  agentVersion = '1.0.18';
  regions = ['global'];
  /** Reported by /v1/agent/self; the server sets it when started with ACLs. */
  aclEnabled = false;
  /** When true, placed allocations start (service) or finish (batch) at once and deployments succeed. */
  autoConverge = true;
  readonly jobs = new Map<string, JobRecord>();
  readonly allocations = new Map<string, StoredAllocation>();
  readonly evaluations = new Map<string, Evaluation>();
  readonly deployments = new Map<string, Deployment>();
  readonly namespaces = new Map<string, Namespace>();
  private raftIndex = 1;
  private readonly tables = new Map<Table, number>();
  private readonly listeners = new Set<() => void>();
  private readonly placementFailures = new Map<string, AllocationMetric>();

  constructor(readonly clock: () => number = Date.now) {
    this.namespaces.set('default', { Name: 'default', Description: 'Default shared namespace', Quota: '', CreateIndex: 1, ModifyIndex: 1 });
    this.tables.set('namespaces', 1);
  }

  get index(): number {
    return this.raftIndex;
  }

  tableIndex(...tables: Table[]): number {
    return Math.max(0, ...tables.map((t) => this.tables.get(t) ?? 0));
  }

  /** Advances the global index and stamps the tables written at it. */
  commit(...tables: Table[]): number {
    this.raftIndex++;
    this.stamp(...tables);
    return this.raftIndex;
  }

  private stamp(...tables: Table[]): void {
    for (const table of tables) this.tables.set(table, this.raftIndex);
  }

  /** Wakes every blocking query so it re-checks its index. */
  notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /** Resolves on the next change, after `ms`, or when `signal` aborts, whichever comes first. */
  waitForChange(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.listeners.delete(done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.listeners.add(done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  job(namespace: string, id: string): JobRecord | undefined {
    return this.jobs.get(key(namespace, id));
  }

  /** Jobs in a namespace ('*' for all), sorted by ID like Nomad's iterator. */
  jobsIn(namespace: string): JobRecord[] {
    return [...this.jobs.values()]
      .filter((rec) => namespace === '*' || rec.current.Namespace === namespace)
      .sort((a, b) => String(a.current.ID).localeCompare(String(b.current.ID)));
  }

  /** The job's allocations; without `all`, only those of the job's current incarnation (same CreateIndex). */
  allocationsOf(namespace: string, id: string, all = true): StoredAllocation[] {
    const createIndex = this.job(namespace, id)?.current.CreateIndex;
    return [...this.allocations.values()].filter(
      (a) => a.Namespace === namespace && a.JobID === id && (all || a.Job.CreateIndex === createIndex),
    );
  }

  evaluationsOf(namespace: string, id: string): Evaluation[] {
    return [...this.evaluations.values()].filter((e) => e.Namespace === namespace && e.JobID === id);
  }

  /** Newest first, like Nomad. */
  deploymentsOf(namespace: string, id: string): Deployment[] {
    return [...this.deployments.values()]
      .filter((d) => d.Namespace === namespace && d.JobID === id)
      .sort((a, b) => b.CreateIndex - a.CreateIndex);
  }

  childrenOf(rec: JobRecord): JobRecord[] {
    return [...this.jobs.values()].filter((c) => c.current.ParentID === rec.current.ID && c.current.Namespace === rec.current.Namespace);
  }

  summaryOf(rec: JobRecord): JobSummary {
    const job = rec.current;
    const namespace = String(job.Namespace);
    const summary: JobSummary['Summary'] = {};
    for (const group of job.TaskGroups ?? []) {
      const counts = { Complete: 0, Failed: 0, Lost: 0, Queued: 0, Running: 0, Starting: 0 };
      const failure = this.placementFailures.get(key(namespace, `${job.ID}\u0000${group.Name}`));
      if (failure && !job.Stop) counts.Queued = (group.Count ?? 0) - this.live(rec, String(group.Name)).length;
      for (const alloc of this.allocationsOf(namespace, String(job.ID), false).filter((a) => a.TaskGroup === group.Name)) {
        const field = ({ pending: 'Starting', running: 'Running', complete: 'Complete', failed: 'Failed', lost: 'Lost' } as const)[
          alloc.ClientStatus as ClientStatus
        ];
        if (field) counts[field]++;
      }
      summary[String(group.Name)] = counts;
    }
    const children = { Dead: 0, Pending: 0, Running: 0 };
    for (const child of this.childrenOf(rec)) {
      const status = child.current.Status;
      if (status === 'dead') children.Dead++;
      else if (status === 'running') children.Running++;
      else children.Pending++;
    }
    return {
      Children: children,
      CreateIndex: job.CreateIndex ?? 0,
      JobID: String(job.ID),
      ModifyIndex: rec.summaryIndex,
      Namespace: namespace,
      Summary: summary,
    };
  }

  /**
   * Stores `job` (already canonical) as a new version when its spec changed.
   * Returns undefined when it did not (Nomad then only creates an evaluation).
   */
  upsertJob(job: Job, namespace: string, keepSubmitTime = false): JobRecord | undefined {
    const existing = this.job(namespace, String(job.ID));
    if (existing && specOf(existing.current) === specOf(job)) return undefined;
    const index = this.commit('jobs', 'job_version', 'job_summary');
    const stored: Job = {
      ...clone(job),
      Namespace: namespace,
      CreateIndex: existing?.current.CreateIndex ?? index,
      ModifyIndex: index,
      JobModifyIndex: index,
      Version: existing ? (existing.current.Version ?? 0) + 1 : 0,
      Stable: false,
      Status: 'pending',
      SubmitTime: keepSubmitTime && existing ? existing.current.SubmitTime : this.clock() * 1e6,
    };
    if (existing) {
      existing.current = stored;
      existing.versions.set(stored.Version ?? 0, stored);
      existing.summaryIndex = index;
      return existing;
    }
    const rec: JobRecord = { current: stored, versions: new Map([[0, stored]]), summaryIndex: index };
    this.jobs.set(key(namespace, String(job.ID)), rec);
    return rec;
  }

  removeJob(rec: JobRecord): void {
    this.jobs.delete(key(String(rec.current.Namespace), String(rec.current.ID)));
  }

  /** Running or pending allocations of a group that are meant to run. */
  private live(rec: JobRecord, group: string): StoredAllocation[] {
    return this.allocationsOf(String(rec.current.Namespace), String(rec.current.ID), false).filter(
      (a) => a.TaskGroup === group && a.DesiredStatus === 'run' && !(rec.current.Type !== 'batch' && TERMINAL.has(a.ClientStatus)),
    );
  }

  private stopAllocation(alloc: StoredAllocation, index: number, description: string): void {
    alloc.DesiredStatus = 'stop';
    alloc.DesiredDescription = description;
    if (!TERMINAL.has(alloc.ClientStatus)) this.setClientStatus(alloc, 'complete', index);
    alloc.ModifyIndex = index;
  }

  private setClientStatus(alloc: StoredAllocation, status: ClientStatus, index: number): void {
    alloc.ClientStatus = status;
    alloc.ClientDescription = CLIENT_DESCRIPTIONS[status];
    alloc.TaskStates = Object.fromEntries(Object.keys(alloc.TaskStates ?? {}).map((t) => [t, taskState(status, this.clock())]));
    alloc.ModifyIndex = index;
    alloc.ModifyTime = this.clock() * 1e6;
  }

  /**
   * Runs one evaluation for the job: stops what a stopped job still runs,
   * otherwise replaces allocations of changed groups, scales to Count and
   * records placement failures injected with failPlacement.
   */
  schedule(rec: JobRecord, triggeredBy: string, options: { evalIndex?: number; newVersion: boolean; previous?: Job }): Evaluation {
    const job = rec.current;
    const now = this.clock();
    const evalIndex = options.evalIndex ?? this.commit('evals');
    this.stamp('evals');
    const evaluation = newEvaluation({ job, triggeredBy, raftIndex: evalIndex, nowMs: now, jobModifyIndex: job.JobModifyIndex ?? 0 });
    this.evaluations.set(evaluation.ID, evaluation);
    const index = this.commit('allocs', 'evals', 'job_summary');
    const namespace = String(job.Namespace);
    if (job.Stop) {
      for (const alloc of this.allocationsOf(namespace, String(job.ID))) {
        if (alloc.DesiredStatus === 'run') this.stopAllocation(alloc, index, 'alloc not needed due to job update');
      }
      for (const d of this.deploymentsOf(namespace, String(job.ID)).filter((d) => d.Status === 'running')) {
        Object.assign(d, { Status: 'cancelled', StatusDescription: DEPLOYMENT_DESCRIPTIONS.cancelled, ModifyIndex: index });
        this.stamp('deployment');
      }
    } else {
      const deployment = job.Type === 'service' && options.newVersion ? newDeployment(job, index, now) : undefined;
      if (deployment) {
        this.deployments.set(deployment.ID, deployment);
        evaluation.DeploymentID = deployment.ID;
        this.stamp('deployment');
      }
      const failed: Record<string, AllocationMetric> = {};
      for (const group of job.TaskGroups ?? []) {
        const name = String(group.Name);
        let live = this.live(rec, name);
        const before = options.previous?.TaskGroups?.find((g) => g.Name === name);
        const destructive =
          options.newVersion &&
          (!before || JSON.stringify(before.Tasks) !== JSON.stringify(group.Tasks) || JSON.stringify(options.previous?.Meta) !== JSON.stringify(job.Meta));
        if (destructive || (job.Type === 'batch' && options.newVersion)) {
          live.forEach((a) => this.stopAllocation(a, index, 'alloc is being updated due to job update'));
          live = [];
        }
        live.forEach((a) => Object.assign(a, { Job: job, JobVersion: job.Version, ModifyIndex: index }));
        const want = group.Count ?? 1;
        live.slice(want).forEach((a) => this.stopAllocation(a, index, 'alloc not needed due to job update'));
        const failure = this.placementFailures.get(key(namespace, `${job.ID}\u0000${name}`));
        if (failure && want > live.length) {
          failed[name] = { ...failure, CoalescedFailures: want - live.length - 1 };
          continue;
        }
        const taken = new Set(live.map((a) => a.Name));
        for (let i = 0; live.length < want; i++) {
          if (taken.has(`${job.ID}.${name}[${i}]`)) continue;
          const alloc = newAllocation({ job, group: name, index: i, evalId: evaluation.ID, deploymentId: deployment?.ID ?? '', raftIndex: index, nowMs: now });
          this.allocations.set(alloc.ID, alloc);
          live.push(alloc);
        }
        if (deployment?.TaskGroups?.[name]) deployment.TaskGroups[name].PlacedAllocs = live.length;
      }
      if (Object.keys(failed).length) {
        const blocked = newEvaluation({ job, triggeredBy: 'queued-allocs', raftIndex: index, nowMs: now, status: 'blocked', extra: { PreviousEval: evaluation.ID } });
        this.evaluations.set(blocked.ID, blocked);
        Object.assign(evaluation, { FailedTGAllocs: failed, BlockedEval: blocked.ID });
      }
    }
    Object.assign(evaluation, { Status: 'complete', ModifyIndex: index });
    rec.summaryIndex = index;
    this.refreshStatus(rec);
    if (this.autoConverge) this.converge();
    return evaluation;
  }

  /** Moves pending allocations to their steady state and finishes running deployments, in one index. */
  converge(): void {
    const pending = [...this.allocations.values()].filter((a) => a.DesiredStatus === 'run' && a.ClientStatus === 'pending');
    const running = [...this.deployments.values()].filter((d) => d.Status === 'running');
    if (!pending.length && !running.length) return;
    const index = this.commit('allocs', 'job_summary', 'deployment');
    for (const alloc of pending) {
      this.setClientStatus(alloc, alloc.Job.Type === 'batch' ? 'complete' : 'running', index);
      if (alloc.DeploymentID) {
        alloc.DeploymentStatus = { Canary: false, Healthy: true, ModifyIndex: index, Timestamp: new Date(this.clock()).toISOString() };
      }
    }
    for (const deployment of running) {
      for (const state of Object.values(deployment.TaskGroups ?? {})) state.HealthyAllocs = state.PlacedAllocs;
      Object.assign(deployment, { Status: 'successful', StatusDescription: DEPLOYMENT_DESCRIPTIONS.successful, ModifyIndex: index });
      const rec = this.job(String(deployment.Namespace), deployment.JobID);
      const version = rec?.versions.get(deployment.JobVersion);
      if (version) {
        version.Stable = true;
        this.stamp('jobs', 'job_version');
        // The deployment watcher evaluates the job once more when a deployment ends.
        const followUp = newEvaluation({ job: version, triggeredBy: 'deployment-watcher', raftIndex: index, nowMs: this.clock(), deploymentId: deployment.ID });
        this.evaluations.set(followUp.ID, followUp);
        this.stamp('evals');
      }
    }
    for (const rec of this.jobs.values()) {
      rec.summaryIndex = index;
      this.refreshStatus(rec);
    }
  }

  /** Recomputes a job's status from its allocations; a change bumps the job's ModifyIndex. */
  refreshStatus(rec: JobRecord): void {
    const job = rec.current;
    let status = 'pending';
    const allocs = this.allocationsOf(String(job.Namespace), String(job.ID), false);
    if (job.Stop) status = 'dead';
    else if ((job.Periodic?.Enabled || job.ParameterizedJob) && !job.Dispatched) status = 'running';
    else if (allocs.some((a) => !TERMINAL.has(a.ClientStatus) && a.DesiredStatus === 'run')) status = 'running';
    else if (allocs.length && !this.hasQueued(rec)) status = 'dead';
    if (status === job.Status) return;
    job.Status = status;
    job.ModifyIndex = this.raftIndex;
    this.stamp('jobs');
    const parent = job.ParentID ? this.job(String(job.Namespace), job.ParentID) : undefined;
    if (parent) parent.summaryIndex = this.raftIndex;
  }

  private hasQueued(rec: JobRecord): boolean {
    return Object.values(this.summaryOf(rec).Summary).some((s) => s.Queued > 0);
  }

  // ---- helpers for tests -------------------------------------------------

  /** Registers a job as POST /v1/jobs would (validation, versions, evaluation, allocations) and returns it as stored. */
  seedJob(job: Job, namespace = 'default'): Job {
    registerJob(this, JSON.stringify({ Job: job }), namespace);
    const rec = this.job(typeof job.Namespace === 'string' && job.Namespace ? job.Namespace : namespace, String(job.ID));
    return rec!.current;
  }

  /** Makes placements of `group` fail (plan FailedTGAllocs, blocked evals) until cleared. */
  failPlacement(jobId: string, group: string, metric: AllocationMetric = {}, namespace = 'default'): void {
    this.placementFailures.set(key(namespace, `${jobId}\u0000${group}`), {
      NodesEvaluated: 1, NodesFiltered: 0, NodesAvailable: { dc1: 1 }, ClassFiltered: null, ConstraintFiltered: null,
      NodesExhausted: 1, ClassExhausted: null, DimensionExhausted: { memory: 1 }, QuotaExhausted: null, Scores: null,
      AllocationTime: 25000, CoalescedFailures: 0, ...metric,
    });
  }

  placementFailure(namespace: string, jobId: string, group: string): AllocationMetric | undefined {
    return this.placementFailures.get(key(namespace, `${jobId}\u0000${group}`));
  }

  clearPlacementFailures(): void {
    this.placementFailures.clear();
  }

  /** Changes an allocation's client status (e.g. 'failed') and wakes watchers. */
  setAllocationStatus(id: string, status: ClientStatus): void {
    const alloc = this.allocations.get(id);
    if (!alloc) throw new Error(`no allocation ${id}`);
    const index = this.commit('allocs', 'job_summary');
    this.setClientStatus(alloc, status, index);
    const rec = this.job(alloc.Namespace ?? 'default', alloc.JobID);
    if (rec) {
      rec.summaryIndex = index;
      this.refreshStatus(rec);
    }
    this.notify();
  }

  addNamespace(name: string, description = ''): void {
    const index = this.commit('namespaces');
    this.namespaces.set(name, { Name: name, Description: description, Quota: '', CreateIndex: index, ModifyIndex: index });
    this.notify();
  }
}
