// Plain words for the ways an allocation request fails. Logs and restarts are
// served by the Nomad client node that runs the allocation, reached through
// the servers, so besides the usual errors they fail when that node is gone
// or unreachable; and each needs its own ACL capability (`read-logs`,
// `alloc-lifecycle`).
import { LogStreamTextError } from '../../nomad/logs';

/** The parts of a NomadError (or any error) that the description reads. */
interface ErrorLike {
  message?: string;
  kind?: string;
  status?: number;
  serverText?: string;
  advice?: string;
}

export type AllocationFailure = 'allocationGone' | 'nodeUnreachable' | 'permissionDenied' | 'other';

const ALLOCATION_GONE = /unknown allocation|allocation .*not found|alloc .*not found/i;
const NODE_UNREACHABLE = /failed to reach client|no path to node|unknown node|node .*(not found|is down|disconnected)|client .*(not running|unreachable)|connection refused|i\/o timeout/i;
const PERMISSION = /permission denied/i;

export function classifyAllocationFailure(error: unknown): AllocationFailure {
  const e = (error ?? {}) as ErrorLike;
  const text = error instanceof LogStreamTextError ? error.serverText : (e.serverText ?? '');
  if (e.kind === 'permissionDenied' || e.status === 403 || PERMISSION.test(text)) return 'permissionDenied';
  if (ALLOCATION_GONE.test(text) || (e.kind === 'notFound' && e.status === 404)) return 'allocationGone';
  if (NODE_UNREACHABLE.test(text)) return 'nodeUnreachable';
  return 'other';
}

export interface AllocationErrorContext {
  namespace?: string;
  /** What the user tried, for the permission sentence: e.g. `read logs`. */
  doing: string;
  /** The ACL capability that allows it, e.g. `read-logs (or read-fs)`. */
  capability: string;
}

export const READ_LOGS: AllocationErrorContext = { doing: 'read logs', capability: 'read-logs (or read-fs)' };
export const ALLOC_LIFECYCLE: AllocationErrorContext = { doing: 'restart or stop allocations', capability: 'alloc-lifecycle' };

/** One or two sentences for the log document and notifications. */
export function describeAllocationError(error: unknown, context: AllocationErrorContext): string {
  const e = (error ?? {}) as ErrorLike;
  const namespace = context.namespace;
  switch (classifyAllocationFailure(error)) {
    case 'allocationGone':
      return 'Nomad no longer knows this allocation (it was garbage-collected or its job was purged); pick a current allocation instead.';
    case 'nodeUnreachable':
      return `The Nomad client node running this allocation cannot be reached from the servers (${firstLine(e)}); it may be down or partitioned. Try again once the node is back.`;
    case 'permissionDenied':
      return `The ACL token may not ${context.doing}${namespace ? ` in namespace "${namespace}"` : ''}: it needs the ${context.capability} capability. Set a token that has it with "Nomad: Set ACL Token".`;
    default:
      return [firstLine(e), e.advice].filter(Boolean).join(' ');
  }
}

function firstLine(e: ErrorLike): string {
  return ((e.serverText || e.message) ?? 'unknown error').split('\n')[0].trim();
}
