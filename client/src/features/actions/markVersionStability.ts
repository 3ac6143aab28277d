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
    const { value: job } = await client.readJob(target.job.id, { namespace: target.job.namespace });
    const current = job.Version ?? 0;
    if (target.version !== current && !(await confirmReplacingCurrent(ctx, target, current, word))) return;
    await ctx.ui.withProgress(`Marking version ${target.version} of ${target.job.id} ${word}…`, () =>
      client.setJobStability(target.job.id, target.version, stable, { namespace: target.job.namespace }),
    );
    ctx.ui.info(`Version ${target.version} of "${target.job.id}" is now marked ${word}.`);
  } catch (error) {
    reportFailure(ctx.ui, `Marking version ${target.version} of "${target.job.id}" ${word}`, error);
  }
}

/**
 * Nomad stores a version whose flag changes as the job itself (its state store
 * upserts the copy), so flagging an older version silently makes its spec the
 * job's current one, without an evaluation. Only the current version is safe;
 * any other needs the user to accept that consequence.
 */
async function confirmReplacingCurrent(ctx: ActionContext, target: VersionRef, current: number, word: string): Promise<boolean> {
  const action = `Mark ${word} and Make It Current`;
  const answer = await ctx.ui.confirm(`Version ${target.version} of "${target.job.id}" is not the current version (${current}).`, {
    detail:
      `Nomad makes a version whose stability changes the job's current definition: "${target.job.id}" would go back to ` +
      `version ${target.version} without a new evaluation, while its allocations keep running version ${current}. ` +
      `To change the job on purpose, use Revert to Version… instead.`,
    actions: [action],
  });
  return answer === action;
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
