// nomad.scaleGroup: set the count of a task group from its row (or the
// palette). Shows the current count and the scaling policy's bounds, refuses
// a count outside them before anything is sent, confirms, guards against a
// concurrent change of the job, then follows the evaluation and deployment
// the way Run does.
import { reportFailure, type ActionContext } from '../actions/actionContext';
import type { PickItem } from '../actions/actionUi';
import { groupRefFrom, isNotStopped, pickJob, type GroupRef } from '../actions/targets';
import { agentVersion } from '../../nomad/agent';
import type { Job } from '../../nomad/types';
import { changeSummary, concurrencyNote, countProblem, describeBounds, groupScale, serverChecksScaleIndex, type GroupScale } from './scaleRules';

export const SCALE = 'Scale';

export async function scaleGroup(ctx: ActionContext, arg?: unknown): Promise<void> {
  try {
    const ref = groupRefFrom(arg) ?? (await pickGroup(ctx));
    if (!ref) return;
    const client = await ctx.getClient();
    const namespace = ref.job.namespace;
    const { value: job } = await client.readJob(ref.job.id, { namespace });
    const scale = groupScale(job, ref.group);
    if (!scale) {
      ctx.ui.error(`Job "${ref.job.id}" has no task group "${ref.group}" any more.`, 'Refresh the Jobs view and pick the group again.');
      return;
    }
    const count = await askCount(ctx, scale);
    if (count === undefined) return;
    const version = await clusterVersion(ctx);
    const answer = await ctx.ui.confirm(`Scale group "${scale.group}" of job "${scale.jobId}" from ${scale.current} to ${count}?`, {
      detail: `${changeSummary(scale, count)} ${concurrencyNote(version)}`,
      actions: [SCALE],
    });
    if (answer !== SCALE) return;
    // Read once more right before sending: a job changed after the prompt was filled is not scaled.
    const { value: latest } = await client.readJob(scale.jobId, { namespace });
    if ((latest.JobModifyIndex ?? 0) !== scale.jobModifyIndex) {
      ctx.ui.error(
        `Job "${scale.jobId}" changed on the cluster while you chose the count (its modify index went from ${scale.jobModifyIndex} to ${latest.JobModifyIndex}). Nothing was sent.`,
        'Scale again to see its current count.',
      );
      return;
    }
    const response = await ctx.ui.withProgress(`Scaling ${scale.jobId}/${scale.group} to ${count}…`, () =>
      client.scaleGroup(scale.jobId, scale.group, count, {
        namespace,
        message: `Scaled from ${scale.current} to ${count} in VS Code`,
        jobModifyIndex: serverChecksScaleIndex(version) ? scale.jobModifyIndex : undefined,
      }),
    );
    ctx.followChange({ jobId: scale.jobId, namespace, jobType: jobType(latest), response });
  } catch (error) {
    reportFailure(ctx.ui, 'Scaling the group', error);
  }
}

function jobType(job: Job): string {
  return job.Type ?? 'service';
}

async function askCount(ctx: ActionContext, scale: GroupScale): Promise<number | undefined> {
  const bounds = describeBounds(scale);
  const text = await ctx.ui.input({
    title: `Scale group "${scale.group}" of "${scale.jobId}"`,
    prompt: `Now ${scale.current}.${bounds ? ` Its scaling policy allows ${bounds}.` : ' The group has no scaling policy.'}`,
    value: String(scale.current),
    validate: (value) => countProblem(value, scale),
  });
  if (text === undefined) return undefined;
  // The input box validates as you type; a scripted answer gets the same check.
  const problem = countProblem(text, scale);
  if (problem) {
    ctx.ui.error(problem);
    return undefined;
  }
  return Number(text.trim());
}

/** The cluster's Nomad version, or undefined when the token may not read the agent. */
async function clusterVersion(ctx: ActionContext): Promise<string | undefined> {
  try {
    return agentVersion(await (await ctx.getClient()).agentSelf());
  } catch {
    return undefined;
  }
}

/** From the palette: a job that is not stopped, then one of its groups (asked only when it has several). */
async function pickGroup(ctx: ActionContext): Promise<GroupRef | undefined> {
  const job = await pickJob(ctx, { title: 'Scale a group of which job?', accepts: (j) => isNotStopped(j) && j.Type !== 'system' && j.Type !== 'sysbatch' });
  if (!job) return undefined;
  const client = await ctx.getClient();
  const { value } = await client.readJob(job.id, { namespace: job.namespace });
  const groups = (value.TaskGroups ?? []).filter((g) => g.Name);
  if (groups.length === 1) return { job, group: String(groups[0].Name) };
  const items: PickItem<GroupRef>[] = groups.map((g) => ({ label: String(g.Name), description: `count ${g.Count ?? 1}`, value: { job, group: String(g.Name) } }));
  return ctx.ui.pick(items, { title: `Scale which group of "${job.id}"?`, placeholder: 'Pick a task group' });
}
