// nomad.forcePeriodicLaunch: run a periodic job now instead of at its next
// scheduled time. The answer only names an evaluation; that evaluation
// belongs to the new child job, so we read it to tell the user the child's id.
import { reportFailure, shortId, type ActionContext } from './actionContext';
import { isPeriodicParent, jobRefFrom, pickJob } from './targets';

export async function forcePeriodicLaunch(ctx: ActionContext, arg?: unknown): Promise<void> {
  const job = jobRefFrom(arg) ?? (await pickJob(ctx, { title: 'Launch which periodic job now?', accepts: isPeriodicParent, noneMessage: 'The cluster has no periodic jobs.' }));
  if (!job) return;
  try {
    const client = await ctx.getClient();
    const { value: definition } = await client.readJob(job.id, { namespace: job.namespace });
    if (!definition.Periodic) {
      ctx.ui.error(`"${job.id}" is not a periodic job, so there is no launch to force.`, 'Only jobs with a periodic block can be launched on demand; use Evaluate to re-run the scheduler for other jobs.');
      return;
    }
    if (definition.Periodic.Enabled === false) {
      ctx.ui.error(`"${job.id}" has its periodic schedule disabled, so Nomad will not launch it.`, 'Enable the periodic block (enabled = true) and run the job again first.');
      return;
    }
    const reply = await ctx.ui.withProgress(`Launching ${job.id}…`, () => client.forcePeriodic(job.id, { namespace: job.namespace }));
    const child = await childJobOf(ctx, reply.EvalID, job.namespace);
    ctx.ui.info(child ? `Launched "${job.id}" as ${child} (evaluation ${shortId(reply.EvalID)}).` : `Launched "${job.id}" (evaluation ${shortId(reply.EvalID)}).`);
    if (child) await ctx.ui.executeCommand('nomad.revealJob', child, job.namespace).catch(() => undefined);
  } catch (error) {
    reportFailure(ctx.ui, `Launching "${job.id}"`, error);
  }
}

/** The child job the launch created, or undefined when its evaluation cannot be read (the launch itself worked). */
async function childJobOf(ctx: ActionContext, evalId: string, namespace: string | undefined): Promise<string | undefined> {
  if (!evalId) return undefined;
  try {
    const client = await ctx.getClient();
    return (await client.readEvaluation(evalId, { namespace })).value.JobID || undefined;
  } catch {
    return undefined;
  }
}
