// Finding the allocation and task an allocation action works on: from the
// tree row, or from the palette by picking a job, one of its allocations and
// (where it matters) one of its tasks.
import type { Allocation } from '../../nomad/types';
import type { ActionContext } from './actionContext';
import { shortId } from './actionContext';
import type { PickItem } from './actionUi';
import { allocationRefFrom, pickJob, type AllocationRef } from './targets';

/** The allocation from the row, or one the user picks among a job's allocations. */
export async function resolveAllocation(ctx: ActionContext, arg: unknown, title: string): Promise<AllocationRef | undefined> {
  const given = allocationRefFrom(arg);
  if (given) return given;
  const job = await pickJob(ctx, { title });
  if (!job) return undefined;
  const client = await ctx.getClient();
  const { value: allocations } = await client.jobAllocations(job.id, { namespace: job.namespace });
  if (allocations.length === 0) {
    ctx.ui.info(`Job "${job.id}" has no allocations.`);
    return undefined;
  }
  const items: PickItem<AllocationRef>[] = allocations.map((alloc) => ({
    label: alloc.Name,
    description: [shortId(alloc.ID), alloc.ClientStatus, alloc.NodeName].filter(Boolean).join(' · '),
    value: { id: alloc.ID, namespace: alloc.Namespace ?? job.namespace, jobId: alloc.JobID },
  }));
  return ctx.ui.pick(items, { title, placeholder: 'Pick an allocation' });
}

/** Task names of the allocation: from its task states, or from its job's group when none has started yet. */
export function taskNames(allocation: Allocation): string[] {
  const fromStates = Object.keys(allocation.TaskStates ?? {});
  if (fromStates.length > 0) return fromStates.sort();
  const group = allocation.Job?.TaskGroups?.find((g) => g.Name === allocation.TaskGroup);
  return (group?.Tasks ?? []).map((task) => task.Name ?? '').filter(Boolean);
}

/** The task to act on: the row's, the only one, or the user's pick. */
export async function resolveTask(ctx: ActionContext, alloc: AllocationRef, allocation: Allocation, title: string): Promise<string | undefined> {
  if (alloc.task) return alloc.task;
  const names = taskNames(allocation);
  if (names.length <= 1) return names[0];
  const items: PickItem<string>[] = names.map((name) => ({ label: name, description: allocation.TaskStates?.[name]?.State, value: name }));
  return ctx.ui.pick(items, { title, placeholder: 'Pick a task' });
}
