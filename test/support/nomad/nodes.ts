// Client nodes and node pools of the fake cluster: what GET /v1/nodes and
// GET /v1/node/pools answer. Scheduling still places everything on the first
// node (see scheduler.ts); the others only exist to be listed.
import { versionAtLeast } from '../../../client/src/nomad/agent';
import { HttpError } from './httpError';
import { FAKE_NODE_ID, FAKE_NODE_NAME, uuid } from './records';
import type { Route } from './routes';
import type { FakeNomadState } from './state';

export interface FakeNode {
  ID: string;
  Name: string;
  Datacenter: string;
  /** Empty when the node has no class, as Nomad reports it. */
  NodeClass: string;
  NodePool: string;
  Status: 'ready' | 'down' | 'initializing';
  CreateIndex: number;
  ModifyIndex: number;
}

/** Node pools arrived in Nomad 1.6; older servers know neither the endpoint nor the stub field. */
const NODE_POOLS_SINCE = '1.6.0';
/** Pools every cluster has, whether or not a node uses them. */
const BUILT_IN_POOLS = ['all', 'default'];

export function firstNode(): FakeNode {
  return {
    ID: FAKE_NODE_ID,
    Name: FAKE_NODE_NAME,
    Datacenter: 'dc1',
    NodeClass: '',
    NodePool: 'default',
    Status: 'ready',
    CreateIndex: 1,
    ModifyIndex: 1,
  };
}

/** A new node as `state.addNode` stores it: defaults for everything not given. */
export function newNode(fields: Partial<FakeNode>, index: number): FakeNode {
  return { ...firstNode(), ID: uuid(), Name: `node-${index}`, ...fields, CreateIndex: index, ModifyIndex: index };
}

function nodeStub(node: FakeNode, withPools: boolean): Record<string, unknown> {
  const stub: Record<string, unknown> = {
    Address: '127.0.0.1',
    CreateIndex: node.CreateIndex,
    Datacenter: node.Datacenter,
    Drain: false,
    Drivers: {},
    ID: node.ID,
    ModifyIndex: node.ModifyIndex,
    Name: node.Name,
    NodeClass: node.NodeClass,
    SchedulingEligibility: 'eligible',
    Status: node.Status,
    StatusDescription: '',
    Version: '',
  };
  if (withPools) stub.NodePool = node.NodePool;
  return stub;
}

export function nodeRoutes(): Route[] {
  const poolsKnown = (state: FakeNomadState): boolean => versionAtLeast(state.agentVersion, NODE_POOLS_SINCE);
  return [
    {
      pattern: /^\/v1\/nodes$/,
      methods: {
        GET: {
          read: ({ state }) => ({
            value: [...state.nodes.values()].map((node) => nodeStub(node, poolsKnown(state))),
            index: state.tableIndex('nodes'),
          }),
        },
      },
    },
    {
      pattern: /^\/v1\/node\/pools$/,
      methods: {
        GET: {
          read: ({ state }) => {
            const index = state.tableIndex('nodes');
            // An older server reads "pools" as a node id.
            if (!poolsKnown(state)) return { error: new HttpError(404, 'node not found'), index };
            const names = new Set([...BUILT_IN_POOLS, ...[...state.nodes.values()].map((node) => node.NodePool)]);
            return { value: [...names].sort().map((Name) => ({ Name, Description: '', CreateIndex: 1, ModifyIndex: 1 })), index };
          },
        },
      },
    },
  ];
}
