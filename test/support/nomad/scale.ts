// POST /v1/job/:id/scale of the fake: the checks Nomad 1.0's Job.Scale makes,
// in its order and with its texts, then a job update with the new count and
// an evaluation triggered by `job-scaling`. From 1.1 the request may carry
// JobModifyIndex, refused when the job changed meanwhile.
import { versionAtLeast } from '../../../client/src/nomad/agent';
import { ACTIVE_DEPLOYMENT_STATUSES } from '../../../client/src/nomad/deploymentStates';
import type { Job } from '../../../client/src/nomad/types';
import { HttpError } from './httpError';
import { clone } from './jobSpec';
import { decodeBody, submit } from './jobWrites';
import type { FakeNomadState } from './state';


export function scaleJob(state: FakeNomadState, text: string, namespace: string, id: string): Record<string, unknown> {
  const body = decodeBody(text);
  const target = (body.Target ?? {}) as Record<string, string>;
  if (target.Job && target.Job !== id) throw new HttpError(400, 'job ID in payload did not match URL');
  if (target.Namespace && target.Namespace !== namespace) throw new HttpError(400, 'namespace in payload did not match header');
  const groupName = target.Group ?? '';
  if (groupName === '') throw new HttpError(400, 'missing task group name for scaling action');
  const count = typeof body.Count === 'number' ? body.Count : undefined;
  if (count !== undefined && count < 0) throw new HttpError(400, "scaling action count can't be negative");
  if (count !== undefined && body.Error === true) throw new HttpError(400, 'scaling action should not contain count if error is true');
  const rec = state.job(namespace, id);
  if (!rec) throw new HttpError(404, `job "${id}" not found`);
  const job: Job = clone(rec.current);
  const group = (job.TaskGroups ?? []).find((g) => g.Name === groupName);
  if (!group) throw new HttpError(400, `task group "${groupName}" specified for scaling does not exist in job`);
  // Without a count the request only records a scaling event.
  if (count === undefined) return { EvalCreateIndex: 0, EvalID: '', Index: state.commit(), JobModifyIndex: rec.current.ModifyIndex, KnownLeader: true, LastContact: 0, Warnings: '' };
  const scaling = group.Scaling;
  if (scaling && typeof scaling.Min === 'number' && count < scaling.Min) {
    throw new HttpError(400, `group count was less than scaling policy minimum: ${count} < ${scaling.Min}`);
  }
  if (scaling && typeof scaling.Max === 'number' && scaling.Max < count) {
    throw new HttpError(400, `group count was greater than scaling policy maximum: ${count} > ${scaling.Max}`);
  }
  const latest = state.deploymentsOf(namespace, id)[0];
  if (latest && ACTIVE_DEPLOYMENT_STATUSES.has(latest.Status) && latest.JobCreateIndex === rec.current.CreateIndex) {
    throw new HttpError(400, 'job scaling blocked due to active deployment');
  }
  const wanted = typeof body.JobModifyIndex === 'number' ? body.JobModifyIndex : 0;
  if (versionAtLeast(state.agentVersion, '1.1.0') && wanted > 0 && wanted !== rec.current.JobModifyIndex) {
    throw new HttpError(500, `Enforcing job modify index ${wanted}: job exists with conflicting job modify index: ${rec.current.JobModifyIndex}`);
  }
  group.Count = count;
  const reply = submit(state, job, namespace, rec, 'job-scaling');
  // Nomad then records a scaling event, whose index is the answer's; it also knows its leader here.
  return { ...reply, Index: state.commit(), KnownLeader: true };
}
