// What nodes need from their surroundings: the client and scope of the current session,
// the watch bookkeeping, and a way to ask for a (debounced) redraw.
import type { NomadClient } from '../nomad/client';
import type { JobListStub } from '../nomad/types';
import type { JobNode } from './nodes/jobNode';
import type { ExplorerNode } from './nodes/node';
import type { WatchSet } from './watchSet';

export interface ExplorerContext {
  readonly client: NomadClient;
  readonly clusterName: string;
  /** The namespace the tree lists; `*` for all. */
  readonly namespace: string | undefined;
  readonly region: string | undefined;
  readonly watches: WatchSet;
  /** Redraw one node (or everything when omitted); calls are coalesced. */
  refresh(node?: ExplorerNode): void;
  /** Child job nodes (dispatched or periodic) under a parent, after the filter. */
  childJobNodes(parent: JobNode): JobNode[];
  childJobCount(parent: JobListStub): number;
  now(): number;
}

/** Query options that every per-job request shares: the job's own namespace and the tree's region. */
export function jobQuery(ctx: ExplorerContext, job: JobListStub): { namespace?: string; region?: string } {
  return { namespace: job.Namespace ?? (ctx.namespace === '*' ? undefined : ctx.namespace), region: ctx.region };
}
