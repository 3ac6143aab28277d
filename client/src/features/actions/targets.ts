// What an action acts on, and how it is found: from the tree row the command
// was invoked on, from a plain object (tests, other commands), or, from the
// command palette, by asking the user to pick among the cluster's jobs.
import type { JobListStub } from '../../nomad/types';
import type { ActionContext } from './actionContext';
import type { PickItem } from './actionUi';

export interface JobRef {
  id: string;
  namespace?: string;
}

export interface VersionRef {
  job: JobRef;
  version: number;
}

export interface AllocationRef {
  id: string;
  namespace?: string;
  jobId?: string;
  /** Set when the command came from a task row. */
  task?: string;
}

/** A task group of a job. */
export interface GroupRef {
  job: JobRef;
  group: string;
}

type Bag = Record<string, unknown>;

const asBag = (value: unknown): Bag | undefined => (typeof value === 'object' && value !== null ? (value as Bag) : undefined);
const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isInteger(value) ? value : undefined);

/** A job from a job row (`{ job: JobListStub }`), a version row, or a plain `{ id, namespace }`. */
export function jobRefFrom(arg: unknown): JobRef | undefined {
  const bag = asBag(arg);
  if (!bag) return undefined;
  const stub = asBag(bag.job) ?? asBag(bag.stub);
  if (stub && str(stub.ID)) return { id: str(stub.ID)!, namespace: str(stub.Namespace) };
  const nested = asBag(bag.job);
  if (nested && str(nested.id)) return { id: str(nested.id)!, namespace: str(nested.namespace) };
  const id = str(bag.jobId) ?? str(bag.id);
  return id ? { id, namespace: str(bag.namespace) } : undefined;
}

/** A version from a version row (`{ jobId, version }` or `{ job, version: Job }`) or a plain `{ job: {id}, version: 3 }`. */
export function versionRefFrom(arg: unknown): VersionRef | undefined {
  const bag = asBag(arg);
  if (!bag) return undefined;
  const versionJob = asBag(bag.version);
  const version = num(bag.version) ?? num(versionJob?.Version);
  const job = jobRefFrom(bag) ?? (versionJob && str(versionJob.ID) ? { id: str(versionJob.ID)!, namespace: str(versionJob.Namespace) } : undefined);
  return job && version !== undefined ? { job, version } : undefined;
}

/** An allocation from an allocation row (`{ allocation: stub }`), a task row (`{ allocation, task }`) or a plain `{ id }`. */
export function allocationRefFrom(arg: unknown): AllocationRef | undefined {
  const bag = asBag(arg);
  if (!bag) return undefined;
  const stub = asBag(bag.allocation) ?? asBag(bag.alloc);
  const task = str(bag.task) ?? str(bag.taskName) ?? str(asBag(bag.task)?.name);
  if (stub && str(stub.ID)) return { id: str(stub.ID)!, namespace: str(stub.Namespace), jobId: str(stub.JobID), task };
  const id = str(bag.allocId) ?? str(bag.id);
  return id ? { id, namespace: str(bag.namespace), jobId: str(bag.jobId), task } : undefined;
}

/** A group from a task group row (`{ job: JobListStub, group }`) or a plain `{ job: { id }, group }`. */
export function groupRefFrom(arg: unknown): GroupRef | undefined {
  const bag = asBag(arg);
  const group = str(bag?.group);
  const job = group ? jobRefFrom(bag) : undefined;
  return job && group ? { job, group } : undefined;
}

/** Asks for one of the cluster's jobs that `accepts`; undefined when cancelled or none fits. */
export async function pickJob(
  ctx: ActionContext,
  options: { title: string; accepts?: (job: JobListStub) => boolean; noneMessage?: string },
): Promise<JobRef | undefined> {
  const client = await ctx.getClient();
  const { value: jobs } = await ctx.ui.withProgress('Reading jobs…', () => client.listJobs({}));
  const fitting = jobs.filter((job) => options.accepts?.(job) ?? true);
  if (fitting.length === 0) {
    ctx.ui.info(options.noneMessage ?? 'The cluster has no jobs to act on.');
    return undefined;
  }
  const items: PickItem<JobRef>[] = fitting.map((job) => ({
    label: job.ID,
    description: [job.Namespace && job.Namespace !== 'default' ? job.Namespace : '', job.Type, job.Stop ? 'stopped' : job.Status]
      .filter(Boolean)
      .join(' · '),
    value: { id: job.ID, namespace: job.Namespace },
  }));
  return ctx.ui.pick(items, { title: options.title, placeholder: 'Pick a job' });
}

/** Job filters for the palette pickers, matching where the tree offers each action. */
export const isParameterizedParent = (job: JobListStub): boolean => job.ParameterizedJob === true && !job.ParentID;
export const isPeriodicParent = (job: JobListStub): boolean => job.Periodic === true && !job.ParentID;
export const isNotStopped = (job: JobListStub): boolean => !job.Stop;
