// Whether a job file defines a given job of the cluster: the same ID, in the namespace a plan of
// that file would use. Pure (no `vscode`), so the rules are unit-tested; the workspace search
// around it is jobFileSearch.ts.
import { identifyJob } from '../../../../common/src/job/jobIdentity';

/** Files that may hold a job, as one `findFiles` pattern (the job-file names of the language, and JSON). */
export const JOB_FILE_GLOB = '**/*.{nomad.hcl,nomad,json}';

/** Never searched: dependency and VCS folders are large and hold no job of the user's. */
export const JOB_FILE_SEARCH_EXCLUDE = '**/{node_modules,.git}/**';

/** A job of the cluster, with the namespace it lives in (resolved: never empty or `*`). */
export interface ClusterJobRef {
  id: string;
  namespace: string;
}

/** `match`: planning the file plans this job. `otherNamespace`: same ID, but the plan would go to another namespace. */
export type JobFileMatch = 'match' | 'otherNamespace';

const JOB_LANGUAGES = new Set(['nomad', 'hcl', 'json', 'jsonc']);

/** The language a file on disk opens with, from its name: JSON job files keep `json`, the rest are Nomad HCL. */
export function jobFileLanguage(path: string): string {
  return /\.json$/i.test(path) ? 'json' : 'nomad';
}

/**
 * The namespace of a job file or request that may name none: its own, else the connection's, else
 * `default` (as with the Nomad CLI). `*` lists every namespace; it is none to plan into.
 */
export function effectiveNamespace(named: string | undefined, connectionNamespace: string | undefined): string {
  if (named && named !== '*') return named;
  return connectionNamespace && connectionNamespace !== '*' ? connectionNamespace : 'default';
}

export function matchJobFile(
  text: string,
  languageId: string,
  job: ClusterJobRef,
  connectionNamespace: string | undefined,
): JobFileMatch | undefined {
  if (!JOB_LANGUAGES.has(languageId)) return undefined;
  const identity = identifyJob(languageId, text);
  if (identity?.id !== job.id) return undefined;
  return effectiveNamespace(identity.namespace, connectionNamespace) === job.namespace ? 'match' : 'otherNamespace';
}
