// Driving a deployment from its row (or the palette, for a job's latest
// deployment): promote canaries (every group or one), pause, resume, fail, and
// set an allocation's health where the deployment uses manual health. Each
// reads the deployment afresh and acts only in a state Nomad accepts it in;
// failing and marking unhealthy are confirmed. The Deployments folder follows
// the change through its blocking query.
import { reportFailure, shortId, type ActionContext } from '../actions/actionContext';
import type { PickItem } from '../actions/actionUi';
import { pickJob } from '../actions/targets';
import { allowedChanges, groupsAwaitingPromotion, type DeploymentChange } from '../../nomad/deploymentStates';
import type { Deployment, DeploymentUpdateResponse, Job } from '../../nomad/types';

export const FAIL = 'Fail Deployment';
export const MARK_UNHEALTHY = 'Mark Unhealthy';
const ALL_GROUPS = '\u0000all';

interface DeploymentRef {
  id: string;
  namespace?: string;
}

type Bag = Record<string, unknown>;

/** A deployment from its row (`{ deployment }`) or a plain `{ id }`. */
export function deploymentRefFrom(arg: unknown): DeploymentRef | undefined {
  const bag = typeof arg === 'object' && arg !== null ? (arg as Bag) : undefined;
  const deployment = bag?.deployment as Bag | undefined;
  const id = typeof deployment?.ID === 'string' ? deployment.ID : typeof bag?.id === 'string' && bag.kind === undefined ? bag.id : undefined;
  if (!id) return undefined;
  const namespace = typeof deployment?.Namespace === 'string' ? deployment.Namespace : typeof bag?.namespace === 'string' ? bag.namespace : undefined;
  return { id, namespace };
}

/** The deployment as it is now, if Nomad still accepts `change` on it; otherwise says why not. */
async function current(ctx: ActionContext, arg: unknown, change: DeploymentChange, verb: string): Promise<Deployment | undefined> {
  const ref = deploymentRefFrom(arg) ?? (await pickLatest(ctx, verb));
  if (!ref) return undefined;
  const client = await ctx.getClient();
  const { value: deployment } = await client.readDeployment(ref.id, { namespace: ref.namespace });
  if (!allowedChanges(deployment).includes(change)) {
    ctx.ui.info(`Deployment ${shortId(deployment.ID)} of "${deployment.JobID}" is ${deployment.Status}; Nomad does not ${verb} it in that state.`);
    return undefined;
  }
  return deployment;
}

/** From the palette: the latest deployment of a job. */
async function pickLatest(ctx: ActionContext, verb: string): Promise<DeploymentRef | undefined> {
  const job = await pickJob(ctx, { title: `${verb[0].toUpperCase()}${verb.slice(1)} the deployment of which job?`, accepts: (j) => j.Type === 'service' });
  if (!job) return undefined;
  const { value } = await (await ctx.getClient()).latestDeployment(job.id, { namespace: job.namespace });
  if (!value) ctx.ui.info(`Job "${job.id}" has no deployment.`);
  return value ? { id: value.ID, namespace: value.Namespace ?? job.namespace } : undefined;
}

function done(ctx: ActionContext, what: string, deployment: Deployment, reply: DeploymentUpdateResponse): void {
  const evaluation = reply.EvalID ? ` (evaluation ${shortId(reply.EvalID)})` : '';
  const reverted = typeof reply.RevertedJobVersion === 'number' ? `; the job went back to version ${reply.RevertedJobVersion}` : '';
  ctx.ui.info(`${what} deployment ${shortId(deployment.ID)} of "${deployment.JobID}"${evaluation}${reverted}.`);
}

export async function promoteDeployment(ctx: ActionContext, arg?: unknown): Promise<void> {
  try {
    const deployment = await current(ctx, arg, 'promote', 'promote');
    if (!deployment) return;
    const waiting = groupsAwaitingPromotion(deployment);
    let groups: string[] | undefined;
    if (waiting.length > 1) {
      const items: PickItem<string>[] = [
        { label: 'All groups', description: waiting.join(', '), value: ALL_GROUPS },
        ...waiting.map((group) => ({ label: group, description: canaryProgress(deployment, group), value: group })),
      ];
      const picked = await ctx.ui.pick(items, { title: `Promote the canaries of which groups of "${deployment.JobID}"?` });
      if (picked === undefined) return;
      groups = picked === ALL_GROUPS ? undefined : [picked];
    }
    const client = await ctx.getClient();
    const reply = await ctx.ui.withProgress('Promoting canaries…', () => client.promoteDeployment(deployment.ID, { namespace: deployment.Namespace, groups }));
    done(ctx, groups ? `Promoted group ${groups[0]} of` : 'Promoted', deployment, reply);
  } catch (error) {
    reportFailure(ctx.ui, 'Promoting the deployment', error);
  }
}

function canaryProgress(deployment: Deployment, group: string): string {
  const state = deployment.TaskGroups?.[group];
  return `${(state?.PlacedCanaries ?? []).length} of ${state?.DesiredCanaries ?? 0} canaries placed, ${state?.HealthyAllocs ?? 0} healthy`;
}

export async function pauseDeployment(ctx: ActionContext, pause: boolean, arg?: unknown): Promise<void> {
  const verb = pause ? 'pause' : 'resume';
  try {
    const deployment = await current(ctx, arg, verb, verb);
    if (!deployment) return;
    const client = await ctx.getClient();
    const reply = await ctx.ui.withProgress(pause ? 'Pausing…' : 'Resuming…', () => client.pauseDeployment(deployment.ID, pause, { namespace: deployment.Namespace }));
    done(ctx, pause ? 'Paused' : 'Resumed', deployment, reply);
  } catch (error) {
    reportFailure(ctx.ui, pause ? 'Pausing the deployment' : 'Resuming the deployment', error);
  }
}

export async function failDeployment(ctx: ActionContext, arg?: unknown): Promise<void> {
  try {
    const deployment = await current(ctx, arg, 'fail', 'fail');
    if (!deployment) return;
    const reverting = Object.entries(deployment.TaskGroups ?? {}).filter(([, g]) => g.AutoRevert).map(([name]) => name);
    const answer = await ctx.ui.confirm(`Fail deployment ${shortId(deployment.ID)} of "${deployment.JobID}" (version ${deployment.JobVersion})?`, {
      detail: reverting.length
        ? `Nomad stops rolling it out; group${reverting.length === 1 ? '' : 's'} ${reverting.join(', ')} revert to the last stable version.`
        : 'Nomad stops rolling it out; allocations already placed keep running.',
      actions: [FAIL],
    });
    if (answer !== FAIL) return;
    const client = await ctx.getClient();
    const reply = await ctx.ui.withProgress('Failing the deployment…', () => client.failDeployment(deployment.ID, { namespace: deployment.Namespace }));
    done(ctx, 'Failed', deployment, reply);
  } catch (error) {
    reportFailure(ctx.ui, 'Failing the deployment', error);
  }
}

/** Groups of the deployed version whose update block says `health_check = "manual"`. */
export function manualHealthGroups(job: Job): string[] {
  return (job.TaskGroups ?? [])
    .filter((group) => (group.Update ?? job.Update)?.HealthCheck === 'manual')
    .map((group) => String(group.Name));
}

export async function setAllocationHealth(ctx: ActionContext, arg?: unknown): Promise<void> {
  try {
    const deployment = await current(ctx, arg, 'health', 'set allocation health in');
    if (!deployment) return;
    const client = await ctx.getClient();
    const { value: versions } = await client.jobVersions(deployment.JobID, { namespace: deployment.Namespace });
    const deployed = versions.Versions.find((version) => version.Version === deployment.JobVersion);
    const manual = deployed ? manualHealthGroups(deployed) : [];
    if (manual.length === 0) {
      ctx.ui.info(
        `Version ${deployment.JobVersion} of "${deployment.JobID}" lets Nomad judge allocation health (no group has health_check = "manual"), so there is nothing to set by hand.`,
      );
      return;
    }
    const { value: allocations } = await client.deploymentAllocations(deployment.ID, { namespace: deployment.Namespace });
    const candidates = allocations.filter((a) => manual.includes(a.TaskGroup) && a.DesiredStatus === 'run' && !['complete', 'failed', 'lost'].includes(a.ClientStatus));
    if (candidates.length === 0) {
      ctx.ui.info(`Deployment ${shortId(deployment.ID)} has no running allocations in group${manual.length === 1 ? '' : 's'} ${manual.join(', ')}.`);
      return;
    }
    const allocation = await ctx.ui.pick(
      candidates.map((a) => ({ label: a.Name, description: [shortId(a.ID), a.ClientStatus, healthWord(a.DeploymentStatus?.Healthy)].join(' · '), value: a })),
      { title: `Set the health of which allocation of deployment ${shortId(deployment.ID)}?`, placeholder: 'Pick an allocation' },
    );
    if (!allocation) return;
    const healthy = await ctx.ui.pick(
      [
        { label: 'Healthy', description: 'counts towards the deployment', value: true },
        { label: 'Unhealthy', description: 'fails the deployment', value: false },
      ],
      { title: `Mark ${allocation.Name} as` },
    );
    if (healthy === undefined) return;
    if (!healthy) {
      const answer = await ctx.ui.confirm(`Mark ${allocation.Name} unhealthy?`, {
        detail: `Nomad fails deployment ${shortId(deployment.ID)} of "${deployment.JobID}"; groups with auto_revert go back to the last stable version.`,
        actions: [MARK_UNHEALTHY],
      });
      if (answer !== MARK_UNHEALTHY) return;
    }
    const health = healthy ? { healthy: [allocation.ID] } : { unhealthy: [allocation.ID] };
    const reply = await ctx.ui.withProgress('Setting allocation health…', () => client.setAllocationHealth(deployment.ID, health, { namespace: deployment.Namespace }));
    done(ctx, `Marked ${allocation.Name} ${healthy ? 'healthy' : 'unhealthy'} in`, deployment, reply);
  } catch (error) {
    reportFailure(ctx.ui, 'Setting the allocation health', error);
  }
}

function healthWord(healthy: boolean | null | undefined): string {
  return healthy === true ? 'healthy' : healthy === false ? 'unhealthy' : 'health not set';
}
