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
