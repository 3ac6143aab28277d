// Names that exist on the connected cluster, offered as attribute values: a job's
// datacenters, node pool and namespace, and the `value` of a constraint or affinity
// that compares a node's datacenter, class or pool. The names come from the client
// (nomad/clusterFacts); when none are known, nothing is offered and nothing waits.
import { CompletionItemKind } from 'vscode-languageserver-types';
import type { ClusterFacts } from '../../../../common/src/protocol/clusterFacts';
import type { ValueOption } from './completionItems';

/** Called only when a value could be a cluster name: reading may ask the client for fresher facts. */
export type ClusterFactsSource = () => ClusterFacts;

type NameList = Exclude<keyof ClusterFacts, 'cluster' | 'variablePaths'>;

/** Job attributes (HCL names) whose values are cluster names. Vault and Consul blocks have namespaces of their own. */
const JOB_ATTRIBUTES: ReadonlyMap<string, NameList> = new Map([
  ['datacenters', 'datacenters'],
  ['node_pool', 'nodePools'],
  ['namespace', 'namespaces'],
]);
/** Node properties a constraint or affinity may compare, and the names its `value` may then take. */
const PLACEMENT_TARGETS: ReadonlyMap<string, NameList> = new Map([
  ['${node.datacenter}', 'datacenters'],
  ['${node.class}', 'nodeClasses'],
  ['${node.pool}', 'nodePools'],
]);
const PLACEMENT_BLOCKS = new Set(['Constraint', 'Affinity']);
const WHAT: Readonly<Record<NameList, string>> = {
  datacenters: 'datacenter',
  nodePools: 'node pool',
  nodeClasses: 'node class',
  namespaces: 'namespace',
};

export interface ClusterValueSite {
  /** Schema name of the block holding the attribute: `Job`, `Constraint`, ... */
  readonly blockName: string;
  /** The attribute's HCL name (API JSON passes the HCL name of its field too). */
  readonly attribute: string;
  /** For a constraint's or affinity's `value`: its `attribute` as written, e.g. `${node.class}`. */
  readonly placementTarget: string | undefined;
}

function nameListFor(site: ClusterValueSite): NameList | undefined {
  if (site.blockName === 'Job') return JOB_ATTRIBUTES.get(site.attribute);
  if (!PLACEMENT_BLOCKS.has(site.blockName) || site.attribute !== 'value' || site.placementTarget === undefined) return undefined;
  return PLACEMENT_TARGETS.get(site.placementTarget.trim());
}

/** The cluster's names that fit the attribute, each inserted as `insert(name)` says (quoted, or as a list). */
export function clusterValueOptions(facts: ClusterFactsSource, site: ClusterValueSite, insert: (name: string) => string): ValueOption[] {
  const list = nameListFor(site);
  if (!list) return [];
  const known = facts();
  const detail = `${WHAT[list]} from ${known.cluster === undefined ? 'the connected cluster' : `cluster ${known.cluster}`}`;
  return known[list].map((name) => ({ label: name, insert: insert(name), kind: CompletionItemKind.Value, detail, preferred: true }));
}
