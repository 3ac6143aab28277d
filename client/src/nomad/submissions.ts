// The job source a cluster keeps with each version (Nomad 1.6+): sent as
// `Submission` with a register, read back from /v1/job/:id/submission.
import type { NomadClient, QueryOptions } from './client';
import { isNomadError } from './errors';

/** What `nomad job run` sends: the file as written, its format, and the variable values used. */
export interface JobSubmission {
  Source: string;
  /** 'hcl2' | 'json' (older servers may also hold 'hcl1'). */
  Format: string;
  /** Values given one by one (the CLI's -var and NOMAD_VAR_*), by name. May hold secrets. */
  VariableFlags?: Record<string, string> | null;
  /** The variable files' contents, one after another. May hold secrets. */
  Variables?: string;
  Namespace?: string;
  JobID?: string;
  Version?: number;
  JobModifyIndex?: number;
  [key: string]: unknown;
}

/** The submitted source of one version of a job; undefined when the cluster kept none (the job was sent without it). */
export async function readJobSubmission(client: Pick<NomadClient, 'call'>, id: string, version: number, q: QueryOptions = {}): Promise<JobSubmission | undefined> {
  try {
    const result = await client.call<JobSubmission>(`/v1/job/${encodeURIComponent(id)}/submission`, {
      ...q,
      query: { version },
      capability: 'read-job',
      subject: `source of job "${id}" version ${version}`,
    });
    return result.value;
  } catch (error) {
    if (isNomadError(error) && error.kind === 'notFound') return undefined;
    throw error;
  }
}

/** The file extension that makes an editor show a submission's source in its own language. */
export function submissionExtension(format: string): string {
  return format === 'json' ? '.json' : '.nomad.hcl';
}
