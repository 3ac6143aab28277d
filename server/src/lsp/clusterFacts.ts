// What the client last told us about the connected cluster (datacenters, node
// pools, node classes, namespaces, node attribute values), for completion to offer as values. One
// server process serves one client, so a module-level store is enough; the
// completion service gets `getClusterFacts` passed in and never reads this module.
import { NODE_PROPERTY_LIMITS, NO_CLUSTER_FACTS, type ClusterFacts } from '../../../common/src/protocol/clusterFacts';

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
  const lists = {
    datacenters: names(record.datacenters),
    nodePools: names(record.nodePools),
    nodeClasses: names(record.nodeClasses),
    namespaces: names(record.namespaces),
    variablePaths: names(record.variablePaths),
  };
  const nodeProperties = propertyValues(record.nodeProperties);
  const withNodes = nodeProperties === undefined ? lists : { ...lists, nodeProperties };
  facts = typeof record.cluster === 'string' && record.cluster !== '' ? { cluster: record.cluster, ...withNodes } : withNodes;
}

/** server.ts tells the store how to reach the client. */
export function onClusterFactsWanted(ask: () => void): void {
  askForFresherFacts = ask;
}

function names(value: unknown, limit = Infinity): string[] {
  if (!Array.isArray(value)) return [];
  const valid = value.filter((name): name is string => typeof name === 'string' && name !== '' && name.length <= limit);
  return [...new Set(valid)].sort();
}

/** The client bounds these already; a misbehaving client still cannot make completion slow. */
function propertyValues(value: unknown): Record<string, string[]> | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([key]) => key !== '' && key.length <= NODE_PROPERTY_LIMITS.length)
    .slice(0, NODE_PROPERTY_LIMITS.keys)
    .map(([key, values]): [string, string[]] => [key, names(values, NODE_PROPERTY_LIMITS.length).slice(0, NODE_PROPERTY_LIMITS.valuesPerKey)])
    .filter(([, values]) => values.length > 0);
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}
