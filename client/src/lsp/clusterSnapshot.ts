// What the language server wants to know about the connected cluster: its Nomad
// version (for version-aware warnings) and the names completion can offer. No
// `vscode` import, so reading and caching are unit-tested against the fake Nomad.
import { NO_CLUSTER_FACTS, type ClusterFacts } from '../../../common/src/protocol/clusterFacts';
import { agentVersion } from '../nomad/agent';
import { hasFeature } from '../nomad/features';
import { listVariables } from '../nomad/variables';
import type { NomadClient } from '../nomad/client';
import { isNomadError } from '../nomad/errors';
import { readNodeProperties } from './nodeProperties';

export interface ClusterSnapshot {
  /** null when the cluster did not answer or did not say. */
  readonly version: string | null;
  readonly facts: ClusterFacts;
}

export const NO_CLUSTER: ClusterSnapshot = { version: null, facts: NO_CLUSTER_FACTS };

/** Told about each read that failed; the snapshot then has null or empty lists for that part. */
export type ReadFailure = (what: string, error: unknown) => void;

interface Named {
  Name?: string;
}

/** Failures that will repeat for every other endpoint too, so we stop after the first. */
const CONNECTION_FAILURES = new Set(['unreachable', 'tls', 'timeout', 'cancelled']);

const isNotFound = (error: unknown): boolean => isNomadError(error) && error.kind === 'notFound';

/** Reads version, nodes (and the attributes of up to 50), node pools, namespaces and variable paths. Never rejects: failures go to `onFailure`. */
export async function readClusterSnapshot(client: NomadClient, onFailure: ReadFailure): Promise<ClusterSnapshot> {
  let version: string | null = null;
  try {
    version = agentVersion(await client.agentSelf()) ?? null;
  } catch (error) {
    onFailure('version', error);
    // A token without agent:read may still list nodes; an unreachable cluster answers nothing else either.
    if (isNomadError(error) && CONNECTION_FAILURES.has(error.kind)) return NO_CLUSTER;
  }
  const attempt = async <T>(what: string, read: () => Promise<T[]>, quiet = (_: unknown) => false): Promise<T[]> => {
    try {
      return await read();
    } catch (error) {
      if (!quiet(error)) onFailure(what, error);
      return [];
    }
  };
  const [nodes, pools, namespaces, variables] = await Promise.all([
    attempt('nodes', async () => (await client.listNodes()).value),
    // Servers before 1.6 have no node pools and answer 404; that is not worth a log line.
    attempt(
      'node pools',
      async () => (await client.call<Named[]>('/v1/node/pools', { namespace: '', capability: 'node_pool:read' })).value,
      isNotFound,
    ),
    attempt('namespaces', async () => (await client.namespaces()).value),
    // Only paths: the list carries no values. Clusters before 1.4 have no Variables and are not asked.
    hasFeature(version ?? undefined, 'variables') ? attempt('variables', async () => (await listVariables(client)).value) : Promise.resolve([]),
  ]);
  const nodeProperties = nodes.length === 0 ? {} : await readNodeProperties(client, nodes, (error) => onFailure('node attributes', error));
  return {
    version,
    facts: {
      datacenters: uniqueNames(nodes.map((n) => n.Datacenter)),
      nodePools: uniqueNames([...pools.map((p) => p.Name), ...nodes.map((n) => n.NodePool)]),
      nodeClasses: uniqueNames(nodes.map((n) => n.NodeClass)),
      namespaces: uniqueNames(namespaces.map((n) => n.Name)),
      variablePaths: uniqueNames(variables.map((v) => v.Path)),
      ...(Object.keys(nodeProperties).length > 0 ? { nodeProperties } : {}),
    },
  };
}

function uniqueNames(values: readonly unknown[]): string[] {
  const names = values.filter((value): value is string => typeof value === 'string' && value !== '');
  return [...new Set(names)].sort();
}

/** How long a snapshot serves requests before the cluster is read again. */
export const SNAPSHOT_MAX_AGE_MS = 60_000;

/**
 * One snapshot per connection. Every connection change builds a new NomadClient,
 * so the client object is the key: a new one is read at once, the same one at
 * most every `maxAgeMs` (callers share a read in flight).
 */
export class ClusterSnapshotCache {
  private entry: { client: NomadClient; readAt: number; snapshot: Promise<ClusterSnapshot> } | undefined;

  constructor(
    private readonly read: (client: NomadClient, onFailure: ReadFailure) => Promise<ClusterSnapshot> = readClusterSnapshot,
    private readonly now: () => number = Date.now,
    private readonly maxAgeMs = SNAPSHOT_MAX_AGE_MS,
  ) {}

  /** `fresh` reads again even within maxAgeMs (the cluster just came back). */
  get(client: NomadClient, onFailure: ReadFailure, fresh = false): Promise<ClusterSnapshot> {
    const now = this.now();
    const entry = this.entry;
    if (!fresh && entry && entry.client === client && now - entry.readAt < this.maxAgeMs) return entry.snapshot;
    const snapshot = this.read(client, onFailure);
    this.entry = { client, readAt: now, snapshot };
    return snapshot;
  }
}
