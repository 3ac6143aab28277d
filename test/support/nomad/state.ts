// The fake cluster's memory: jobs with their versions, allocations,
// evaluations, deployments and namespaces, and a raft-like global index with
// per-table indexes (what blocking queries wait on). Scheduling lives in
// scheduler.ts. Tests reach in through the public helpers to seed jobs and
// change things.
import type { JobSubmission } from '../../../client/src/nomad/submissions';
import type { Variable } from '../../../client/src/nomad/variables';
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
import { firstNode, newNode, type FakeNode } from './nodes';
import type { ClientStatus, StoredAllocation } from './records';
import { converge, liveAllocations, refreshStatus, setClientStatus } from './scheduler';

export type Table = 'jobs' | 'job_summary' | 'job_version' | 'allocs' | 'evals' | 'deployment' | 'namespaces' | 'nodes' | 'variables';

export interface JobRecord {
  current: Job;
  /** Every version by number; the current one is the same object as `current`. */
  versions: Map<number, Job>;
  summaryIndex: number;
}

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
  readonly nodes = new Map<string, FakeNode>([[firstNode().ID, firstNode()]]);
  /** Job sources by namespace, job and version (submissions.ts). */
  readonly submissions = new Map<string, JobSubmission>();
  /** Variables by namespace and path (variables.ts). */
  readonly variables = new Map<string, Variable>();
  private raftIndex = 1;
  private readonly tables = new Map<Table, number>();
  private readonly listeners = new Set<() => void>();
  private readonly placementFailures = new Map<string, AllocationMetric>();

  constructor(readonly clock: () => number = Date.now) {
    this.namespaces.set('default', { Name: 'default', Description: 'Default shared namespace', Quota: '', CreateIndex: 1, ModifyIndex: 1 });
    this.tables.set('namespaces', 1);
    this.tables.set('nodes', 1);
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

  /** Stamps tables with the current index (for writes that share one index). */
  stamp(...tables: Table[]): void {
    for (const table of tables) this.tables.set(table, this.raftIndex);
  }

  /** Wakes every blocking query so it re-checks its index. */
  notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /** How many blocking queries are waiting right now (tests wait for this before changing things). */
  get parkedQueries(): number {
    return this.listeners.size;
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
      if (failure && !job.Stop) counts.Queued = (group.Count ?? 0) - liveAllocations(this, rec, String(group.Name)).length;
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
    // A tag names one version; a new version (a revert of a tagged one, too) starts without.
    delete stored.VersionTag;
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

  /** Moves pending allocations to their steady state and finishes running deployments (with autoConverge off). */
  converge(): void {
    converge(this);
    this.notify();
  }

  /** Changes an allocation's client status (e.g. 'failed') and wakes watchers. */
  setAllocationStatus(id: string, status: ClientStatus): void {
    const alloc = this.allocations.get(id);
    if (!alloc) throw new Error(`no allocation ${id}`);
    const index = this.commit('allocs', 'job_summary');
    setClientStatus(this, alloc, status, index);
    const rec = this.job(alloc.Namespace ?? 'default', alloc.JobID);
    if (rec) {
      rec.summaryIndex = index;
      refreshStatus(this, rec);
    }
    this.notify();
  }

  addNamespace(name: string, description = ''): void {
    const index = this.commit('namespaces');
    this.namespaces.set(name, { Name: name, Description: description, Quota: '', CreateIndex: index, ModifyIndex: index });
    this.notify();
  }

  /** Adds a client node that is listed (GET /v1/nodes) but never scheduled on. */
  addNode(fields: Partial<FakeNode> = {}): FakeNode {
    const node = newNode(fields, this.commit('nodes'));
    this.nodes.set(node.ID, node);
    this.notify();
    return node;
  }
}
