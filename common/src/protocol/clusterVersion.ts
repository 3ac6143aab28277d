// Client -> server: the Nomad version of the cluster the user is connected
// to, so version-aware checks can follow it when `nomad.schemaVersion` is
// `auto`. Sent on connect and whenever the active cluster changes. A plain
// method name, so the client's activation bundle need not load the protocol library.

export interface ClusterVersionParams {
  /** A Nomad version such as `1.7.3` (build suffixes like `+ent` are fine); null when disconnected or unknown. */
  readonly version: string | null;
}

/** Client -> server, params ClusterVersionParams. */
export const CLUSTER_VERSION_NOTIFICATION = 'nomad/clusterVersion';
