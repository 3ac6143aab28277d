// Plain words for the ways reading a task log fails. The logs endpoint is
// served by the Nomad client that runs the allocation, reached through the
// servers, so besides the usual errors it fails when that node is gone or
// unreachable, and it needs its own ACL capability (`read-logs`).
import { LogStreamTextError } from '../nomad/logs';

/** The parts of a NomadError (or any error) that the description reads. */
interface ErrorLike {
  message?: string;
  kind?: string;
  status?: number;
  serverText?: string;
  advice?: string;
}

export type LogFailure = 'allocationGone' | 'nodeUnreachable' | 'permissionDenied' | 'other';

const ALLOCATION_GONE = /unknown allocation|allocation .*not found|alloc .*not found/i;
const NODE_UNREACHABLE = /failed to reach client|no path to node|unknown node|node .*(not found|is down|disconnected)|client .*(not running|unreachable)|connection refused|i\/o timeout/i;
const PERMISSION = /permission denied/i;

export function classifyLogFailure(error: unknown): LogFailure {
  const e = (error ?? {}) as ErrorLike;
  const text = error instanceof LogStreamTextError ? error.serverText : (e.serverText ?? '');
  if (e.kind === 'permissionDenied' || e.status === 403 || PERMISSION.test(text)) return 'permissionDenied';
  if (ALLOCATION_GONE.test(text) || (e.kind === 'notFound' && e.status === 404)) return 'allocationGone';
  if (NODE_UNREACHABLE.test(text)) return 'nodeUnreachable';
  return 'other';
}

/** One or two sentences for the log document and notifications. */
export function describeLogError(error: unknown, namespace?: string): string {
  const e = (error ?? {}) as ErrorLike;
  switch (classifyLogFailure(error)) {
    case 'allocationGone':
      return 'Nomad no longer knows this allocation (it was garbage-collected or its job was purged); open the logs of a current allocation instead.';
    case 'nodeUnreachable':
      return `The Nomad client node running this allocation cannot be reached from the servers (${firstLine(e)}); it may be down or partitioned. Try again once the node is back.`;
    case 'permissionDenied':
      return `The ACL token may not read logs${namespace ? ` in namespace "${namespace}"` : ''}: it needs the read-logs (or read-fs) capability. Set a token that has it with "Nomad: Set ACL Token".`;
    default:
      return [firstLine(e), e.advice].filter(Boolean).join(' ');
  }
}

function firstLine(e: ErrorLike): string {
  return ((e.serverText || e.message) ?? 'unknown error').split('\n')[0].trim();
}
