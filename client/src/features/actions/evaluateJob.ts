// nomad.evaluateJob: have the scheduler look at a job again, optionally
// forcing failed allocations to be rescheduled now rather than after their
// reschedule delay. Nomad refuses this for periodic and parameterized jobs
// (they only run through launches and dispatches), so we say so up front.
import { reportFailure, shortId, type ActionContext } from './actionContext';
import type { PickItem } from './actionUi';
import { jobRefFrom, pickJob } from './targets';

export async function evaluateJob(ctx: ActionContext, arg?: unknown): Promise<void> {
  const job = jobRefFrom(arg) ?? (await pickJob(ctx, { title: 'Evaluate which job?', accepts: (j) => !j.Periodic && !j.ParameterizedJob }));
  if (!job) return;
  try {
    const client = await ctx.getClient();
    const { value: definition } = await client.readJob(job.id, { namespace: job.namespace });
    if (definition.Periodic || (definition.ParameterizedJob && !definition.Dispatched)) {
      const kind = definition.Periodic ? 'periodic' : 'parameterized';
      ctx.ui.error(`Nomad does not evaluate ${kind} jobs such as "${job.id}".`, definition.Periodic ? 'Use Force Periodic Launch to run it now.' : 'Use Dispatch to run an instance of it.');
      return;
    }
    const items: PickItem<boolean>[] = [
      { label: 'Evaluate', detail: 'Run the scheduler for this job again', value: false },
      { label: 'Evaluate and force rescheduling', detail: 'Also reschedule failed allocations now, ignoring their reschedule delay', value: true },
    ];
    const forceReschedule = await ctx.ui.pick(items, { title: `Evaluate ${job.id}` });
    if (forceReschedule === undefined) return;
    const reply = await ctx.ui.withProgress(`Evaluating ${job.id}…`, () => client.evaluateJob(job.id, { namespace: job.namespace, forceReschedule }));
    ctx.ui.info(`Created evaluation ${shortId(reply.EvalID)} for "${job.id}"${forceReschedule ? ', forcing failed allocations to reschedule' : ''}.`);
  } catch (error) {
    reportFailure(ctx.ui, `Evaluating "${job.id}"`, error);
  }
}
