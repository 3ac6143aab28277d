// Client <-> server: names that exist on the connected cluster, so completion
// can offer real datacenters, node pools, node classes and namespaces.
import { NotificationType, NotificationType0 } from 'vscode-languageserver-protocol';

/** Sorted, without duplicates or empty names; all empty when disconnected or not allowed to read. */
export interface ClusterFacts {
  /** The cluster the names were read from, as the user knows it (its name in settings); shown beside the names. */
  readonly cluster?: string;
  readonly datacenters: readonly string[];
  readonly nodePools: readonly string[];
  readonly nodeClasses: readonly string[];
  readonly namespaces: readonly string[];
}

export const NO_CLUSTER_FACTS: ClusterFacts = { datacenters: [], nodePools: [], nodeClasses: [], namespaces: [] };

/** Client -> server: sent on connect, when the active cluster changes, and after a refresh found something new. */
export const ClusterFactsNotification = new NotificationType<ClusterFacts>('nomad/clusterFacts');

/**
 * Server -> client: completion is about to use the facts. The client re-reads the
 * cluster only when its copy is older than a minute, so sending this often is cheap.
 */
export const ClusterFactsWantedNotification = new NotificationType0('nomad/clusterFactsWanted');
