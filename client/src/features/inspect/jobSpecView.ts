// A job as its author wrote it: the cluster's copy minus what the server fills in, so a comparison
// with a job file shows real differences instead of bookkeeping.
import type { Job } from '../../nomad/types';

/** Top-level fields set by the server on register; they never appear in a job file. */
const SERVER_SET_FIELDS = [
  'Status',
  'StatusDescription',
  'Stable',
  'Version',
  'SubmitTime',
  'CreateIndex',
  'ModifyIndex',
  'JobModifyIndex',
  'NomadTokenID',
] as const;

export function jobSpecView(job: Job): Job {
  const copy: Job = { ...job };
  for (const field of SERVER_SET_FIELDS) delete copy[field];
  return copy;
}

/** The JSON text shown in `nomad:` documents: two-space indentation and a final newline. */
export function renderJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
