// Client nodes and node pools of the fake cluster: what GET /v1/nodes,
// /v1/node/:id, /v1/node/:id/allocations and /v1/node/pools answer, and the
// eligibility and drain writes. Scheduling still places everything on the
// first node (see scheduler.ts); the others only exist to be listed. A drain
// of a node without allocations completes at once, as on a real agent; with
// allocations it stays in progress until stopped (nothing is migrated).
import { versionAtLeast } from '../../../client/src/nomad/agent';
import { HttpError } from './httpError';
import { decodeBody } from './jobWrites';
import { allocationView, FAKE_NODE_ID, FAKE_NODE_NAME, uuid } from './records';
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
  SchedulingEligibility: 'eligible' | 'ineligible';
  Drain: boolean;
  DrainStrategy: { Deadline: number; ForceDeadline: string; IgnoreSystemJobs: boolean; StartedAt: string } | null;
  Drivers: Record<string, { Attributes: Record<string, string> | null; Detected: boolean; HealthDescription: string; Healthy: boolean; UpdateTime: string }>;
  /** What the agent fingerprinted, and the client's meta; only a node read (not the list) carries them. */
  Attributes: Record<string, string>;
  Meta: Record<string, string>;
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
    SchedulingEligibility: 'eligible',
    Drain: false,
    DrainStrategy: null,
    Drivers: {
      raw_exec: { Attributes: { 'driver.raw_exec': 'true' }, Detected: true, HealthDescription: 'Healthy', Healthy: true, UpdateTime: '2026-01-01T00:00:00Z' },
      docker: { Attributes: null, Detected: false, HealthDescription: 'Failed to connect to docker daemon', Healthy: false, UpdateTime: '2026-01-01T00:00:00Z' },
    },
    Attributes: { 'driver.raw_exec': '1', 'kernel.name': 'linux', 'nomad.version': '1.0.18', 'cpu.arch': 'amd64', 'unique.hostname': FAKE_NODE_NAME },
    Meta: { 'connect.log_level': 'info' },
    CreateIndex: 1,
    ModifyIndex: 1,
  };
}

/** A new node as `state.addNode` stores it: defaults for everything not given. */
export function newNode(fields: Partial<FakeNode>, index: number): FakeNode {
  const name = fields.Name ?? `node-${index}`;
  const defaults = firstNode();
  return {
    ...defaults,
    ID: uuid(),
    Name: name,
    Attributes: { ...defaults.Attributes, 'unique.hostname': name },
    ...fields,
    CreateIndex: index,
    ModifyIndex: index,
  };
}

function nodeStub(node: FakeNode, withPools: boolean): Record<string, unknown> {
  const stub: Record<string, unknown> = {
    Address: '127.0.0.1',
    CreateIndex: node.CreateIndex,
    Datacenter: node.Datacenter,
    Drain: node.Drain,
    Drivers: node.Drivers,
    ID: node.ID,
    ModifyIndex: node.ModifyIndex,
    Name: node.Name,
    NodeClass: node.NodeClass,
    SchedulingEligibility: node.SchedulingEligibility,
    Status: node.Status,
    StatusDescription: '',
    Version: '',
  };
  if (withPools) stub.NodePool = node.NodePool;
  return stub;
}

/** GET /v1/node/:id: the stub's fields plus what a full node carries. */
function nodeDetail(node: FakeNode, withPools: boolean): Record<string, unknown> {
  return {
    ...nodeStub(node, withPools),
    Attributes: node.Attributes,
    ComputedClass: 'v1:0000000000000000000',
    DrainStrategy: node.DrainStrategy,
    Events: [],
    HTTPAddr: '127.0.0.1:4646',
    Meta: node.Meta,
    TLSEnabled: false,
  };
}

const ELIGIBILITIES = new Set(['eligible', 'ineligible']);

function knownNode(state: FakeNomadState, id: string): FakeNode {
  const node = state.nodes.get(id);
  // The RPC's plain error: a 500, unlike the 404 of a read.
  if (!node) throw new HttpError(500, 'node not found');
  return node;
}

function nodeWritten(state: FakeNomadState, node: FakeNode): Record<string, unknown> {
  const index = state.commit('nodes');
  node.ModifyIndex = index;
  state.notify();
  return { EvalCreateIndex: 0, EvalIDs: null, Index: index, NodeModifyIndex: index };
}

function setEligibility(state: FakeNomadState, id: string, text: string): Record<string, unknown> {
  const body = decodeBody(text);
  const wanted = typeof body.Eligibility === 'string' ? body.Eligibility : '';
  if (!ELIGIBILITIES.has(wanted)) throw new HttpError(500, `invalid scheduling eligibility "${wanted}"`);
  const node = knownNode(state, id);
  node.SchedulingEligibility = wanted as FakeNode['SchedulingEligibility'];
  return nodeWritten(state, node);
}

function drain(state: FakeNomadState, id: string, text: string): Record<string, unknown> {
  const body = decodeBody(text);
  const node = knownNode(state, id);
  const spec = body.DrainSpec as { Deadline?: number; IgnoreSystemJobs?: boolean } | null | undefined;
  if (spec) {
    const running = [...state.allocations.values()].some((a) => a.NodeID === node.ID && a.DesiredStatus === 'run' && !['complete', 'failed', 'lost'].includes(a.ClientStatus));
    const deadline = spec.Deadline ?? 0;
    node.SchedulingEligibility = 'ineligible';
    node.Drain = running;
    node.DrainStrategy = running
      ? { Deadline: deadline, ForceDeadline: new Date(state.clock() + deadline / 1e6).toISOString(), IgnoreSystemJobs: spec.IgnoreSystemJobs === true, StartedAt: new Date(state.clock()).toISOString() }
      : null;
  } else {
    node.Drain = false;
    node.DrainStrategy = null;
    if (body.MarkEligible === true) node.SchedulingEligibility = 'eligible';
  }
  return nodeWritten(state, node);
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
      pattern: /^\/v1\/node\/([^/]+)\/eligibility$/,
      methods: { POST: { answer: ({ state, params, body }) => setEligibility(state, params[0], body) }, PUT: { answer: ({ state, params, body }) => setEligibility(state, params[0], body) } },
    },
    {
      pattern: /^\/v1\/node\/([^/]+)\/drain$/,
      methods: { POST: { answer: ({ state, params, body }) => drain(state, params[0], body) }, PUT: { answer: ({ state, params, body }) => drain(state, params[0], body) } },
    },
    {
      pattern: /^\/v1\/node\/([^/]+)\/allocations$/,
      methods: {
        GET: {
          read: ({ state, params }) => ({
            value: [...state.allocations.values()].filter((a) => a.NodeID === params[0]).map(allocationView),
            index: state.tableIndex('allocs'),
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
    {
      pattern: /^\/v1\/node\/([^/]+)$/,
      methods: {
        GET: {
          read: ({ state, params }) => {
            const node = state.nodes.get(params[0]);
            const index = state.tableIndex('nodes');
            return node ? { value: nodeDetail(node, poolsKnown(state)), index: node.ModifyIndex } : { error: new HttpError(404, 'node not found'), index };
          },
        },
      },
    },
  ];
}
