// Names that exist on the connected cluster, offered as attribute values: a job's
// datacenters, node pool and namespace, and the `value` of a constraint or affinity
// that compares a node's datacenter, class, pool or one of its attributes or meta keys
// (whose names are offered as targets too). The names come from the client
// (nomad/clusterFacts); when none are known, nothing is offered and nothing waits.
import { CompletionItemKind } from 'vscode-languageserver-types';
import type { ClusterFacts } from '../../../../common/src/protocol/clusterFacts';
import type { ValueOption } from './completionItems';

/** Called only when a value could be a cluster name: reading may ask the client for fresher facts. */
export type ClusterFactsSource = () => ClusterFacts;

type NameList = Exclude<keyof ClusterFacts, 'cluster' | 'variablePaths' | 'nodeProperties'>;

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

/** What the names are and which list holds them: a NameList, or a node property's key in `nodeProperties`. */
type NameSource = { readonly list: NameList } | { readonly property: string };

function nameSourceFor(site: ClusterValueSite): NameSource | undefined {
  if (site.blockName === 'Job') {
    const list = JOB_ATTRIBUTES.get(site.attribute);
    return list && { list };
  }
  if (!PLACEMENT_BLOCKS.has(site.blockName) || site.attribute !== 'value' || site.placementTarget === undefined) return undefined;
  const target = site.placementTarget.trim();
  const list = PLACEMENT_TARGETS.get(target);
  if (list) return { list };
  const property = /^\$\{\s*((?:attr|meta|node)\.[^}\s]+)\s*\}$/.exec(target)?.[1];
  return property === undefined ? undefined : { property };
}

function fromCluster(known: ClusterFacts): string {
  return known.cluster === undefined ? 'the connected cluster' : `cluster ${known.cluster}`;
}

/** The cluster's names that fit the attribute, each inserted as `insert(name)` says (quoted, or as a list). */
export function clusterValueOptions(facts: ClusterFactsSource, site: ClusterValueSite, insert: (name: string) => string): ValueOption[] {
  const source = nameSourceFor(site);
  if (!source) return [];
  const known = facts();
  const [names, what] = 'list' in source ? [known[source.list], WHAT[source.list]] : [known.nodeProperties?.[source.property] ?? [], `value of ${source.property}`];
  const detail = `${what} from ${fromCluster(known)}`;
  return names.map((name) => ({ label: name, insert: insert(name), kind: CompletionItemKind.Value, detail, preferred: true }));
}

/**
 * Attribute and meta keys the cluster's nodes report beyond `known` (the documented
 * targets), as `attr.X` / `meta.X`; `wrap` writes the label as it is inserted.
 */
export function clusterNodeTargetOptions(facts: ClusterFactsSource, known: ReadonlySet<string>, wrap: (name: string) => Pick<ValueOption, 'label' | 'insert'>): ValueOption[] {
  const current = facts();
  const keys = Object.keys(current.nodeProperties ?? {}).filter((key) => (key.startsWith('attr.') || key.startsWith('meta.')) && !known.has(key));
  const detail = (key: string): string => `${key.startsWith('attr.') ? 'node attribute' : 'node meta'} from ${fromCluster(current)}`;
  return keys.map((key) => ({ ...wrap(key), kind: CompletionItemKind.Property, detail: detail(key) }));
}
