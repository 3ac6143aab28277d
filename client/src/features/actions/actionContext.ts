// What every action receives: the UI seam, the active cluster's client, and
// the few links into other features (documents of job versions). Also the one
// way actions report a failure, so every error reads the same: what failed,
// Nomad's own words, then what to do.
import type { NomadClient } from '../../nomad/client';
import { FEATURES, FeatureUnavailableError, requireFeature, type Feature } from '../../nomad/features';
import type { JobRegisterResponse } from '../../nomad/types';
import type { ActionUi } from './actionUi';
import type { JobRef } from './targets';

/** The client calls actions make; a slice of NomadClient so unit tests can fake it. */
export type ActionsClient = Pick<
  NomadClient,
  | 'config'
  | 'agentSelf'
  | 'listJobs'
  | 'readJob'
  | 'jobVersions'
  | 'dispatchJob'
  | 'revertJob'
  | 'setJobStability'
  | 'evaluateJob'
  | 'forcePeriodic'
  | 'deleteJob'
  | 'readEvaluation'
  | 'readDeployment'
  | 'readAllocation'
  | 'agentSelf'
  | 'scaleGroup'
  | 'latestDeployment'
  | 'deploymentAllocations'
  | 'promoteDeployment'
  | 'pauseDeployment'
  | 'failDeployment'
  | 'setAllocationHealth'
  | 'listNodes'
  | 'readNode'
  | 'setNodeEligibility'
  | 'drainNode'
  | 'jobAllocations'
  | 'jobActions'
  | 'call'
  | 'openWebSocket'
  | 'agentSelf'
>;

export interface ActionContext {
  ui: ActionUi;
  /** The active cluster's client; rejects when no cluster is configured. */
  getClient(): Promise<ActionsClient>;
  /** URI (as a string) of a read-only document showing `version` of a job, for diffs. */
  versionDocumentUri(job: JobRef, version: number): string;
  /** Follows the evaluation (and deployment) a change started, in a cancellable progress notification, like Run. */
  followChange(change: FollowedChange): void;
}

/** A write that started an evaluation: what `followChange` follows. */
export interface FollowedChange {
  jobId: string;
  namespace?: string;
  jobType: string;
  response: JobRegisterResponse;
}

/** The parts of a NomadError the report reads (other errors have a message only). */
interface ErrorLike {
  message?: string;
  serverText?: string;
  items?: string[];
  advice?: string;
}

/** Shows `<what> failed: <Nomad's message>` plus NomadError.advice; cancelled requests stay silent. */
export function reportFailure(ui: ActionUi, what: string, error: unknown): void {
  const e = (error ?? {}) as ErrorLike & { kind?: string };
  if (e.kind === 'cancelled') return;
  ui.error(`${what} failed: ${failureDetail(error)}`, e.advice);
}

/** Nomad's own words for a failure: its validation items, the first line of its answer, or the error's message. */
export function failureDetail(error: unknown): string {
  const e = (error ?? {}) as ErrorLike;
  return e.items && e.items.length > 0 ? e.items.join('; ') : (e.serverText?.split('\n')[0] || e.message || String(error));
}

/**
 * The client, once the cluster is known to have `feature`; undefined after
 * telling the user which Nomad version it needs (or why the cluster could not be asked).
 */
export async function clientWithFeature(ctx: ActionContext, feature: Feature, what: string): Promise<ActionsClient | undefined> {
  try {
    const client = await ctx.getClient();
    await requireFeature(client, feature);
    return client;
  } catch (error) {
    if (error instanceof FeatureUnavailableError) {
      ctx.ui.error(`${what}: ${error.message}`, `Upgrade the cluster, or connect to one that runs Nomad ${FEATURES[feature].since} or newer.`);
    } else reportFailure(ctx.ui, what, error);
    return undefined;
  }
}

/** First eight characters of an id, the way Nomad's CLI prints them. */
export function shortId(id: string): string {
  return id.slice(0, 8);
}
