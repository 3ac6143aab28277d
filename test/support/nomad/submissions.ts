// Job sources (Nomad 1.6+, modelled on v1.9.7's command/agent/job_endpoint.go
// and state store): a register's `Submission` is kept with the version it
// created, once per (namespace, job, version); GET /v1/job/:id/submission
// answers it or 404 "job source not found". Older agents ignore the field and
// treat ".../submission" as part of a job id.
import { versionAtLeast } from '../../../client/src/nomad/agent';
import type { JobSubmission } from '../../../client/src/nomad/submissions';
import { HttpError } from './httpError';
import type { ReadResult, Route } from './routes';
import type { FakeNomadState, JobRecord } from './state';

export const SUBMISSIONS_SINCE = '1.6.0';

const key = (namespace: string, id: string, version: number): string => `${namespace}\u0000${id}\u0000${version}`;

/** Keeps the source sent with a register for the version it produced (an unchanged job keeps the first one). */
export function recordSubmission(state: FakeNomadState, submission: unknown, rec: JobRecord | undefined): void {
  if (!rec || !versionAtLeast(state.agentVersion, SUBMISSIONS_SINCE)) return;
  if (typeof submission !== 'object' || submission === null) return;
  const job = rec.current;
  const k = key(String(job.Namespace), String(job.ID), job.Version ?? 0);
  if (state.submissions.has(k)) return;
  const given = submission as Partial<JobSubmission>;
  state.submissions.set(k, {
    Source: String(given.Source ?? ''),
    Format: String(given.Format ?? ''),
    VariableFlags: given.VariableFlags ?? null,
    Variables: String(given.Variables ?? ''),
    Namespace: String(job.Namespace),
    JobID: String(job.ID),
    Version: job.Version ?? 0,
    JobModifyIndex: job.JobModifyIndex ?? 0,
  });
}

/** Forgets the sources of a purged job. */
export function dropSubmissions(state: FakeNomadState, namespace: string, id: string): void {
  const prefix = `${namespace}\u0000${id}\u0000`;
  for (const k of [...state.submissions.keys()]) if (k.startsWith(prefix)) state.submissions.delete(k);
}

function readSubmission(state: FakeNomadState, namespace: string, id: string, versionText: string | null): ReadResult {
  if (versionText === null || !/^\d+$/.test(versionText)) {
    return { error: new HttpError(400, 'Unable to parse job submission version parameter'), index: 0 };
  }
  const found = state.submissions.get(key(namespace, id, Number(versionText)));
  // Nomad answers with the index of the job version the source belongs to, 0 when there is none.
  if (!found) return { error: new HttpError(404, 'job source not found'), index: 0 };
  return { value: found, index: found.JobModifyIndex ?? 0 };
}

export function submissionRoutes(): Route[] {
  return [
    {
      pattern: /^\/v1\/job\/(.+)\/submission$/,
      methods: {
        GET: {
          read: ({ state, namespace, params, query }) => {
            if (!versionAtLeast(state.agentVersion, SUBMISSIONS_SINCE)) {
              return { error: new HttpError(404, 'job not found'), index: state.tableIndex('jobs') };
            }
            return readSubmission(state, namespace, params[0], query.get('version'));
          },
        },
      },
    },
  ];
}
