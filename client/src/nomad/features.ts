// Which Nomad release brought each API feature the extension offers, and the
// connected cluster's version (read once per client from /v1/agent/self). A
// feature is offered only when the cluster has it; otherwise callers say which
// version it needs. No `vscode` import.
import { agentVersion, versionAtLeast } from './agent';
import type { NomadClient } from './client';

export const FEATURES = {
  /** `Variables` in the /v1/jobs/parse request (older servers ignore it and report the variables unset). */
  parseVariables: { since: '1.6.0', title: 'Variable values in the cluster\'s job parser' },
  /** Variables: /v1/vars and /v1/var/:path. */
  variables: { since: '1.4.0', title: 'Variables' },
  /** The job's source kept with each version: Submission on register, /v1/job/:id/submission. */
  jobSubmission: { since: '1.6.0', title: 'Keeping the job source on the cluster' },
  /** Lock metadata on variables. */
  variableLocks: { since: '1.7.0', title: 'Variable locks' },
  /** Named versions: /v1/job/:id/versions/:tag/tag. */
  versionTags: { since: '1.9.0', title: 'Version tags' },
} as const;

export type Feature = keyof typeof FEATURES;

/** Whether a cluster of `version` has `feature`; an unknown version has none of them. */
export function hasFeature(version: string | undefined, feature: Feature): boolean {
  return version !== undefined && versionAtLeast(version, FEATURES[feature].since);
}

/** The sentence shown instead of a feature the cluster lacks. */
export function missingFeatureMessage(version: string | undefined, feature: Feature): string {
  const { since, title } = FEATURES[feature];
  const running = version === undefined ? 'its version is unknown' : `it runs Nomad ${version}`;
  return `${title} need${title.endsWith('s') ? '' : 's'} Nomad ${since} or newer; ${running}.`;
}

export class FeatureUnavailableError extends Error {
  override readonly name = 'FeatureUnavailableError';
  constructor(
    readonly feature: Feature,
    readonly version: string | undefined,
  ) {
    super(missingFeatureMessage(version, feature));
  }
}

// A connection change builds a new client, so the client object is the cache key.
interface VersionEntry {
  promise: Promise<string | undefined>;
  value?: string;
}
/** A client that can say its cluster's version. */
export type VersionedClient = Pick<NomadClient, 'agentSelf'>;

const versions = new WeakMap<VersionedClient, VersionEntry>();

/** The cluster's Nomad version; undefined when it does not say. Rejects like agentSelf when unreachable (then retried next time). */
export function clusterVersion(client: VersionedClient): Promise<string | undefined> {
  const cached = versions.get(client);
  if (cached) return cached.promise;
  const entry: VersionEntry = { promise: Promise.resolve(undefined) };
  entry.promise = client.agentSelf().then(
    (self) => {
      entry.value = agentVersion(self);
      return entry.value;
    },
    (error: unknown) => {
      versions.delete(client);
      throw error;
    },
  );
  versions.set(client, entry);
  return entry.promise;
}

/** The version if it has already been read (for synchronous rendering after an awaited read). */
export function knownClusterVersion(client: VersionedClient): string | undefined {
  return versions.get(client)?.value;
}

/** Resolves when the cluster has `feature`; rejects with FeatureUnavailableError when it lacks it. */
export async function requireFeature(client: VersionedClient, feature: Feature): Promise<string> {
  const version = await clusterVersion(client);
  if (!hasFeature(version, feature)) throw new FeatureUnavailableError(feature, version);
  return version as string;
}

/** Whether the cluster has `feature`; false too when its version cannot be read. */
export async function clusterHas(client: VersionedClient, feature: Feature): Promise<boolean> {
  try {
    return hasFeature(await clusterVersion(client), feature);
  } catch {
    return false;
  }
}
