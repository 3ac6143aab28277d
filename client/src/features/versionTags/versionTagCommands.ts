// nomad.tagVersion, nomad.untagVersion and nomad.compareTaggedVersions: name
// a job version, remove the name, and compare two named versions (Nomad 1.9+).
// On an older cluster each says which version it needs and changes nothing.
import { reportFailure, type ActionContext, type ActionsClient } from '../actions/actionContext';
import type { PickItem } from '../actions/actionUi';
import { jobRefFrom, pickJob, versionRefFrom, type JobRef, type VersionRef } from '../actions/targets';
import { FeatureUnavailableError, requireFeature } from '../../nomad/features';
import type { Job } from '../../nomad/types';
import { tagNameProblem, tagVersion as applyTag, untagVersion as removeTag, versionTagOf } from '../../nomad/versionTags';

/** The client, once the cluster is known to have version tags; undefined after telling the user it has not. */
async function taggingClient(ctx: ActionContext, what: string): Promise<ActionsClient | undefined> {
  try {
    const client = await ctx.getClient();
    await requireFeature(client, 'versionTags');
    return client;
  } catch (error) {
    if (error instanceof FeatureUnavailableError) ctx.ui.error(`${what}: ${error.message}`, 'Upgrade the cluster, or connect to one that runs Nomad 1.9 or newer.');
    else reportFailure(ctx.ui, what, error);
    return undefined;
  }
}

async function versionsOf(client: ActionsClient, job: JobRef): Promise<Job[]> {
  const { value } = await client.jobVersions(job.id, { namespace: job.namespace });
  return [...(value.Versions ?? [])].sort((a, b) => (b.Version ?? 0) - (a.Version ?? 0));
}

function versionItem(version: Job): PickItem<number> {
  const tag = versionTagOf(version);
  return { label: tag ? `${tag.Name} (v${version.Version ?? 0})` : `v${version.Version ?? 0}`, description: tag?.Description || undefined, value: version.Version ?? 0 };
}

export async function tagVersion(ctx: ActionContext, arg?: unknown): Promise<void> {
  const client = await taggingClient(ctx, 'Tagging a version');
  if (!client) return;
  const target = versionRefFrom(arg) ?? (await pickVersion(ctx, client, arg, 'Tag which version of'));
  if (!target) return;
  const what = `Tagging version ${target.version} of "${target.job.id}"`;
  const name = await ctx.ui.input({ title: `Tag version ${target.version} of ${target.job.id}`, prompt: 'Name of the tag (unique within the job)', validate: tagNameProblem });
  if (name === undefined) return;
  const description = await ctx.ui.input({ title: `Tag "${name}"`, prompt: 'Description (optional)' });
  if (description === undefined) return;
  try {
    await ctx.ui.withProgress(`${what}…`, () => applyTag(client, target.job.id, target.version, name.trim(), description, { namespace: target.job.namespace }));
    ctx.ui.info(`Version ${target.version} of "${target.job.id}" is tagged "${name.trim()}".`);
  } catch (error) {
    reportFailure(ctx.ui, what, error);
  }
}

export async function untagVersion(ctx: ActionContext, arg?: unknown): Promise<void> {
  const client = await taggingClient(ctx, 'Removing a version tag');
  if (!client) return;
  const target = versionRefFrom(arg) ?? (await pickVersion(ctx, client, arg, 'Remove the tag of which version of', true));
  if (!target) return;
  try {
    const version = (await versionsOf(client, target.job)).find((v) => (v.Version ?? 0) === target.version);
    const tag = version && versionTagOf(version);
    if (!tag) {
      ctx.ui.info(`Version ${target.version} of "${target.job.id}" has no tag.`);
      return;
    }
    const answer = await ctx.ui.confirm(`Remove the tag "${tag.Name}" from version ${target.version} of "${target.job.id}"?`, {
      detail: 'The version stays; only its name and description go.',
      actions: ['Remove Tag'],
    });
    if (!answer) return;
    await ctx.ui.withProgress(`Removing tag "${tag.Name}"…`, () => removeTag(client, target.job.id, tag.Name, { namespace: target.job.namespace }));
    ctx.ui.info(`Version ${target.version} of "${target.job.id}" is no longer tagged "${tag.Name}".`);
  } catch (error) {
    reportFailure(ctx.ui, `Removing the tag of version ${target.version} of "${target.job.id}"`, error);
  }
}

/** Picks two tagged versions of a job (the row's version first, when it is tagged) and opens their difference. */
export async function compareTaggedVersions(ctx: ActionContext, arg?: unknown): Promise<void> {
  const client = await taggingClient(ctx, 'Comparing tagged versions');
  if (!client) return;
  const job = jobRefFrom(arg) ?? (await pickJob(ctx, { title: 'Compare tagged versions of which job?' }));
  if (!job) return;
  try {
    const tagged = (await versionsOf(client, job)).filter((v) => versionTagOf(v));
    if (tagged.length < 2) {
      ctx.ui.info(`Job "${job.id}" has ${tagged.length === 0 ? 'no tagged versions' : 'only one tagged version'}; tag two versions to compare them by name.`);
      return;
    }
    const fromRow = versionRefFrom(arg)?.version;
    const first = tagged.some((v) => v.Version === fromRow)
      ? fromRow
      : await ctx.ui.pick(tagged.map(versionItem), { title: `Compare which tagged version of ${job.id}`, placeholder: 'Pick a tag' });
    if (first === undefined) return;
    const second = await ctx.ui.pick(tagged.filter((v) => v.Version !== first).map(versionItem), { title: `Compare v${first} of ${job.id} with`, placeholder: 'Pick a tag' });
    if (second === undefined) return;
    const [older, newer] = first < second ? [first, second] : [second, first];
    const names = new Map(tagged.map((v) => [v.Version ?? 0, versionTagOf(v)!.Name]));
    await ctx.ui.showDiff(ctx.versionDocumentUri(job, older), ctx.versionDocumentUri(job, newer), `${job.id}: ${names.get(older)} (v${older}) ↔ ${names.get(newer)} (v${newer})`);
  } catch (error) {
    reportFailure(ctx.ui, `Comparing tagged versions of "${job.id}"`, error);
  }
}

/** From the palette or a job row: pick the job (unless given), then a version (only tagged ones with `taggedOnly`). */
async function pickVersion(ctx: ActionContext, client: ActionsClient, arg: unknown, title: string, taggedOnly = false): Promise<VersionRef | undefined> {
  const job = jobRefFrom(arg) ?? (await pickJob(ctx, { title: `${title} job?` }));
  if (!job) return undefined;
  try {
    const versions = (await versionsOf(client, job)).filter((v) => !taggedOnly || versionTagOf(v));
    if (versions.length === 0) {
      ctx.ui.info(`Job "${job.id}" has no tagged versions.`);
      return undefined;
    }
    const version = await ctx.ui.pick(versions.map(versionItem), { title: `${title} ${job.id}?` });
    return version === undefined ? undefined : { job, version };
  } catch (error) {
    reportFailure(ctx.ui, `Reading the versions of "${job.id}"`, error);
    return undefined;
  }
}
