// nomad.stopAllocation: stop one allocation after a modal confirmation; Nomad
// places a replacement when the job still wants that many.
import { stopAllocation as stopEndpoint } from '../../nomad/allocations';
import { shortId, type ActionContext } from './actionContext';
import { allocationToChange, reportLifecycleFailure } from './allocationLifecycle';

export const STOP_ALLOCATION = 'Stop Allocation';

export async function stopAllocation(ctx: ActionContext, arg?: unknown): Promise<void> {
  const alloc = await allocationToChange(ctx, arg, 'Stop which allocation?');
  if (!alloc) return;
  const name = `allocation ${shortId(alloc.id)}${alloc.jobId ? ` of "${alloc.jobId}"` : ''}`;
  const answer = await ctx.ui.confirm(`Stop ${name}?`, {
    detail: 'Its tasks are killed. If the job still wants this many allocations, Nomad places a replacement, possibly on another node.',
    actions: [STOP_ALLOCATION],
  });
  if (answer !== STOP_ALLOCATION) return;
  try {
    const client = await ctx.getClient();
    const reply = await ctx.ui.withProgress(`Stopping ${name}…`, () => stopEndpoint(client, alloc.id, { namespace: alloc.namespace }));
    ctx.ui.info(`Stopped ${name}${reply.EvalID ? `; evaluation ${shortId(reply.EvalID)} places a replacement if one is needed` : ''}.`);
  } catch (error) {
    reportLifecycleFailure(ctx, `Stopping ${name}`, error, alloc.namespace);
  }
}
