// nomad.stopJob and nomad.purgeJob. Stopping asks once (modal) and offers
// purging as a second choice; purging always takes a second, explicit
// confirmation because it deletes the job's versions and history for good.
import { reportFailure, shortId, type ActionContext } from './actionContext';
import { isNotStopped, jobRefFrom, pickJob, type JobRef } from './targets';

export const STOP = 'Stop';
export const STOP_AND_PURGE = 'Stop and Purge…';
export const PURGE = 'Purge';

export async function stopJob(ctx: ActionContext, arg?: unknown): Promise<void> {
  const job = jobRefFrom(arg) ?? (await pickJob(ctx, { title: 'Stop which job?', accepts: isNotStopped, noneMessage: 'No running jobs to stop.' }));
  if (!job) return;
  const answer = await ctx.ui.confirm(`Stop job "${job.id}"?`, {
    detail: 'Nomad stops all of its allocations. The job stays listed as stopped, with its versions, until it is purged or garbage-collected.',
    actions: [STOP, STOP_AND_PURGE],
  });
  if (answer === STOP) await deregister(ctx, job, false);
  else if (answer === STOP_AND_PURGE && (await confirmPurge(ctx, job))) await deregister(ctx, job, true);
}

export async function purgeJob(ctx: ActionContext, arg?: unknown): Promise<void> {
  const job = jobRefFrom(arg) ?? (await pickJob(ctx, { title: 'Purge which job?' }));
  if (!job) return;
  const first = await ctx.ui.confirm(`Stop and purge job "${job.id}"?`, {
    detail: 'Nomad stops its allocations and removes the job, its versions and its history.',
    actions: [`${PURGE}…`],
  });
  if (first === `${PURGE}…` && (await confirmPurge(ctx, job))) await deregister(ctx, job, true);
}

async function confirmPurge(ctx: ActionContext, job: JobRef): Promise<boolean> {
  const answer = await ctx.ui.confirm(`Really purge "${job.id}"? This cannot be undone.`, {
    detail: 'Its versions can no longer be reverted to, and its allocations and evaluations are forgotten.',
    actions: [PURGE],
  });
  return answer === PURGE;
}

async function deregister(ctx: ActionContext, job: JobRef, purge: boolean): Promise<void> {
  const verb = purge ? 'Purging' : 'Stopping';
  try {
    const client = await ctx.getClient();
    const reply = await ctx.ui.withProgress(`${verb} ${job.id}…`, () => client.deleteJob(job.id, { namespace: job.namespace, purge }));
    const evaluation = reply.EvalID ? ` (evaluation ${shortId(reply.EvalID)})` : '';
    ctx.ui.info(purge ? `Purged "${job.id}"${evaluation}.` : `Stopped "${job.id}"${evaluation}.`);
  } catch (error) {
    reportFailure(ctx.ui, `${verb} "${job.id}"`, error);
  }
}
