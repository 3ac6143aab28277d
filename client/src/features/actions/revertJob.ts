// nomad.revertJob: pick an older version, look at the difference, confirm,
// and revert with EnforcePriorVersion so a change made meanwhile (by a
// colleague, a CI pipeline, an auto-revert) is never overwritten silently.
import type { Job } from '../../nomad/types';
import { formatLocalTime } from '../logs/taskEventTimeline';
import { reportFailure, shortId, type ActionContext } from './actionContext';
import type { PickItem } from './actionUi';
import { jobDifferences, summarizeDifferences } from './jobDifference';
import { jobRefFrom, pickJob, versionRefFrom, type JobRef } from './targets';

export const REVERT = 'Revert';

export async function revertJob(ctx: ActionContext, arg?: unknown): Promise<void> {
  const fromVersion = versionRefFrom(arg);
  const job = fromVersion?.job ?? jobRefFrom(arg) ?? (await pickJob(ctx, { title: 'Revert which job?' }));
  if (!job) return;
  try {
    const client = await ctx.getClient();
    const { value } = await client.jobVersions(job.id, { namespace: job.namespace });
    const versions = [...value.Versions].sort((a, b) => versionOf(b) - versionOf(a));
    const current = versions[0];
    if (!current) {
      ctx.ui.error(`Job "${job.id}" has no versions to revert to.`);
      return;
    }
    const target = fromVersion ? versions.find((v) => versionOf(v) === fromVersion.version) : await pickVersion(ctx, job, current, versions.slice(1));
    if (fromVersion && !target) {
      ctx.ui.error(`Version ${fromVersion.version} of "${job.id}" is no longer kept by Nomad.`);
      return;
    }
    if (!target) return;
    if (versionOf(target) === versionOf(current)) {
      ctx.ui.info(`Version ${versionOf(target)} is already the current version of "${job.id}"; there is nothing to revert.`);
      return;
    }
    await confirmAndRevert(ctx, job, current, target);
  } catch (error) {
    reportFailure(ctx.ui, `Reverting "${job.id}"`, error);
  }
}

async function pickVersion(ctx: ActionContext, job: JobRef, current: Job, older: Job[]): Promise<Job | undefined> {
  if (older.length === 0) {
    ctx.ui.info(`Job "${job.id}" has only one version; there is nothing to revert to.`);
    return undefined;
  }
  const items: PickItem<Job>[] = older.map((version) => ({
    label: `Version ${versionOf(version)}`,
    description: [version.Stable ? 'stable' : '', version.SubmitTime ? `submitted ${formatLocalTime(new Date(Math.floor(version.SubmitTime / 1e6)))}` : '']
      .filter(Boolean)
      .join(' · '),
    detail: summarizeDifferences(jobDifferences(current, version)),
    value: version,
  }));
  return ctx.ui.pick(items, { title: `Revert "${job.id}" (now at version ${versionOf(current)}) to…`, placeholder: 'Pick the version to go back to' });
}

async function confirmAndRevert(ctx: ActionContext, job: JobRef, current: Job, target: Job): Promise<void> {
  const from = versionOf(current);
  const to = versionOf(target);
  await ctx.ui.showDiff(ctx.versionDocumentUri(job, from), ctx.versionDocumentUri(job, to), `${job.id}: version ${from} (current) ↔ version ${to}`);
  const changes = jobDifferences(current, target);
  const answer = await ctx.ui.confirm(`Revert job "${job.id}" to version ${to}?`, {
    detail:
      `Nomad will submit the definition of version ${to} as new version ${from + 1} and roll allocations to it. ` +
      `${summarizeDifferences(changes, 5)}. If the job changes before this is sent, nothing is reverted.`,
    actions: [REVERT],
  });
  if (answer !== REVERT) return;
  const client = await ctx.getClient();
  try {
    const reply = await ctx.ui.withProgress(`Reverting ${job.id} to version ${to}…`, () =>
      client.revertJob(job.id, to, { namespace: job.namespace, enforcePriorVersion: from }),
    );
    const evaluation = reply.EvalID ? `; evaluation ${shortId(reply.EvalID)}` : '';
    ctx.ui.info(`Reverted "${job.id}" to version ${to}; it is now version ${from + 1}${evaluation}.`);
  } catch (error) {
    if ((error as { kind?: string }).kind !== 'casConflict') throw error;
    ctx.ui.error(
      `Revert of "${job.id}" refused: the job changed while you were deciding (it is no longer at version ${from}). Nothing was reverted.`,
      'Look at the new current version, then revert again if you still want to.',
    );
  }
}

function versionOf(job: Job): number {
  return job.Version ?? 0;
}
