// Everything the tree shows for one connection and scope (namespace, region, filter):
// the live job list, the job nodes built from it, and which of them need a redraw.
import type { ActiveConnection } from '../connection/connectionManager';
import type { NomadError } from '../nomad/errors';
import type { JobListStub } from '../nomad/types';
import type { ExplorerContext } from './explorerContext';
import { LiveResource } from './liveResource';
import { JobNode } from './nodes/jobNode';
import { MessageNode } from './nodes/messageNode';
import type { ExplorerNode } from './nodes/node';
import { buildJobForest, childrenOf, filterJobForest, jobKey, type JobForest } from './presentation/jobForest';
import { emptyView, problemView } from './presentation/problemPresentation';
import { WatchSet } from './watchSet';

/** Drives the welcome view and other `when` clauses through the `nomad.explorerState` context key. */
export type ExplorerState = 'ok' | 'empty' | 'notConfigured' | 'unreachable' | 'denied' | 'tls' | 'error';

export interface SessionScope {
  namespace?: string;
  region?: string;
}

export interface SessionHost {
  refresh(node?: ExplorerNode): void;
  reportOutcome(error: NomadError | undefined): void;
  stateChanged(state: ExplorerState): void;
}

const LIST_OWNER = 'root';

/** A job's node depends on where it hangs, so the cache key includes the parent (always in the same namespace). */
function cacheKey(job: JobListStub, parent: JobListStub | undefined): string {
  return `${jobKey(job.Namespace, job.ID)}\u0000${parent ? parent.ID : ''}`;
}

/** Whether a row must be redrawn: anything it shows comes from these fields. */
function jobChanged(previous: JobListStub, next: JobListStub): boolean {
  return (
    previous.ModifyIndex !== next.ModifyIndex ||
    previous.JobSummary?.ModifyIndex !== next.JobSummary?.ModifyIndex ||
    previous.Status !== next.Status ||
    previous.Stop !== next.Stop
  );
}

/** A parent is redrawn when its children come or go (its folder shows how many). */
function childrenChanged(previous: readonly JobListStub[], next: readonly JobListStub[]): boolean {
  return previous.length !== next.length || previous[0]?.ID !== next[0]?.ID;
}
const EMPTY_FOREST: JobForest = { roots: [], children: new Map(), total: 0 };

function stateForError(error: NomadError, explicit: boolean): ExplorerState {
  switch (error.kind) {
    case 'unreachable':
    case 'timeout':
      return explicit ? 'unreachable' : 'notConfigured';
    case 'permissionDenied':
      return 'denied';
    case 'tls':
      return 'tls';
    default:
      return 'error';
  }
}

export class ExplorerSession implements ExplorerContext {
  readonly watches = new WatchSet();
  readonly list: LiveResource<JobListStub[]>;
  private forest = EMPTY_FOREST;
  private shown = EMPTY_FOREST;
  private filterText = '';
  /** Job nodes handed to VS Code, by job key plus parent key (a node's parent never changes). */
  private readonly nodes = new Map<string, JobNode>();
  private rootOrder = '';
  private failed = false;

  constructor(
    private readonly connection: ActiveConnection,
    private readonly scope: SessionScope,
    private readonly host: SessionHost,
  ) {
    this.list = new LiveResource<JobListStub[]>(
      (index, signal) =>
        connection.client.listJobs({ namespace: this.namespace, region: this.region, index, signal }),
      () => this.listChanged(),
    );
  }

  get client() {
    return this.connection.client;
  }

  get clusterName(): string {
    return this.connection.cluster.name;
  }

  get namespace(): string | undefined {
    return this.scope.namespace ?? this.connection.client.config.namespace;
  }

  get region(): string | undefined {
    return this.scope.region ?? this.connection.client.config.region;
  }

  get filter(): string {
    return this.filterText;
  }

  /** How many jobs pass the filter, and how many there are. */
  get counts(): { shown: number; total: number } {
    return { shown: this.shown.total, total: this.forest.total };
  }

  now(): number {
    return Date.now();
  }

  refresh(node?: ExplorerNode): void {
    this.host.refresh(node);
  }

  setFilter(text: string): void {
    this.filterText = text.trim();
    this.reconcile(true);
  }

  async roots(): Promise<ExplorerNode[]> {
    this.watches.want(this.list, LIST_OWNER);
    await this.list.whenSettled();
    const { value, error } = this.list;
    const rows: ExplorerNode[] = [];
    if (error) {
      const state = stateForError(error, this.connection.explicit);
      this.host.stateChanged(state);
      // With nothing configured and nothing at the default address, the welcome view explains what to do.
      if (state === 'notConfigured') return [];
      rows.push(new MessageNode(problemView(error, this.listSubject()), undefined));
    }
    if (!value) return rows;
    if (!error) this.host.stateChanged(value.length ? 'ok' : 'empty');
    if (this.shown.roots.length === 0) rows.push(new MessageNode(emptyView(this.namespace, this.filterText), undefined));
    for (const job of this.shown.roots) rows.push(this.nodeFor(job, undefined));
    return rows;
  }

  childJobNodes(parent: JobNode): JobNode[] {
    return childrenOf(this.shown, parent.stub).map((child) => this.nodeFor(child, parent));
  }

  childJobCount(parent: JobListStub): number {
    return childrenOf(this.shown, parent).length;
  }

  /** The node for a job, when the job is listed and passes the filter. */
  findJob(id: string, namespace?: string): JobNode | undefined {
    const matches = (job: JobListStub) => job.ID === id && (!namespace || !job.Namespace || job.Namespace === namespace);
    const root = this.shown.roots.find(matches);
    if (root) return this.nodeFor(root, undefined);
    for (const parent of this.shown.roots) {
      const child = childrenOf(this.shown, parent).find(matches);
      if (child) return this.nodeFor(child, this.nodeFor(parent, undefined));
    }
    return undefined;
  }

  private nodeFor(job: JobListStub, parentJob: JobNode | undefined): JobNode {
    const key = cacheKey(job, parentJob?.stub);
    let node = this.nodes.get(key);
    if (!node) {
      node = new JobNode(this, job, parentJob?.childJobsFolder);
      this.nodes.set(key, node);
    }
    node.stub = job;
    return node;
  }

  private listSubject() {
    const namespace = this.namespace === '*' ? undefined : this.namespace;
    return {
      address: this.client.config.address,
      action: 'list jobs',
      capability: 'list-jobs',
      namespace,
      tokenGivenFor: this.connection.tokenGivenFor,
    };
  }

  /** New list (or a failure) from the server. */
  private listChanged(): void {
    const { value, error } = this.list;
    this.host.reportOutcome(error);
    const recovered = this.failed && !error;
    this.failed = Boolean(error);
    if (!value || error) {
      this.host.refresh();
      return;
    }
    this.forest = buildJobForest(value);
    this.reconcile(recovered);
  }

  /** Redraws only the jobs that changed, unless the top level itself changed (or `full` is asked for). */
  private reconcile(full: boolean): void {
    const before = this.shown;
    this.shown = filterJobForest(this.forest, this.filterText);
    const seen = new Set<string>();
    const changed: JobNode[] = [];
    const order: string[] = [];
    for (const root of this.shown.roots) {
      order.push(jobKey(root.Namespace, root.ID));
      this.collectChanges(root, undefined, before, seen, changed);
    }
    this.pruneNodes(seen);
    const rootOrder = order.join('\n');
    if (full || rootOrder !== this.rootOrder) {
      this.rootOrder = rootOrder;
      this.host.refresh();
      return;
    }
    for (const node of changed) this.host.refresh(node);
  }

  /** Marks each shown job as seen, hands cached nodes their new stub and collects those that changed. */
  private collectChanges(job: JobListStub, parent: JobListStub | undefined, before: JobForest, seen: Set<string>, changed: JobNode[]): void {
    const key = cacheKey(job, parent);
    seen.add(key);
    const children = childrenOf(this.shown, job);
    const node = this.nodes.get(key);
    if (node) {
      if (jobChanged(node.stub, job) || childrenChanged(childrenOf(before, node.stub), children)) changed.push(node);
      node.stub = job;
    }
    for (const child of children) this.collectChanges(child, job, before, seen, changed);
  }

  /** Drops nodes of jobs that left the list (deleted, purged, filtered out, re-parented) and stops their watches. */
  private pruneNodes(seen: Set<string>): void {
    for (const [key, node] of this.nodes) {
      if (seen.has(key)) continue;
      this.nodes.delete(key);
      this.watches.forget(node.key);
    }
  }

  dispose(): void {
    this.watches.dispose();
  }
}
