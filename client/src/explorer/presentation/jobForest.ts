// Arranges the flat job list as the explorer shows it: dispatched and periodic children
// (jobs with a ParentID) sit under their parent instead of flooding the top level.
import type { JobListStub } from '../../nomad/types';

export function jobKey(namespace: string | undefined, id: string): string {
  return `${namespace ?? ''}\u0000${id}`;
}

export interface JobForest {
  /** Top-level jobs in server order (sorted by id), plus children whose parent is not listed. */
  readonly roots: readonly JobListStub[];
  /** Children per parent key, newest first. */
  readonly children: ReadonlyMap<string, readonly JobListStub[]>;
  readonly total: number;
}

export function childrenOf(forest: JobForest, parent: JobListStub): readonly JobListStub[] {
  return forest.children.get(jobKey(parent.Namespace, parent.ID)) ?? [];
}

export function buildJobForest(jobs: readonly JobListStub[]): JobForest {
  const present = new Set<string>();
  for (const job of jobs) present.add(jobKey(job.Namespace, job.ID));
  const roots: JobListStub[] = [];
  const children = new Map<string, JobListStub[]>();
  for (const job of jobs) {
    const parentKey = job.ParentID ? jobKey(job.Namespace, job.ParentID) : undefined;
    if (parentKey && present.has(parentKey)) {
      const siblings = children.get(parentKey);
      if (siblings) siblings.push(job);
      else children.set(parentKey, [job]);
    } else {
      roots.push(job);
    }
  }
  for (const siblings of children.values()) siblings.sort(newestFirst);
  return { roots, children, total: jobs.length };
}

function newestFirst(a: JobListStub, b: JobListStub): number {
  return (b.SubmitTime ?? 0) - (a.SubmitTime ?? 0) || (a.ID < b.ID ? 1 : a.ID > b.ID ? -1 : 0);
}

/** Case-insensitive text match on id or name. */
export function jobMatches(job: JobListStub, filter: string): boolean {
  const needle = filter.toLowerCase();
  return job.ID.toLowerCase().includes(needle) || (job.Name ?? '').toLowerCase().includes(needle);
}

/** Keeps matching jobs; a parent stays (with only its matching children) when a child matches. */
export function filterJobForest(forest: JobForest, filter: string): JobForest {
  const text = filter.trim();
  if (!text) return forest;
  const roots: JobListStub[] = [];
  const children = new Map<string, JobListStub[]>();
  let total = 0;
  for (const root of forest.roots) {
    const key = jobKey(root.Namespace, root.ID);
    const kids = (forest.children.get(key) ?? []).filter((child) => jobMatches(child, text));
    if (kids.length) children.set(key, kids);
    if (kids.length || jobMatches(root, text)) {
      roots.push(root);
      total += 1 + kids.length;
    }
  }
  return { roots, children, total };
}
