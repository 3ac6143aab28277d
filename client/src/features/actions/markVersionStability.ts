// nomad.markVersionStable / nomad.markVersionUnstable: set the flag that
// auto-revert uses to choose the version to go back to.
import { formatLocalTime } from '../logs/taskEventTimeline';
import { reportFailure, type ActionContext } from './actionContext';
import type { PickItem } from './actionUi';
import { jobRefFrom, pickJob, versionRefFrom, type VersionRef } from './targets';

export async function markVersionStability(ctx: ActionContext, stable: boolean, arg?: unknown): Promise<void> {
  const target = versionRefFrom(arg) ?? (await pickVersion(ctx, stable, arg));
  if (!target) return;
  const word = stable ? 'stable' : 'unstable';
  try {
    const client = await ctx.getClient();
    await ctx.ui.withProgress(`Marking version ${target.version} of ${target.job.id} ${word}…`, () =>
      client.setJobStability(target.job.id, target.version, stable, { namespace: target.job.namespace }),
    );
    ctx.ui.info(`Version ${target.version} of "${target.job.id}" is now marked ${word}.`);
  } catch (error) {
    reportFailure(ctx.ui, `Marking version ${target.version} of "${target.job.id}" ${word}`, error);
  }
}

/** From the palette or a job row: pick the job (unless given), then one of its versions whose flag would change. */
async function pickVersion(ctx: ActionContext, stable: boolean, arg: unknown): Promise<VersionRef | undefined> {
  const job = jobRefFrom(arg) ?? (await pickJob(ctx, { title: `Mark a version of which job ${stable ? 'stable' : 'unstable'}?` }));
  if (!job) return undefined;
  try {
    const client = await ctx.getClient();
    const { value } = await client.jobVersions(job.id, { namespace: job.namespace });
    const candidates = value.Versions.filter((version) => (version.Stable === true) !== stable);
    if (candidates.length === 0) {
      ctx.ui.info(`Every version of "${job.id}" is already ${stable ? 'stable' : 'unstable'}.`);
      return undefined;
    }
    const items: PickItem<number>[] = candidates.map((version) => ({
      label: `Version ${version.Version ?? 0}`,
      description: version.SubmitTime ? `submitted ${formatLocalTime(new Date(Math.floor(version.SubmitTime / 1e6)))}` : undefined,
      value: version.Version ?? 0,
    }));
    const version = await ctx.ui.pick(items, { title: `Mark a version of ${job.id} ${stable ? 'stable' : 'unstable'}` });
    return version === undefined ? undefined : { job, version };
  } catch (error) {
    reportFailure(ctx.ui, `Reading the versions of "${job.id}"`, error);
    return undefined;
  }
}
