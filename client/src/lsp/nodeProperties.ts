// The values a cluster's nodes have for `${attr.*}`, `${meta.*}` and `${node.unique.*}`,
// for completion of a constraint's or affinity's value. The node list carries no
// attributes, so each node is read, but only a bounded number, a few at a time.
// No `vscode` import: unit-tested against the fake Nomad.
import { NODE_PROPERTY_LIMITS } from '../../../common/src/protocol/clusterFacts';
import type { NomadClient } from '../nomad/client';
import type { NodeListStub, NomadNode } from '../nomad/types';

/** Reads up to NODE_PROPERTY_LIMITS.nodes nodes; a node that fails to read is skipped and reported once. */
export async function readNodeProperties(
  client: NomadClient,
  nodes: readonly NodeListStub[],
  onFailure: (error: unknown) => void,
): Promise<Record<string, string[]>> {
  const chosen = nodes.slice(0, NODE_PROPERTY_LIMITS.nodes);
  const details: NomadNode[] = [];
  let failed = false;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < chosen.length) {
      const stub = chosen[next++];
      try {
        details.push((await client.readNode(stub.ID)).value);
      } catch (error) {
        // Every node fails alike when the token lacks node:read; one report is enough.
        if (!failed) onFailure(error);
        failed = true;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(NODE_PROPERTY_LIMITS.parallelReads, chosen.length) }, worker));
  return collectNodeProperties(chosen, details);
}

/** Distinct values per property, within NODE_PROPERTY_LIMITS; keys and values sorted. */
export function collectNodeProperties(stubs: readonly NodeListStub[], details: readonly NomadNode[]): Record<string, string[]> {
  const seen = new Map<string, Set<string>>();
  const add = (key: string, value: unknown): void => {
    if (typeof value !== 'string' || value === '' || key.length > NODE_PROPERTY_LIMITS.length || value.length > NODE_PROPERTY_LIMITS.length) return;
    let values = seen.get(key);
    if (!values) {
      if (seen.size >= NODE_PROPERTY_LIMITS.keys) return;
      values = new Set();
      seen.set(key, values);
    }
    if (values.size < NODE_PROPERTY_LIMITS.valuesPerKey) values.add(value);
  };
  for (const stub of stubs) {
    add('node.unique.id', stub.ID);
    add('node.unique.name', stub.Name);
  }
  for (const node of details) {
    for (const [key, value] of Object.entries(node.Attributes ?? {})) add(`attr.${key}`, value);
    for (const [key, value] of Object.entries(node.Meta ?? {})) add(`meta.${key}`, value);
  }
  const keys = [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(keys.map(([key, values]) => [key, [...values].sort()]));
}
