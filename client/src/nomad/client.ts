// Typed calls for every Jobs endpoint plus the few reads the extension needs
// around them. Each method only builds a path, query and body; sending,
// time-outs, TLS and error mapping live in transport.ts. Responses are parsed
// JSON returned as-is, so fields unknown to types.ts survive.
import type { IncomingMessage } from 'http';
import type WebSocket from 'ws';
import { ConnectionConfig, DEFAULT_REQUEST_TIMEOUT_MS } from './config';
import { parseGoDuration } from './duration';
import { badResponse, NomadError } from './errors';
import { LogSink, Transport, TransportResponse } from './transport';
import type {
  AgentSelf,
  Allocation,
  AllocationListStub,
  Deployment,
  DeploymentUpdateResponse,
  Evaluation,
  Job,
  JobDeregisterResponse,
  JobDispatchResponse,
  JobListStub,
  JobPlanResponse,
  JobRegisterResponse,
  JobStabilityResponse,
  JobSummary,
  JobVersionsResponse,
  Namespace,
  NodeListStub,
  NodeUpdateResponse,
  NomadNode,
  PeriodicForceResponse,
} from './types';
import type { JobSubmission } from './submissions';

export interface QueryOptions {
  namespace?: string;
  region?: string;
  /** Blocking query: answer only once the index passes this (or the wait ends). */
  index?: number;
  /** Go duration, e.g. '5m'; Nomad's default (5m) when omitted with an index. */
  wait?: string;
  signal?: AbortSignal;
}

export interface WriteOptions {
  namespace?: string;
  region?: string;
  signal?: AbortSignal;
}

export interface RegisterOptions extends WriteOptions {
  /** Check-and-set: submit only if the job's JobModifyIndex is this (0 = only if the job is new). */
  enforceIndex?: number;
  policyOverride?: boolean;
  /** The job's source, kept by the cluster with the new version (Nomad 1.6+; older servers ignore it). */
  submission?: JobSubmission;
}

export interface QueryResult<T> {
  value: T;
  /** X-Nomad-Index: pass it back as `index` to block until something changes. */
  index: number;
  knownLeader?: boolean;
  lastContact?: number;
}

export interface ClientOptions {
  /** Receives one line per request (method, path with query, status, ms); never the token. */
  log?: LogSink;
}

/** A request to any endpoint, for features that add endpoints outside this file. */
export interface ApiCall extends QueryOptions {
  method?: string;
  /** Extra query parameters. */
  query?: Record<string, string | number | boolean | undefined>;
  /** Serialized as JSON. */
  body?: unknown;
  capability?: string;
  subject?: string;
  /** Lists that accept namespace '*' set this; elsewhere a '*' default namespace is left out. */
  wildcardNamespace?: boolean;
}

// Nomad adds up to wait/16 of jitter to a blocking query; we allow that on top.
const BLOCKING_JITTER_DIVISOR = 16;
const DEFAULT_WAIT = '5m';

const segment = encodeURIComponent;

export class NomadClient {
  readonly config: ConnectionConfig;
  private readonly transport: Transport;

  constructor(config: ConnectionConfig, options: ClientOptions = {}) {
    this.config = config;
    this.transport = new Transport(config, options.log);
  }

  /** Closes idle keep-alive connections. */
  dispose(): void {
    this.transport.dispose();
  }

  listJobs(q: QueryOptions & { prefix?: string } = {}): Promise<QueryResult<JobListStub[]>> {
    return this.call('/v1/jobs', {
      ...q,
      query: { prefix: q.prefix || undefined },
      capability: 'list-jobs',
      wildcardNamespace: true,
    });
  }

  registerJob(job: Job, opts: RegisterOptions = {}): Promise<JobRegisterResponse> {
    return this.write('POST', '/v1/jobs', registerBody(job, opts), opts, 'submit-job');
  }

  updateJob(id: string, job: Job, opts: RegisterOptions = {}): Promise<JobRegisterResponse> {
    return this.write('POST', `/v1/job/${segment(id)}`, registerBody(job, opts), opts, 'submit-job');
  }

  readJob(id: string, q: QueryOptions = {}): Promise<QueryResult<Job>> {
    return this.jobRead(id, '', q);
  }

  jobVersions(id: string, q: QueryOptions & { diffs?: boolean } = {}): Promise<QueryResult<JobVersionsResponse>> {
    return this.jobRead(id, '/versions', q, { diffs: q.diffs || undefined });
  }

  jobAllocations(id: string, q: QueryOptions & { all?: boolean } = {}): Promise<QueryResult<AllocationListStub[]>> {
    return this.jobRead(id, '/allocations', q, { all: q.all || undefined });
  }

  jobEvaluations(id: string, q: QueryOptions = {}): Promise<QueryResult<Evaluation[]>> {
    return this.jobRead(id, '/evaluations', q);
  }

  jobDeployments(id: string, q: QueryOptions = {}): Promise<QueryResult<Deployment[]>> {
    return this.jobRead(id, '/deployments', q);
  }

  /** The job's most recent deployment, or null when it never had one. */
  latestDeployment(id: string, q: QueryOptions = {}): Promise<QueryResult<Deployment | null>> {
    return this.jobRead(id, '/deployment', q);
  }

  jobSummary(id: string, q: QueryOptions = {}): Promise<QueryResult<JobSummary>> {
    return this.jobRead(id, '/summary', q);
  }

  dispatchJob(
    id: string,
    req: { payload?: Uint8Array | string; meta?: Record<string, string> },
    opts: WriteOptions = {},
  ): Promise<JobDispatchResponse> {
    const body: Record<string, unknown> = {};
    if (req.payload !== undefined) {
      const bytes = typeof req.payload === 'string' ? Buffer.from(req.payload, 'utf8') : Buffer.from(req.payload);
      body.Payload = bytes.toString('base64');
    }
    if (req.meta) body.Meta = req.meta;
    return this.write('POST', `/v1/job/${segment(id)}/dispatch`, body, opts, 'dispatch-job');
  }

  /** Makes `version` the job's new current version; `enforcePriorVersion` guards against a concurrent change. */
  revertJob(id: string, version: number, opts: WriteOptions & { enforcePriorVersion?: number } = {}): Promise<JobRegisterResponse> {
    const body: Record<string, unknown> = { JobID: id, JobVersion: version };
    if (opts.enforcePriorVersion !== undefined) body.EnforcePriorVersion = opts.enforcePriorVersion;
    return this.write('POST', `/v1/job/${segment(id)}/revert`, body, opts, 'submit-job');
  }

  setJobStability(id: string, version: number, stable: boolean, opts: WriteOptions = {}): Promise<JobStabilityResponse> {
    const body = { JobID: id, JobVersion: version, Stable: stable };
    return this.write('POST', `/v1/job/${segment(id)}/stable`, body, opts, 'submit-job');
  }

  evaluateJob(id: string, opts: WriteOptions & { forceReschedule?: boolean } = {}): Promise<JobRegisterResponse> {
    const body = { JobID: id, EvalOptions: { ForceReschedule: opts.forceReschedule === true } };
    return this.write('POST', `/v1/job/${segment(id)}/evaluate`, body, opts, 'read-job');
  }

  /** Dry-runs the scheduler; `diff` (default true) asks for the difference to the running version. */
  planJob(job: Job, opts: WriteOptions & { diff?: boolean; policyOverride?: boolean } = {}): Promise<JobPlanResponse> {
    if (typeof job.ID !== 'string' || job.ID === '') {
      return Promise.reject(
        new NomadError({ kind: 'badRequest', message: 'The job has no ID to plan', advice: 'Give the job an ID (its `job "<id>"` label) and plan again.' }),
      );
    }
    const body = { Job: job, Diff: opts.diff !== false, PolicyOverride: opts.policyOverride === true };
    return this.write('POST', `/v1/job/${segment(job.ID)}/plan`, body, opts, 'submit-job');
  }

  /**
   * Sets a group's count (POST /v1/job/:id/scale). `jobModifyIndex` makes the
   * server refuse when the job changed since it was read; servers before 1.1
   * ignore the field (see features/scale/scaleRules.ts).
   */
  scaleGroup(
    id: string,
    group: string,
    count: number,
    opts: WriteOptions & { message?: string; jobModifyIndex?: number } = {},
  ): Promise<JobRegisterResponse> {
    const body: Record<string, unknown> = { Count: count, Target: { Job: id, Group: group }, Message: opts.message ?? '', PolicyOverride: false };
    if (opts.jobModifyIndex !== undefined) body.JobModifyIndex = opts.jobModifyIndex;
    return this.write('POST', `/v1/job/${segment(id)}/scale`, body, opts, 'scale-job');
  }

  forcePeriodic(id: string, opts: WriteOptions = {}): Promise<PeriodicForceResponse> {
    return this.write('POST', `/v1/job/${segment(id)}/periodic/force`, undefined, opts, 'dispatch-job');
  }

  /** Stops the job (it stays readable with Stop: true); `purge` removes it and its history. */
  deleteJob(id: string, opts: WriteOptions & { purge?: boolean } = {}): Promise<JobDeregisterResponse> {
    const purge = opts.purge ? '?purge=true' : '';
    return this.write('DELETE', `/v1/job/${segment(id)}${purge}`, undefined, opts, 'submit-job');
  }

  /** Has the server turn HCL into a Job; `canonicalize` (default true) fills in server defaults. */
  async parseHcl(hcl: string, opts: WriteOptions & { variables?: string; canonicalize?: boolean } = {}): Promise<Job> {
    const body: Record<string, unknown> = { JobHCL: hcl, Canonicalize: opts.canonicalize !== false };
    if (opts.variables !== undefined) body.Variables = opts.variables;
    return this.write('POST', '/v1/jobs/parse', body, opts, 'parse-job');
  }

  async agentSelf(opts: { signal?: AbortSignal } = {}): Promise<AgentSelf> {
    const result = await this.call<AgentSelf>('/v1/agent/self', { signal: opts.signal, namespace: '', capability: 'agent:read' });
    return result.value;
  }

  namespaces(q: QueryOptions = {}): Promise<QueryResult<Namespace[]>> {
    return this.call('/v1/namespaces', { ...q, namespace: '', capability: 'read-namespace' });
  }

  async regions(opts: { signal?: AbortSignal } = {}): Promise<string[]> {
    const result = await this.call<string[]>('/v1/regions', { signal: opts.signal, namespace: '', region: '' });
    return result.value;
  }

  readAllocation(id: string, q: QueryOptions = {}): Promise<QueryResult<Allocation>> {
    return this.call(`/v1/allocation/${segment(id)}`, { ...q, capability: 'read-job', subject: `allocation "${id}"` });
  }

  readEvaluation(id: string, q: QueryOptions = {}): Promise<QueryResult<Evaluation>> {
    return this.call(`/v1/evaluation/${segment(id)}`, { ...q, capability: 'read-job', subject: `evaluation "${id}"` });
  }

  readDeployment(id: string, q: QueryOptions = {}): Promise<QueryResult<Deployment>> {
    return this.call(`/v1/deployment/${segment(id)}`, { ...q, capability: 'read-job', subject: `deployment "${id}"` });
  }

  /** The cluster's client nodes (node list stubs, with their drivers). */
  listNodes(q: QueryOptions = {}): Promise<QueryResult<NodeListStub[]>> {
    return this.call('/v1/nodes', { ...q, namespace: '', capability: 'node:read' });
  }

  readNode(id: string, q: QueryOptions = {}): Promise<QueryResult<NomadNode>> {
    return this.call(`/v1/node/${segment(id)}`, { ...q, namespace: '', capability: 'node:read', subject: `node "${id}"` });
  }

  nodeAllocations(id: string, q: QueryOptions = {}): Promise<QueryResult<Allocation[]>> {
    return this.call(`/v1/node/${segment(id)}/allocations`, { ...q, namespace: '', capability: 'node:read', subject: `node "${id}"` });
  }

  /** Lets the scheduler place new allocations on the node (`true`) or not. */
  setNodeEligibility(id: string, eligible: boolean, opts: WriteOptions = {}): Promise<NodeUpdateResponse> {
    const body = { NodeID: id, Eligibility: eligible ? 'eligible' : 'ineligible' };
    return this.write('POST', `/v1/node/${segment(id)}/eligibility`, body, { ...opts, namespace: '' }, 'node:write');
  }

  /** Starts draining the node (`drain` given: deadline in nanoseconds, -1 forces at once) or stops a drain (`null`). */
  drainNode(id: string, drain: { deadline: number; ignoreSystemJobs: boolean } | null, opts: WriteOptions = {}): Promise<NodeUpdateResponse> {
    const body = {
      NodeID: id,
      DrainSpec: drain ? { Deadline: drain.deadline, IgnoreSystemJobs: drain.ignoreSystemJobs } : null,
      // Nomad leaves a node ineligible after its drain is stopped unless told otherwise; stopping means "back in service".
      MarkEligible: drain === null,
    };
    return this.write('POST', `/v1/node/${segment(id)}/drain`, body, { ...opts, namespace: '' }, 'node:write');
  }

  deploymentAllocations(id: string, q: QueryOptions = {}): Promise<QueryResult<AllocationListStub[]>> {
    return this.call(`/v1/deployment/allocations/${segment(id)}`, { ...q, capability: 'read-job', subject: `deployment "${id}"` });
  }

  /** Promotes the canaries of every group (`groups` omitted) or of the named groups. */
  promoteDeployment(id: string, opts: WriteOptions & { groups?: string[] } = {}): Promise<DeploymentUpdateResponse> {
    const body = opts.groups ? { DeploymentID: id, All: false, Groups: opts.groups } : { DeploymentID: id, All: true };
    return this.write('POST', `/v1/deployment/promote/${segment(id)}`, body, opts, 'submit-job');
  }

  /** Pauses (`pause` true) or resumes an active deployment. */
  pauseDeployment(id: string, pause: boolean, opts: WriteOptions = {}): Promise<DeploymentUpdateResponse> {
    return this.write('POST', `/v1/deployment/pause/${segment(id)}`, { DeploymentID: id, Pause: pause }, opts, 'submit-job');
  }

  /** Marks an active deployment failed; groups with auto_revert go back to their last stable version. */
  failDeployment(id: string, opts: WriteOptions = {}): Promise<DeploymentUpdateResponse> {
    return this.write('POST', `/v1/deployment/fail/${segment(id)}`, undefined, opts, 'submit-job');
  }

  /** Sets the deployment health of allocations by hand (groups whose update block uses `health_check = "manual"`). */
  setAllocationHealth(id: string, health: { healthy?: string[]; unhealthy?: string[] }, opts: WriteOptions = {}): Promise<DeploymentUpdateResponse> {
    const body = { DeploymentID: id, HealthyAllocationIDs: health.healthy ?? [], UnhealthyAllocationIDs: health.unhealthy ?? [] };
    return this.write('POST', `/v1/deployment/allocation-health/${segment(id)}`, body, opts, 'submit-job');
  }

  /**
   * Any JSON endpoint: adds namespace/region (from the call or the config; an
   * empty string leaves it out), blocking index/wait, the token, and parses
   * the answer. New features add their endpoints through this.
   */
  async call<T>(path: string, spec: ApiCall = {}): Promise<QueryResult<T>> {
    const method = spec.method ?? 'GET';
    const response = await this.transport.send({
      method,
      path: path + this.queryString(spec, path.includes('?')),
      body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
      signal: spec.signal,
      timeoutMs: this.timeoutFor(spec),
      namespace: this.namespaceFor(spec),
      capability: spec.capability,
      subject: spec.subject,
    });
    return this.decode<T>(response, method, path);
  }

  /** A long-lived GET (log and event streams): resolves with the open response; destroy it when done. */
  openStream(path: string, spec: Omit<ApiCall, 'index' | 'wait' | 'body'> = {}): Promise<IncomingMessage> {
    return this.transport.stream({
      method: spec.method ?? 'GET',
      path: path + this.queryString(spec, path.includes('?')),
      signal: spec.signal,
      timeoutMs: this.config.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
      namespace: this.namespaceFor(spec),
      capability: spec.capability,
      subject: spec.subject,
    });
  }

  /** A WebSocket to a streaming endpoint (exec, actions), with namespace, region, token and TLS as for any call; `attach` sees it before its first message. */
  openWebSocket(
    path: string,
    spec: Pick<ApiCall, 'query' | 'namespace' | 'region' | 'signal' | 'capability' | 'subject'>,
    attach: (socket: WebSocket) => void,
  ): Promise<WebSocket> {
    return this.transport.webSocket({
      path: path + this.queryString(spec, path.includes('?')),
      signal: spec.signal,
      namespace: this.namespaceFor(spec),
      capability: spec.capability,
      subject: spec.subject,
    }, attach);
  }

  private jobRead<T>(id: string, suffix: string, q: QueryOptions, query?: ApiCall['query']): Promise<QueryResult<T>> {
    return this.call(`/v1/job/${segment(id)}${suffix}`, { ...q, query, capability: 'read-job', subject: `job "${id}"` });
  }

  private async write<T>(method: string, path: string, body: unknown, opts: WriteOptions, capability: string): Promise<T> {
    const result = await this.call<T>(path, { method, body, namespace: opts.namespace, region: opts.region, signal: opts.signal, capability });
    return result.value;
  }

  private namespaceFor(spec: ApiCall): string | undefined {
    const namespace = (spec.namespace ?? this.config.namespace) || undefined;
    // '*' means "all namespaces" only to list endpoints; a write or a single read needs a real one.
    return namespace === '*' && !spec.wildcardNamespace ? undefined : namespace;
  }

  private queryString(spec: ApiCall, hasQuery: boolean): string {
    const params = new URLSearchParams();
    const namespace = this.namespaceFor(spec);
    const region = (spec.region ?? this.config.region) || undefined;
    if (namespace) params.set('namespace', namespace);
    if (region) params.set('region', region);
    for (const [key, value] of Object.entries(spec.query ?? {})) {
      if (value !== undefined) params.set(key, String(value));
    }
    if (spec.index !== undefined && spec.index > 0) {
      params.set('index', String(spec.index));
      params.set('wait', spec.wait ?? DEFAULT_WAIT);
    }
    const text = params.toString();
    return text === '' ? '' : (hasQuery ? '&' : '?') + text;
  }

  private timeoutFor(spec: QueryOptions): number {
    const base = this.config.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    if (spec.index === undefined || spec.index <= 0) return base;
    let waitMs: number;
    try {
      waitMs = parseGoDuration(spec.wait ?? DEFAULT_WAIT);
    } catch {
      throw new NomadError({
        kind: 'badRequest',
        message: `"${spec.wait}" is not a duration`,
        advice: 'Give the wait as a Go duration such as "30s" or "5m".',
      });
    }
    return base + waitMs + waitMs / BLOCKING_JITTER_DIVISOR;
  }

  private decode<T>(response: TransportResponse, method: string, path: string): QueryResult<T> {
    const ctx = { method, path: this.transport.redact(path), address: this.config.address };
    const text = response.body.toString('utf8');
    // 204 No Content (a deleted variable) is the one success without a body.
    if (response.status === 204) return { value: undefined as T, index: Number(response.headers['x-nomad-index'] ?? 0) || 0 };
    if (text.trim() === '') throw badResponse('the body was empty', ctx, response.status);
    let value: T;
    try {
      value = JSON.parse(text) as T;
    } catch {
      const start = this.transport.redact(text.slice(0, 60).replace(/\s+/g, ' '));
      throw badResponse(`the body is not JSON (it starts with "${start}")`, ctx, response.status);
    }
    const header = (name: string): string | undefined => {
      const raw = response.headers[name];
      return Array.isArray(raw) ? raw[0] : raw;
    };
    const index = Number(header('x-nomad-index') ?? 0);
    const knownLeader = header('x-nomad-knownleader');
    const lastContact = header('x-nomad-lastcontact');
    const result: QueryResult<T> = { value, index: Number.isFinite(index) ? index : 0 };
    if (knownLeader !== undefined) result.knownLeader = knownLeader === 'true';
    if (lastContact !== undefined) result.lastContact = Number(lastContact);
    return result;
  }
}

/** Register/update body: the job wrapped in `Job`, with check-and-set as Nomad's boolean + index pair. */
function registerBody(job: Job, opts: RegisterOptions): Record<string, unknown> {
  const body: Record<string, unknown> = { Job: job };
  if (opts.enforceIndex !== undefined) {
    body.EnforceIndex = true;
    body.JobModifyIndex = opts.enforceIndex;
  }
  if (opts.policyOverride) body.PolicyOverride = true;
  if (opts.submission) body.Submission = opts.submission;
  return body;
}
