// Version tags (Nomad 1.9+, modelled on v1.9.7's command/agent/job_endpoint.go
// jobTagVersion and the state store's UpdateJobVersionTag): PUT/POST
// /v1/job/:id/versions/:name/tag with {Version, Description} names a version,
// DELETE removes the name. The job id must be one path segment (Nomad splits
// the path on "/"). Refusals are the RPC's errors, so 500 with its text.
// Older agents read the whole path as a job id: PUT then wants a Job, DELETE
// stops a job nobody has, exactly as their job endpoint does.
import { versionAtLeast } from '../../../client/src/nomad/agent';
import { HttpError } from './httpError';
import { clone } from './jobSpec';
import { decodeBody, deregisterJob, registerJob } from './jobWrites';
import type { Route, RouteRequest } from './routes';
import type { Job } from '../../../client/src/nomad/types';
import type { FakeNomadState, JobRecord } from './state';

export const VERSION_TAGS_SINCE = '1.9.0';

interface VersionTag {
  Name: string;
  Description: string;
  TaggedTime: number;
}

function applyTag(state: FakeNomadState, req: RouteRequest, id: string, name: string): unknown {
  const body = decodeBody(req.body);
  const version = Number(body.Version ?? 0);
  const description = typeof body.Description === 'string' ? body.Description : '';
  const rec = state.job(req.namespace, id);
  const versions = rec ? [...rec.versions.values()] : [];
  for (const job of versions) {
    const tag = job.VersionTag as VersionTag | null | undefined;
    if (tag?.Name === name && job.Version !== version) throw new HttpError(500, `tag "${name}" already exists on a different version of job "${id}"`);
  }
  const target = rec?.versions.get(version);
  if (!rec || !target) throw new HttpError(500, `job "${id}" version ${version} not found`);
  const tag: VersionTag = { Name: name, Description: description, TaggedTime: state.clock() * 1e6 };
  const index = state.commit('jobs', 'job_version');
  setVersion(rec, { ...clone(target), VersionTag: tag, ModifyIndex: index });
  state.notify();
  return { ...tag, Index: index, LastContact: 0, KnownLeader: false, NextToken: '' };
}

function removeTag(state: FakeNomadState, req: RouteRequest, id: string, name: string): unknown {
  const rec = state.job(req.namespace, id);
  const target = rec && [...rec.versions.values()].find((job) => (job.VersionTag as VersionTag | null | undefined)?.Name === name);
  if (!rec || !target) throw new HttpError(500, `tag "${name}" not found on job "${id}"`);
  const index = state.commit('jobs', 'job_version');
  const untagged = { ...clone(target), VersionTag: null, ModifyIndex: index };
  setVersion(rec, untagged);
  state.notify();
  return { Name: '', Description: '', TaggedTime: 0, Index: index, LastContact: 0, KnownLeader: false, NextToken: '' };
}

/** Replaces a stored version; the current job is the same object as its version, so it follows. */
function setVersion(rec: JobRecord, job: Job): void {
  const version = job.Version ?? 0;
  rec.versions.set(version, job);
  if ((rec.current.Version ?? 0) === version) rec.current = job;
}

export function versionTagRoutes(): Route[] {
  const tagsKnown = (state: FakeNomadState): boolean => versionAtLeast(state.agentVersion, VERSION_TAGS_SINCE);
  const olderJobWrite = (req: RouteRequest): unknown => {
    const id = req.path.slice('/v1/job/'.length);
    return req.method === 'DELETE' ? deregisterJob(req.state, req.namespace, id, req.query.get('purge')) : registerJob(req.state, req.body, req.namespace, id);
  };
  const handler = (req: RouteRequest): unknown => {
    if (!tagsKnown(req.state)) return olderJobWrite(req);
    const [id, name] = req.params;
    if (id.includes('/')) throw new HttpError(404, 'invalid job tag endpoint');
    return req.method === 'DELETE' ? removeTag(req.state, req, id, name) : applyTag(req.state, req, id, name);
  };
  return [
    {
      pattern: /^\/v1\/job\/(.+)\/versions\/([^/]+)\/tag$/,
      methods: { PUT: { answer: handler }, POST: { answer: handler }, DELETE: { answer: handler } },
    },
  ];
}
