// Client <-> server: names that exist on the connected cluster, so completion
// can offer real datacenters, node pools, node classes, namespaces and variable paths.
// Methods are plain names, not NotificationType objects: the client's
// activation bundle must not load vscode-languageserver-protocol for them.

/** Sorted, without duplicates or empty names; all empty when disconnected or not allowed to read. */
export interface ClusterFacts {
  /** The cluster the names were read from, as the user knows it (its name in settings); shown beside the names. */
  readonly cluster?: string;
  readonly datacenters: readonly string[];
  readonly nodePools: readonly string[];
  readonly nodeClasses: readonly string[];
  readonly namespaces: readonly string[];
  /** Paths of the Variables (Nomad 1.4+) in the connection's namespace, for `nomadVar "..."` in templates; never their values. */
  readonly variablePaths: readonly string[];
  /**
   * Values the cluster's nodes have for the properties constraints and affinities compare,
   * keyed by the target without `${}`: `attr.kernel.name`, `meta.rack`, `node.unique.name`.
   * Each list sorted and distinct; absent when no node could be read.
   */
  readonly nodeProperties?: Readonly<Record<string, readonly string[]>>;
}

/** Bounds on nodeProperties, so a large or odd cluster cannot flood the language server. */
export const NODE_PROPERTY_LIMITS = {
  /** Nodes read (one request each) per snapshot. */
  nodes: 50,
  /** Node reads in flight at once. */
  parallelReads: 4,
  keys: 500,
  valuesPerKey: 50,
  /** Longer keys or values are left out, not cut: a cut value would never match. */
  length: 200,
} as const;

export const NO_CLUSTER_FACTS: ClusterFacts = { datacenters: [], nodePools: [], nodeClasses: [], namespaces: [], variablePaths: [] };

/** Client -> server, params ClusterFacts: sent on connect, when the active cluster changes, and after a refresh found something new. */
export const CLUSTER_FACTS_NOTIFICATION = 'nomad/clusterFacts';

/**
 * Server -> client, no params: completion is about to use the facts. The client re-reads
 * the cluster only when its copy is older than a minute, so sending this often is cheap.
 */
export const CLUSTER_FACTS_WANTED_NOTIFICATION = 'nomad/clusterFactsWanted';
