// Whether a job file defines a given job of the cluster: the same ID, in the namespace a plan of
// that file would use. Pure (no `vscode`), so the rules are unit-tested; the workspace search
// around it is jobFileSearch.ts.
import { identifyJobFile } from '../explorer/jobFileIdentity';
import { looksLikeJsonJob } from '../lsp/jobFileDetector';

/** Files that may hold a job, as one `findFiles` pattern (the job-file names of the language, and JSON). */
export const JOB_FILE_GLOB = '**/*.{nomad.hcl,nomad,json}';

/** Never searched: dependency and VCS folders are large and hold no job of the user's. */
export const JOB_FILE_SEARCH_EXCLUDE = '**/{node_modules,.git}/**';

/** A job as the tree shows it; `namespace` is undefined on servers that report none. */
export interface ClusterJobRef {
  id: string;
  namespace?: string;
}

/** `match`: planning the file plans this job. `otherNamespace`: same ID, but the plan would go to another namespace. */
export type JobFileMatch = 'match' | 'otherNamespace';

const JOB_LANGUAGES = new Set(['nomad', 'hcl', 'json', 'jsonc']);

/** The language a file on disk opens with, from its name: JSON job files keep `json`, the rest are Nomad HCL. */
export function jobFileLanguage(path: string): string {
  return /\.json$/i.test(path) ? 'json' : 'nomad';
}

/** Where a file that names no namespace is planned: the connection's namespace, else `default` (as the CLI does). */
export function plannedNamespace(declared: string | undefined, connectionNamespace: string | undefined): string {
  if (declared) return declared;
  return connectionNamespace && connectionNamespace !== '*' ? connectionNamespace : 'default';
}

export function matchJobFile(
  text: string,
  languageId: string,
  job: ClusterJobRef,
  connectionNamespace: string | undefined,
): JobFileMatch | undefined {
  if (!JOB_LANGUAGES.has(languageId)) return undefined;
  // Most JSON files are not jobs and some are large: the textual test spares parsing them.
  if ((languageId === 'json' || languageId === 'jsonc') && !looksLikeJsonJob(text)) return undefined;
  const identity = identifyJobFile(text, languageId);
  if (identity?.id !== job.id) return undefined;
  if (job.namespace === undefined) return 'match';
  return plannedNamespace(identity.namespace, connectionNamespace) === job.namespace ? 'match' : 'otherNamespace';
}
