// nomad.restartAllocation: restart one task (from a task row) or every task
// of an allocation in place, after a modal confirmation.
import { restartAllocation as restartEndpoint } from '../../nomad/allocations';
import { shortId, type ActionContext } from './actionContext';
import { allocationToChange, reportLifecycleFailure } from './allocationLifecycle';

export const RESTART = 'Restart';

export async function restartAllocation(ctx: ActionContext, arg?: unknown): Promise<void> {
  const alloc = await allocationToChange(ctx, arg, 'Restart which allocation?');
  if (!alloc) return;
  const what = alloc.task ? `task "${alloc.task}" of allocation ${shortId(alloc.id)}` : `every task of allocation ${shortId(alloc.id)}`;
  const answer = await ctx.ui.confirm(`Restart ${what}?`, {
    detail: 'The tasks are stopped and started again on the same node; the allocation keeps its id. This counts as a restart in the task events.',
    actions: [RESTART],
  });
  if (answer !== RESTART) return;
  try {
    const client = await ctx.getClient();
    await ctx.ui.withProgress(`Restarting ${what}…`, () => restartEndpoint(client, alloc.id, { task: alloc.task, namespace: alloc.namespace }));
    ctx.ui.info(`Restarted ${what}.`);
  } catch (error) {
    reportLifecycleFailure(ctx, `Restarting ${what}`, error, alloc.namespace);
  }
}
