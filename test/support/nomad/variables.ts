// Variables (Nomad 1.4+, locks 1.7+), modelled on v1.9.7's
// command/agent/variable_endpoint.go, nomad/variables_endpoint.go,
// nomad/structs/variables.go and the state store's CAS rules:
// GET /v1/vars?prefix= lists metadata, GET /v1/var/:path reads items,
// PUT ?cas=N writes only at that ModifyIndex (0 = only if new) and answers a
// refusal with 409 and the current variable, DELETE ?cas=N likewise, 204 when
// done. Locked variables refuse writes from anyone but the holder (409 with an
// empty variable). Agents before 1.4 have no such routes.
import { versionAtLeast } from '../../../client/src/nomad/agent';
import type { Variable, VariableLock } from '../../../client/src/nomad/variables';
import { HttpError, Reply } from './httpError';
import { decodeBody } from './jobWrites';
import type { ReadResult, Route, RouteRequest } from './routes';
import type { FakeNomadState } from './state';

export const VARIABLES_SINCE = '1.4.0';
export const VARIABLE_LOCKS_SINCE = '1.7.0';
const MAX_ITEMS_BYTES = 64 * 1024;

const key = (namespace: string, path: string): string => `${namespace}\u0000${path}`;
const NOT_FOUND_PAGE = '404 page not found\n';

function known(state: FakeNomadState): boolean {
  return versionAtLeast(state.agentVersion, VARIABLES_SINCE);
}

/** The list row: the variable without its items. */
function metadata(variable: Variable): Omit<Variable, 'Items'> {
  const { Items: _items, ...meta } = variable;
  return meta;
}

/** An empty stand-in Nomad answers when the conflicting variable is missing or locked. */
function zeroVariable(namespace: string, path: string): Variable {
  return { Namespace: namespace, Path: path, CreateIndex: 0, CreateTime: 0, ModifyIndex: 0, ModifyTime: 0, Items: null };
}

/** structs.ValidatePath, word for word. */
function pathError(path: string): string | undefined {
  if (path.length === 0) return 'variable requires path';
  if (!/^[a-zA-Z0-9\-_~/]{1,128}$/.test(path)) return `invalid path "${path}"`;
  const parts = path.split('/');
  if (parts[0] !== 'nomad') return undefined;
  if (parts.length === 1) {
    return '"nomad" is a reserved top-level directory path, but you may write variables to "nomad/jobs", "nomad/job-templates", or below';
  }
  if (parts[1] === 'jobs' || (parts[1] === 'job-templates' && parts.length === 3)) return undefined;
  if (parts[1] === 'job-templates') {
    return '"nomad/job-templates" is a reserved directory path, but you may write variables at the level below it, for example, "nomad/job-templates/template-name"';
  }
  return 'only paths at "nomad/jobs" or "nomad/job-templates" and below are valid paths under the top-level "nomad" directory';
}

/** ?cas=: absent, or a uint64 (Go's ParseUint error text otherwise). */
function casIndex(query: URLSearchParams): number | undefined {
  const text = query.get('cas');
  if (text === null || text === '') return undefined;
  if (!/^\d+$/.test(text)) throw new HttpError(400, `can not parse cas: strconv.ParseUint: parsing "${text}": invalid syntax`);
  return Number(text);
}

const conflict = (variable: Variable): Reply => new Reply(variable, { 'X-Nomad-Index': String(variable.ModifyIndex) }, 409, true);

function write(req: RouteRequest, path: string): Reply {
  const { state, query, namespace } = req;
  const lockOps = ['lock-acquire', 'lock-release', 'lock-renew'].filter((op) => query.has(op));
  if (lockOps.length > 1) throw new HttpError(400, 'multiple lock operations');
  const cas = casIndex(query);
  if (cas !== undefined && lockOps.length) throw new HttpError(400, "CAS can't be used with lock operations");
  if (lockOps.length) throw new HttpError(501, 'the fake does not model lock operations; use state.lockVariable');
  const body = decodeBody(req.body);
  const items = (typeof body.Items === 'object' && body.Items !== null ? body.Items : {}) as Record<string, unknown>;
  if (Object.keys(items).length === 0) throw new HttpError(400, 'variable missing required Items object');
  if (namespace === '*') throw new HttpError(500, 'can not target wildcard ("*")namespace');
  const invalid = pathError(path);
  if (invalid) throw new HttpError(500, invalid);
  const strings = Object.fromEntries(Object.entries(items).map(([k, v]) => [k, String(v)]));
  if (JSON.stringify(strings).length > MAX_ITEMS_BYTES) throw new HttpError(500, 'variables are limited to 64KiB in total size');
  const existing = state.variables.get(key(namespace, path));
  if (cas !== undefined) {
    if (cas === 0 && existing) return conflict(existing);
    if (cas !== 0 && !existing) return conflict(zeroVariable(namespace, path));
    if (existing && cas !== existing.ModifyIndex) return conflict(existing);
  }
  const lockId = (body.Lock as VariableLock | undefined)?.ID;
  if (existing?.Lock && existing.Lock.ID !== lockId) return conflict(zeroVariable(namespace, path));
  // An unchanged write is a success that writes nothing, and Nomad then has no output to send: `null`.
  if (existing && JSON.stringify(existing.Items) === JSON.stringify(strings)) {
    return new Reply(null, { 'X-Nomad-Index': String(state.index) }, 200, true);
  }
  const index = state.commit('variables');
  const now = state.clock() * 1e6;
  const stored: Variable = {
    Namespace: namespace,
    Path: path,
    CreateIndex: existing?.CreateIndex ?? index,
    CreateTime: existing?.CreateTime ?? now,
    ModifyIndex: index,
    ModifyTime: now,
    Items: strings,
  };
  if (existing?.Lock) stored.Lock = existing.Lock;
  state.variables.set(key(namespace, path), stored);
  state.notify();
  return new Reply(stored, { 'X-Nomad-Index': String(index) }, 200, true);
}

function remove(req: RouteRequest, path: string): Reply {
  const { state, query, namespace } = req;
  const cas = casIndex(query);
  const existing = state.variables.get(key(namespace, path));
  if (cas !== undefined) {
    if (cas === 0 && !existing) return new Reply(undefined, { 'X-Nomad-Index': String(state.index) }, 204, true);
    if (cas !== 0 && !existing) return conflict(zeroVariable(namespace, path));
    if (existing && cas !== existing.ModifyIndex) return conflict(existing);
  }
  if (existing?.Lock) return conflict(zeroVariable(namespace, path));
  const index = state.commit('variables');
  state.variables.delete(key(namespace, path));
  state.notify();
  return new Reply(undefined, { 'X-Nomad-Index': String(index) }, 204, true);
}

function list(req: RouteRequest): ReadResult {
  const { state, namespace, query } = req;
  const index = state.tableIndex('variables');
  if (!known(state)) return { error: new HttpError(404, NOT_FOUND_PAGE), index: 0 };
  const prefix = query.get('prefix') ?? '';
  const rows = [...state.variables.values()]
    .filter((v) => (namespace === '*' || v.Namespace === namespace) && v.Path.startsWith(prefix))
    .sort((a, b) => a.Namespace.localeCompare(b.Namespace) || a.Path.localeCompare(b.Path))
    .map(metadata);
  return { value: rows, index };
}

function read(req: RouteRequest, path: string): ReadResult {
  const { state, namespace } = req;
  if (!known(state)) return { error: new HttpError(404, NOT_FOUND_PAGE), index: 0 };
  const found = state.variables.get(key(namespace, path));
  if (!found) return { error: new HttpError(404, 'variable not found'), index: state.tableIndex('variables') };
  return { value: found, index: found.ModifyIndex };
}

export function variableRoutes(): Route[] {
  const guard =
    (handler: (req: RouteRequest, path: string) => Reply) =>
    (req: RouteRequest): Reply => {
      if (!known(req.state)) throw new HttpError(404, NOT_FOUND_PAGE);
      return handler(req, req.params[0]);
    };
  return [
    { pattern: /^\/v1\/vars$/, methods: { GET: { read: list } } },
    {
      pattern: /^\/v1\/var\/(.*)$/,
      methods: {
        GET: { read: (req) => read(req, req.params[0]) },
        PUT: { answer: guard(write) },
        POST: { answer: guard(write) },
        DELETE: { answer: guard(remove) },
      },
    },
  ];
}

/** Test helper: puts a lock on a variable, as a holder's lock-acquire would (1.7+ agents only). */
export function lockVariable(state: FakeNomadState, namespace: string, path: string, lock: VariableLock = { TTL: '15s', LockDelay: '15s' }): void {
  if (!versionAtLeast(state.agentVersion, VARIABLE_LOCKS_SINCE)) throw new Error(`locks need an agent of ${VARIABLE_LOCKS_SINCE} or newer`);
  const existing = state.variables.get(key(namespace, path));
  if (!existing) throw new Error(`no variable ${path} in ${namespace}`);
  existing.Lock = { ID: lock.ID ?? `lock-${existing.ModifyIndex}`, TTL: lock.TTL, LockDelay: lock.LockDelay };
  existing.ModifyIndex = state.commit('variables');
  state.notify();
}
