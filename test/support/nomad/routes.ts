// The fake's route table. Each route is a pattern over the DECODED path (as
// Nomad 1.0 matched `/v1/job/<id>/<suffix>`, so ids with slashes work when
// encoded) and a handler per method: `read` handlers report the index that
// blocking queries wait on, `answer` handlers return a body, `raw` handlers
// write the response themselves (for streams added later, e.g. logs).
import type { IncomingMessage, ServerResponse } from 'http';
import { deploymentRoutes } from './deployments';
import { jobDiff } from './diff';
import {
  deregisterJob,
  dispatchJob,
  evaluateJob,
  forcePeriodic,
  parseJob,
  registerJob,
  revertJob,
  setStability,
} from './jobWrites';
import { versionAtLeast } from '../../../client/src/nomad/agent';
import { ACTIONS_SINCE, jobActions } from './execFake';
import { nodeRoutes } from './nodes';
import { submissionRoutes } from './submissions';
import { variableRoutes } from './variables';
import { versionTagRoutes } from './versionTags';
import { planJob } from './plan';
import { scaleJob } from './scale';
import { allocationStub, allocationView, jobListStub } from './records';
import { HttpError } from './httpError';
import type { FakeNomadState } from './state';

export interface RouteRequest {
  method: string;
  /** Decoded path without the query. */
  path: string;
  /** Capture groups of the route pattern. */
  params: string[];
  query: URLSearchParams;
  body: string;
  /** `namespace` query parameter, 'default' when absent. */
  namespace: string;
  state: FakeNomadState;
  raw: IncomingMessage;
}

/** What a read found: a value or an error, and the index a blocking query compares against. */
export interface ReadResult {
  index: number;
  value?: unknown;
  error?: HttpError;
}

export type RouteHandler =
  | { read: (req: RouteRequest) => ReadResult }
  | { answer: (req: RouteRequest) => unknown }
  | { raw: (req: RouteRequest, res: ServerResponse) => void | Promise<void> };

export interface Route {
  pattern: RegExp;
  methods: Partial<Record<string, RouteHandler>>;
}

const found = (value: unknown, index: number): ReadResult => ({ value, index });
const missing = (text: string, index: number): ReadResult => ({ error: new HttpError(404, text), index });

/** Nomad looks allocations, evaluations and deployments up by their UUID index, which refuses other lengths with a 500. */
const notUuid = (kind: string, id: string, index: number): ReadResult | undefined =>
  id.length === 36 ? undefined : { error: new HttpError(500, `${kind} lookup failed: index error: UUID must be 36 characters`), index };

/** A read of one job or one of its sub-resources. */
function jobRead(read: (req: RouteRequest, id: string) => ReadResult): RouteHandler {
  return { read: (req) => read(req, req.params[0]) };
}

function jobVersions(req: RouteRequest, id: string): ReadResult {
  const { state } = req;
  const index = state.tableIndex('job_version');
  const rec = state.job(req.namespace, id);
  if (!rec) return missing('job versions not found', index);
  const versions = [...rec.versions.values()].sort((a, b) => (b.Version ?? 0) - (a.Version ?? 0));
  const wantDiffs = req.query.get('diffs') === 'true' && versions.length > 1;
  const diffs = wantDiffs ? versions.slice(0, -1).map((v, i) => jobDiff(versions[i + 1], v, false)) : null;
  return found({ Diffs: diffs, Index: index, KnownLeader: true, LastContact: 0, Versions: versions }, index);
}

/** The parts of /v1/agent/self that clients read, shaped like the v1.0 answer. */
function agentSelf(state: FakeNomadState): unknown {
  const region = state.regions[0] ?? 'global';
  return {
    config: {
      ACL: { Enabled: state.aclEnabled },
      Datacenter: 'dc1',
      Region: region,
      Version: { Revision: 'fake', Version: state.agentVersion, VersionMetadata: '', VersionPrerelease: '' },
    },
    member: { Name: `fake.${region}`, Status: 'alive', Tags: { build: state.agentVersion, dc: 'dc1', region, role: 'nomad' } },
    stats: { nomad: { leader: 'true', server: 'true', known_regions: String(state.regions.length) } },
  };
}

export function defaultRoutes(): Route[] {
  return [
    {
      pattern: /^\/v1\/jobs$/,
      methods: {
        GET: {
          read: ({ state, namespace, query }) => {
            const prefix = query.get('prefix') ?? '';
            const stubs = state
              .jobsIn(namespace)
              .filter((rec) => String(rec.current.ID).startsWith(prefix))
              .map((rec) => jobListStub(rec.current, state.summaryOf(rec), namespace === '*'));
            return found(stubs, state.tableIndex('jobs', 'job_summary'));
          },
        },
        POST: { answer: ({ state, body, namespace }) => registerJob(state, body, namespace) },
      },
    },
    { pattern: /^\/v1\/jobs\/parse$/, methods: { POST: { answer: ({ state, body }) => parseJob(state, body) } } },
    ...submissionRoutes(),
    ...versionTagRoutes(),
    {
      pattern: /^\/v1\/job\/(.+)\/periodic\/force$/,
      methods: { POST: { answer: ({ state, namespace, params }) => forcePeriodic(state, namespace, params[0]) } },
    },
    {
      pattern: /^\/v1\/job\/(.+)\/versions$/,
      methods: { GET: jobRead(jobVersions) },
    },
    {
      pattern: /^\/v1\/job\/(.+)\/allocations$/,
      methods: {
        GET: jobRead(({ state, namespace, query }, id) =>
          found(state.allocationsOf(namespace, id, query.get('all') === 'true').map(allocationStub), state.tableIndex('allocs')),
        ),
      },
    },
    {
      pattern: /^\/v1\/job\/(.+)\/evaluations$/,
      methods: { GET: jobRead(({ state, namespace }, id) => found(state.evaluationsOf(namespace, id), state.tableIndex('evals'))) },
    },
    {
      pattern: /^\/v1\/job\/(.+)\/deployments$/,
      methods: { GET: jobRead(({ state, namespace }, id) => found(state.deploymentsOf(namespace, id), state.tableIndex('deployment'))) },
    },
    {
      pattern: /^\/v1\/job\/(.+)\/deployment$/,
      methods: {
        GET: jobRead(({ state, namespace }, id) => found(state.deploymentsOf(namespace, id)[0] ?? null, state.tableIndex('deployment'))),
      },
    },
    {
      pattern: /^\/v1\/job\/(.+)\/summary$/,
      methods: {
        GET: jobRead(({ state, namespace }, id) => {
          const rec = state.job(namespace, id);
          return rec ? found(state.summaryOf(rec), rec.summaryIndex) : missing('job not found', state.tableIndex('job_summary'));
        }),
      },
    },
    {
      pattern: /^\/v1\/job\/(.+)\/dispatch$/,
      methods: { POST: { answer: ({ state, body, namespace, params }) => dispatchJob(state, body, namespace, params[0]) } },
    },
    {
      pattern: /^\/v1\/job\/(.+)\/evaluate$/,
      methods: { POST: { answer: ({ state, body, namespace, params }) => evaluateJob(state, body, namespace, params[0]) } },
    },
    {
      pattern: /^\/v1\/job\/(.+)\/revert$/,
      methods: { POST: { answer: ({ state, body, namespace, params }) => revertJob(state, body, namespace, params[0]) } },
    },
    {
      pattern: /^\/v1\/job\/(.+)\/stable$/,
      methods: { POST: { answer: ({ state, body, namespace, params }) => setStability(state, body, namespace, params[0]) } },
    },
    {
      pattern: /^\/v1\/job\/(.+)\/scale$/,
      methods: {
        POST: { answer: ({ state, body, namespace, params }) => scaleJob(state, body, namespace, params[0]) },
        PUT: { answer: ({ state, body, namespace, params }) => scaleJob(state, body, namespace, params[0]) },
      },
    },
    {
      // Before 1.7 the suffix is read as part of the job id, so the job is "not found".
      pattern: /^\/v1\/job\/(.+)\/actions$/,
      methods: {
        GET: jobRead(({ state, namespace }, id) => {
          const rec = versionAtLeast(state.agentVersion, ACTIONS_SINCE) ? state.job(namespace, id) : undefined;
          return rec ? found(jobActions(rec.current), state.tableIndex('jobs')) : missing('job not found', state.tableIndex('jobs'));
        }),
      },
    },
    {
      pattern: /^\/v1\/job\/(.+)\/plan$/,
      methods: { POST: { answer: ({ state, body, namespace, params }) => planJob(state, body, namespace, params[0]) } },
    },
    {
      pattern: /^\/v1\/job\/(.+)$/,
      methods: {
        GET: jobRead(({ state, namespace }, id) => {
          const rec = state.job(namespace, id);
          return rec ? found(rec.current, rec.current.ModifyIndex ?? 0) : missing('job not found', state.tableIndex('jobs'));
        }),
        POST: { answer: ({ state, body, namespace, params }) => registerJob(state, body, namespace, params[0]) },
        PUT: { answer: ({ state, body, namespace, params }) => registerJob(state, body, namespace, params[0]) },
        DELETE: { answer: ({ state, namespace, params, query }) => deregisterJob(state, namespace, params[0], query.get('purge')) },
      },
    },
    {
      pattern: /^\/v1\/allocation\/([^/]+)$/,
      methods: {
        GET: {
          read: ({ state, params }) => {
            const alloc = state.allocations.get(params[0]);
            const refused = notUuid('alloc', params[0], state.tableIndex('allocs'));
            if (refused) return refused;
            return alloc ? found(allocationView(alloc), alloc.ModifyIndex) : missing('alloc not found', state.tableIndex('allocs'));
          },
        },
      },
    },
    {
      pattern: /^\/v1\/evaluation\/([^/]+)$/,
      methods: {
        GET: {
          read: ({ state, params }) => {
            const evaluation = state.evaluations.get(params[0]);
            const refused = notUuid('eval', params[0], state.tableIndex('evals'));
            if (refused) return refused;
            return evaluation ? found(evaluation, evaluation.ModifyIndex) : missing('eval not found', state.tableIndex('evals'));
          },
        },
      },
    },
    ...deploymentRoutes(),
    {
      pattern: /^\/v1\/deployment\/([^/]+)$/,
      methods: {
        GET: {
          read: ({ state, params }) => {
            const deployment = state.deployments.get(params[0]);
            const refused = notUuid('deployment', params[0], state.tableIndex('deployment'));
            if (refused) return refused;
            return deployment ? found(deployment, deployment.ModifyIndex) : missing('deployment not found', state.tableIndex('deployment'));
          },
        },
      },
    },
    { pattern: /^\/v1\/agent\/self$/, methods: { GET: { answer: ({ state }) => agentSelf(state) } } },
    { pattern: /^\/v1\/regions$/, methods: { GET: { answer: ({ state }) => [...state.regions].sort() } } },
    {
      pattern: /^\/v1\/namespaces$/,
      methods: {
        GET: {
          read: ({ state }) =>
            found([...state.namespaces.values()].sort((a, b) => a.Name.localeCompare(b.Name)), state.tableIndex('namespaces')),
        },
      },
    },
    ...nodeRoutes(),
    ...variableRoutes(),
  ];
}
