// A job as its author wrote it: the cluster's copy minus what the server fills in, so a comparison
// with a job file shows real differences instead of bookkeeping.
import { formatNanoseconds } from '../../nomad/duration';
import type { Job } from '../../nomad/types';
import { isDurationFieldName } from '../jobFiles/durationFields';

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

/**
 * The spec view with every duration (integer nanoseconds in the API) written as in a job file, 15000000000
 * as "15s": two versions are compared with each other, not with a JSON file that holds nanoseconds.
 */
export function readableJobSpec(job: Job): Job {
  return withReadableDurations(jobSpecView(job)) as Job;
}

function withReadableDurations(value: unknown, fieldName?: string): unknown {
  if (typeof value === 'number' && fieldName !== undefined && Number.isInteger(value) && isDurationFieldName(fieldName)) return formatNanoseconds(value);
  if (Array.isArray(value)) return value.map((item) => withReadableDurations(item));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([name, field]) => [name, withReadableDurations(field, name)]));
}

/** The JSON text shown in `nomad:` documents: two-space indentation and a final newline. */
export function renderJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
