// What the client last told us about the connected cluster (datacenters, node
// pools, node classes, namespaces), for completion to offer as values. One
// server process serves one client, so a module-level store is enough.
import { NO_CLUSTER_FACTS, type ClusterFacts } from '../protocol/clusterFacts';

let facts: ClusterFacts = NO_CLUSTER_FACTS;
let askForFresherFacts: () => void = () => undefined;

/**
 * The connected cluster's names (all lists empty when there is none). Also asks
 * the client to refresh them; the client answers only when its copy is stale,
 * so a later completion sees the newer names.
 */
export function getClusterFacts(): ClusterFacts {
  askForFresherFacts();
  return facts;
}

/** From the nomad/clusterFacts notification; anything that is not a list of names counts as empty. */
export function setClusterFacts(params: unknown): void {
  const record = params && typeof params === 'object' ? (params as Record<string, unknown>) : {};
  facts = {
    datacenters: names(record.datacenters),
    nodePools: names(record.nodePools),
    nodeClasses: names(record.nodeClasses),
    namespaces: names(record.namespaces),
  };
}

/** server.ts tells the store how to reach the client. */
export function onClusterFactsWanted(ask: () => void): void {
  askForFresherFacts = ask;
}

/** Job attributes whose values are cluster names. (Vault and Consul blocks have namespaces of their own.) */
const JOB_ATTRIBUTES: Readonly<Record<string, keyof ClusterFacts>> = {
  datacenters: 'datacenters',
  node_pool: 'nodePools',
  namespace: 'namespaces',
};
/** Node properties a constraint or affinity may compare, and the names its `value` may then take. */
const PLACEMENT_TARGETS: Readonly<Record<string, keyof ClusterFacts>> = {
  '${node.datacenter}': 'datacenters',
  '${node.class}': 'nodeClasses',
  '${node.pool}': 'nodePools',
};
const PLACEMENT_BLOCKS = new Set(['Constraint', 'Affinity']);

/**
 * The cluster names completion may offer for `attribute` of a block whose schema is
 * `blockName` (`Job`, `Constraint`, ...). For a constraint's or affinity's `value`,
 * `placementTarget` is the block's `attribute`, e.g. `${node.class}`.
 */
export function clusterNamesFor(blockName: string, attribute: string, placementTarget?: string): readonly string[] {
  let kind: keyof ClusterFacts | undefined;
  if (blockName === 'Job') kind = JOB_ATTRIBUTES[attribute];
  else if (PLACEMENT_BLOCKS.has(blockName) && attribute === 'value' && placementTarget) kind = PLACEMENT_TARGETS[placementTarget.trim()];
  return kind ? getClusterFacts()[kind] : [];
}

function names(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const valid = value.filter((name): name is string => typeof name === 'string' && name !== '');
  return [...new Set(valid)].sort();
}
