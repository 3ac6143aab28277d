// Which log a `nomad-log:` document shows, and the URI that names it. Kept
// free of vscode (plain strings) so the round trip is unit-tested; the URI
// carries everything needed to start following again when VS Code restores
// the editor after a reload.

export const LOG_SCHEME = 'nomad-log';

export type LogType = 'stdout' | 'stderr';

export interface LogTarget {
  allocId: string;
  task: string;
  type: LogType;
  /** Shown in the tab path only; logs are addressed by allocation. */
  jobId?: string;
  namespace?: string;
}

/**
 * The parts of `nomad-log:/web/api-1a2b3c4d.stderr.log?alloc=…&task=…&type=stderr`,
 * for `vscode.Uri.from` (which keeps the query exactly as given, so it parses
 * back unchanged). The path makes a readable tab title and its `.log`
 * extension gives VS Code's log colouring; the query identifies the log.
 */
export function logUriComponents(target: LogTarget): { scheme: string; path: string; query: string } {
  const query = new URLSearchParams({ alloc: target.allocId, task: target.task, type: target.type });
  if (target.jobId) query.set('job', target.jobId);
  if (target.namespace) query.set('namespace', target.namespace);
  const path = `/${target.jobId ?? 'allocation'}/${target.task}-${target.allocId.slice(0, 8)}.${target.type}.log`;
  return { scheme: LOG_SCHEME, path, query: query.toString() };
}

/** Reads a target back from a URI's query; undefined when it is not one of ours. */
export function logTargetFromQuery(query: string): LogTarget | undefined {
  const params = new URLSearchParams(query);
  const allocId = params.get('alloc');
  const task = params.get('task');
  const type = params.get('type');
  if (!allocId || !task || (type !== 'stdout' && type !== 'stderr')) return undefined;
  const target: LogTarget = { allocId, task, type };
  const jobId = params.get('job');
  const namespace = params.get('namespace');
  if (jobId) target.jobId = jobId;
  if (namespace) target.namespace = namespace;
  return target;
}

/** Every allocation of a job (or of one of its groups), followed in one document. */
export interface JobLogTarget {
  jobId: string;
  /** Only this task group; every group when absent. */
  group?: string;
  type: LogType;
  namespace?: string;
}

/** `nomad-log:/web/api.all.stdout.log?scope=job&job=web&group=api&type=stdout`; `all` stands for every group. */
export function jobLogUriComponents(target: JobLogTarget): { scheme: string; path: string; query: string } {
  const query = new URLSearchParams({ scope: 'job', job: target.jobId, type: target.type });
  if (target.group) query.set('group', target.group);
  if (target.namespace) query.set('namespace', target.namespace);
  const path = `/${target.jobId}/${target.group ?? 'all-groups'}.all.${target.type}.log`;
  return { scheme: LOG_SCHEME, path, query: query.toString() };
}

/** Reads a job-wide target back from a URI's query; undefined for task logs and foreign links. */
export function jobLogTargetFromQuery(query: string): JobLogTarget | undefined {
  const params = new URLSearchParams(query);
  const jobId = params.get('job');
  const type = params.get('type');
  if (params.get('scope') !== 'job' || !jobId || (type !== 'stdout' && type !== 'stderr')) return undefined;
  const target: JobLogTarget = { jobId, type };
  const group = params.get('group');
  const namespace = params.get('namespace');
  if (group) target.group = group;
  if (namespace) target.namespace = namespace;
  return target;
}
