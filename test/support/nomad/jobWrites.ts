// The Jobs write endpoints of the fake: the checks a v1.0 server makes, in its
// order, with its exact refusal texts and status codes (many refusals are 500),
// then the state change and the response body a real server returns.
import { versionAtLeast } from '../../../client/src/nomad/agent';
import type { Job } from '../../../client/src/nomad/types';
import { hclToJob } from './hclToJob';
import { HclError } from './hclParser';
import { apiJob, clone, storedJob, validateJob } from './jobSpec';
import { hex8, newEvaluation } from './records';
import { refreshStatus, schedule } from './scheduler';
import { dropSubmissions, recordSubmission } from './submissions';
import { HttpError, Reply } from './httpError';
import type { FakeNomadState, JobRecord } from './state';

type Obj = Record<string, unknown>;

const WRITE_META = { KnownLeader: false, LastContact: 0 };

/** Go's encoding/json errors for the bodies it cannot decode. */
export function decodeBody(text: string): Obj {
  if (text.trim() === '') throw new HttpError(400, 'EOF');
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Obj) : {};
  } catch (error) {
    const message = (error as Error).message;
    const position = Number(/at position (\d+)/.exec(message)?.[1] ?? -1);
    // Input that simply stops is Go's "unexpected EOF"; anything else is a bad character.
    if (/end of (JSON )?input|Unterminated/i.test(message) || position >= text.trimEnd().length) throw new HttpError(400, 'unexpected EOF');
    const token = position >= 0 ? text[position] : (/token '(.)/.exec(message)?.[1] ?? '?');
    throw new HttpError(400, `invalid character '${token}' looking for beginning of value`);
  }
}

const goType = (v: unknown): string => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v === 'object' ? 'object' : typeof v);

function isPeriodicOrParameterized(job: Job): boolean {
  return Boolean(job.Periodic?.Enabled || (job.ParameterizedJob && !job.Dispatched));
}

function requireJob(state: FakeNomadState, namespace: string, id: string, text: string): JobRecord {
  const rec = state.job(namespace, id);
  if (!rec) throw new HttpError(500, text);
  return rec;
}

/** Parses, canonicalizes and validates the `Job` of a register or plan body. */
export function submittedJob(state: FakeNomadState, body: Obj, queryNamespace: string): { job: Job; namespace: string } {
  if (typeof body.Job !== 'object' || body.Job === null) throw new HttpError(400, 'Job must be specified');
  const input = body.Job as Obj;
  const namespace = typeof input.Namespace === 'string' && input.Namespace ? input.Namespace : queryNamespace;
  const job = storedJob({ ...input, Namespace: namespace });
  if (!state.namespaces.has(namespace)) throw new HttpError(500, `job "${job.ID}" is in nonexistent namespace "${namespace}"`);
  const invalid = validateJob(job);
  if (invalid) throw new HttpError(500, invalid);
  return { job, namespace };
}

/** POST /v1/jobs and POST /v1/job/:id. */
export function registerJob(state: FakeNomadState, text: string, queryNamespace: string, pathId?: string): Obj {
  const body = decodeBody(text);
  if (typeof body.Job !== 'object' || body.Job === null) throw new HttpError(400, 'Job must be specified');
  if (body.EnforceIndex !== undefined && typeof body.EnforceIndex !== 'boolean') {
    throw new HttpError(400, `json: cannot unmarshal ${goType(body.EnforceIndex)} into Go struct field JobRegisterRequest.EnforceIndex of type bool`);
  }
  if (pathId !== undefined && (body.Job as Obj).ID !== pathId) throw new HttpError(400, 'Job ID does not match name');
  const { job, namespace } = submittedJob(state, body, queryNamespace);
  const existing = state.job(namespace, String(job.ID));
  if (body.EnforceIndex === true) {
    const wanted = Number(body.JobModifyIndex ?? 0);
    const prefix = `Enforcing job modify index ${wanted}`;
    if (wanted === 0 && existing) throw new HttpError(500, `${prefix}: job already exists`);
    if (wanted !== 0 && !existing) throw new HttpError(500, `${prefix}: job does not exist`);
    if (existing && wanted !== 0 && existing.current.JobModifyIndex !== wanted) {
      throw new HttpError(500, `${prefix}: job exists with conflicting job modify index: ${existing.current.JobModifyIndex}`);
    }
  }
  const answer = submit(state, job, namespace, existing, 'job-register');
  recordSubmission(state, body.Submission, state.job(namespace, String(job.ID)));
  return answer;
}

/** Stores a job version (if changed) and evaluates it, answering like Job.Register. */
export function submit(state: FakeNomadState, job: Job, namespace: string, existing: JobRecord | undefined, trigger: string): Obj {
  const previous = existing?.current;
  const changed = state.upsertJob(job, namespace);
  const rec = (changed ?? existing)!;
  let evalId = '';
  let evalIndex = 0;
  if (!isPeriodicOrParameterized(rec.current)) {
    const evaluation = schedule(state, rec, trigger, { evalIndex: changed?.current.JobModifyIndex ?? undefined, newVersion: Boolean(changed), previous });
    evalId = evaluation.ID;
    evalIndex = evaluation.CreateIndex;
  }
  refreshStatus(state, rec);
  state.notify();
  return {
    EvalCreateIndex: evalIndex,
    EvalID: evalId,
    Index: evalIndex || (rec.current.JobModifyIndex ?? 0),
    JobModifyIndex: rec.current.JobModifyIndex,
    ...WRITE_META,
    Warnings: '',
  };
}

/** Go's base64.StdEncoding.DecodeString error position for the first bad byte. */
function decodeBase64(text: string): Buffer {
  const bad = /[^A-Za-z0-9+/=\r\n]/.exec(text);
  if (bad) throw new HttpError(400, `illegal base64 data at input byte ${bad.index}`);
  const clean = text.replace(/[\r\n]/g, '');
  if (clean.length % 4 !== 0 || /=[^=]/.test(clean)) throw new HttpError(400, `illegal base64 data at input byte ${clean.length - (clean.length % 4)}`);
  return Buffer.from(clean, 'base64');
}

const goList = (keys: Iterable<string>): string => `[${[...keys].sort().join(' ')}]`;
const DISPATCH_PAYLOAD_LIMIT = 16 * 1024;

/** POST /v1/job/:id/dispatch. */
export function dispatchJob(state: FakeNomadState, text: string, namespace: string, id: string): Obj {
  const body = decodeBody(text);
  const payload = typeof body.Payload === 'string' ? decodeBase64(body.Payload) : Buffer.alloc(0);
  const meta = (body.Meta ?? {}) as Record<string, string>;
  const parent = requireJob(state, namespace, id, 'parameterized job not found');
  const rules = parent.current.ParameterizedJob;
  if (!rules || parent.current.Dispatched) throw new HttpError(500, `Specified job "${id}" is not a parameterized job`);
  if (parent.current.Stop) throw new HttpError(500, `Parameterized job "${id}" is stopped`);
  if (rules.Payload === 'required' && payload.length === 0) throw new HttpError(500, 'Payload is not provided but required by parameterized job');
  if (rules.Payload === 'forbidden' && payload.length > 0) throw new HttpError(500, 'Payload provided but forbidden by parameterized job');
  if (payload.length > DISPATCH_PAYLOAD_LIMIT) throw new HttpError(500, `Payload exceeds maximum size; ${payload.length} > ${DISPATCH_PAYLOAD_LIMIT}`);
  const allowed = new Set([...(rules.MetaRequired ?? []), ...(rules.MetaOptional ?? [])]);
  const unpermitted = Object.keys(meta).filter((k) => !allowed.has(k));
  if (unpermitted.length) throw new HttpError(500, `Dispatch request included unpermitted metadata keys: ${goList(unpermitted)}`);
  const missing = (rules.MetaRequired ?? []).filter((k) => !(k in meta));
  if (missing.length) throw new HttpError(500, `Dispatch did not provide required meta keys: ${goList(missing)}`);

  const childId = `${id}/dispatch-${Math.floor(state.clock() / 1000)}-${hex8()}`;
  const child: Job = {
    ...clone(parent.current),
    ID: childId,
    Name: childId,
    ParentID: id,
    Dispatched: true,
    Payload: payload.length ? payload.toString('base64') : null,
    Meta: { ...(parent.current.Meta ?? {}), ...meta },
  };
  const rec = state.upsertJob(child, namespace)!;
  const evaluation = schedule(state, rec, 'job-register', { newVersion: true });
  state.notify();
  return {
    DispatchedJobID: childId,
    EvalCreateIndex: evaluation.CreateIndex,
    EvalID: evaluation.ID,
    Index: evaluation.CreateIndex,
    JobCreateIndex: rec.current.CreateIndex,
  };
}

/** POST /v1/job/:id/periodic/force. */
export function forcePeriodic(state: FakeNomadState, namespace: string, id: string): Obj {
  const parent = requireJob(state, namespace, id, 'job not found');
  if (!parent.current.Periodic?.Enabled) throw new HttpError(500, "can't force launch non-periodic job");
  let launch = Math.floor(state.clock() / 1000);
  while (state.job(namespace, `${id}/periodic-${launch}`)) launch++;
  const childId = `${id}/periodic-${launch}`;
  const child: Job = { ...clone(parent.current), ID: childId, Name: childId, ParentID: id, Periodic: null };
  const rec = state.upsertJob(child, namespace)!;
  const evaluation = schedule(state, rec, 'periodic-job', { newVersion: true });
  state.notify();
  return { EvalCreateIndex: evaluation.CreateIndex, EvalID: evaluation.ID, Index: evaluation.CreateIndex };
}

/** POST /v1/job/:id/evaluate. */
export function evaluateJob(state: FakeNomadState, text: string, namespace: string, id: string): Obj {
  const body = text.trim() ? decodeBody(text) : {};
  const rec = requireJob(state, namespace, id, 'job not found');
  if (rec.current.Periodic?.Enabled) throw new HttpError(500, "can't evaluate periodic job");
  if (rec.current.ParameterizedJob && !rec.current.Dispatched) throw new HttpError(500, "can't evaluate parameterized job");
  if ((body.EvalOptions as Obj | undefined)?.ForceReschedule === true) {
    for (const alloc of state.allocationsOf(namespace, id, false).filter((a) => a.ClientStatus === 'failed')) {
      alloc.DesiredTransition = { ...(alloc.DesiredTransition as Obj), ForceReschedule: true };
    }
  }
  const evaluation = schedule(state, rec, 'job-register', { newVersion: false });
  state.notify();
  return {
    EvalCreateIndex: evaluation.CreateIndex,
    EvalID: evaluation.ID,
    Index: evaluation.CreateIndex,
    JobModifyIndex: rec.current.JobModifyIndex,
    ...WRITE_META,
    Warnings: '',
  };
}

/** POST /v1/job/:id/revert. */
export function revertJob(state: FakeNomadState, text: string, namespace: string, id: string): Reply {
  const body = decodeBody(text);
  if (body.JobID !== id) throw new HttpError(400, 'Job ID does not match');
  const rec = requireJob(state, namespace, id, `job "${id}" not found`);
  const version = Number(body.JobVersion ?? 0);
  const current = rec.current.Version ?? 0;
  if (version === current) throw new HttpError(500, "can't revert to current version");
  if (body.EnforcePriorVersion !== undefined && body.EnforcePriorVersion !== null && Number(body.EnforcePriorVersion) !== current) {
    throw new HttpError(500, `Current job has version ${current}; enforcing version ${body.EnforcePriorVersion}`);
  }
  const target = rec.versions.get(version);
  if (!target) throw new HttpError(500, `job "${id}" in namespace "${namespace}" at version ${version} not found`);
  // Revert answers with query metadata headers, unlike register.
  return new Reply(submit(state, { ...clone(target), Stop: false }, namespace, rec, 'job-register'), {
    'X-Nomad-Knownleader': 'false',
    'X-Nomad-Lastcontact': '0',
  });
}

/** POST /v1/job/:id/stable. */
export function setStability(state: FakeNomadState, text: string, namespace: string, id: string): Obj {
  const body = decodeBody(text);
  if (body.JobID !== id) throw new HttpError(400, 'Job ID does not match');
  const version = Number(body.JobVersion ?? 0);
  const rec = state.job(namespace, id);
  const job = rec?.versions.get(version);
  if (!rec || !job) throw new HttpError(500, `job "${id}" (Version ${version}) in namespace "${namespace}" not found`);
  const stable = body.Stable === true;
  // A flag that already holds changes nothing; the request still passed through Raft.
  if ((job.Stable === true) === stable) return { Index: state.commit() };
  // As Nomad's state store does: the version is copied with the new flag and the copy is stored
  // as the job itself, so flagging an older version makes its spec current again (keeping its
  // version number and JobModifyIndex), with no evaluation.
  const index = state.commit('jobs', 'job_version');
  const copy: Job = { ...clone(job), Stable: stable, ModifyIndex: index };
  rec.versions.set(version, copy);
  rec.current = copy;
  refreshStatus(state, rec);
  state.notify();
  return { Index: index };
}

/** Go strconv.ParseBool, as used for ?purge=. */
function parseBool(name: string, value: string): boolean {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return false;
  throw new HttpError(500, `Failed to parse value of "${name}" (${value}) as a bool: strconv.ParseBool: parsing "${value}": invalid syntax`);
}

/** DELETE /v1/job/:id (stop, or purge with ?purge=true). */
export function deregisterJob(state: FakeNomadState, namespace: string, id: string, purgeParam: string | null): Obj {
  const purge = purgeParam === null ? false : parseBool('purge', purgeParam);
  const rec = state.job(namespace, id);
  const reply = (evalId: string, evalIndex: number, jobModifyIndex: number): Obj => {
    state.notify();
    return { EvalCreateIndex: evalIndex, EvalID: evalId, Index: evalIndex || jobModifyIndex, JobModifyIndex: jobModifyIndex, ...WRITE_META, VolumeEvalID: '', VolumeEvalIndex: 0 };
  };
  if (!rec) {
    // A real server still writes a deregistration evaluation for an unknown job.
    const index = state.commit('evals');
    const evaluation = newEvaluation({ job: { ID: id, Namespace: namespace, Priority: 50, Type: 'service' }, triggeredBy: 'job-deregister', raftIndex: index, nowMs: state.clock(), jobModifyIndex: index });
    state.evaluations.set(evaluation.ID, evaluation);
    return reply(evaluation.ID, index, index);
  }
  const wantsEval = !isPeriodicOrParameterized(rec.current);
  if (purge) {
    const index = state.commit('jobs', 'job_version', 'job_summary');
    rec.current.Stop = true;
    const evaluation = wantsEval ? schedule(state, rec, 'job-deregister', { evalIndex: index, newVersion: false }) : undefined;
    state.removeJob(rec);
    dropSubmissions(state, namespace, id);
    return reply(evaluation?.ID ?? '', evaluation?.CreateIndex ?? 0, index);
  }
  const stopped = state.upsertJob({ ...clone(rec.current), Stop: true }, namespace, true) ?? rec;
  const index = stopped.current.JobModifyIndex ?? state.index;
  const evaluation = wantsEval ? schedule(state, stopped, 'job-deregister', { evalIndex: index, newVersion: false }) : undefined;
  refreshStatus(state, stopped);
  return reply(evaluation?.ID ?? '', evaluation?.CreateIndex ?? 0, index);
}

/** Nomad's parse endpoint reads `Variables` from 1.6 on; older agents ignore the field. */
const PARSE_VARIABLES_SINCE = '1.6.0';

/** POST /v1/jobs/parse. */
export function parseJob(state: FakeNomadState, text: string): Job {
  const body = decodeBody(text);
  if (typeof body.JobHCL !== 'string' || body.JobHCL.trim() === '') throw new HttpError(400, 'Job spec is empty');
  try {
    const honoured = typeof body.Variables === 'string' && versionAtLeast(state.agentVersion, PARSE_VARIABLES_SINCE);
    const json = hclToJob(body.JobHCL, honoured ? String(body.Variables) : '', body.HCLv1 === true);
    return apiJob(json, body.Canonicalize === true);
  } catch (error) {
    if (error instanceof HclError) throw new HttpError(400, error.message);
    throw error;
  }
}
