// What we know about the active cluster, derived from the last request's outcome.
// Pure: the status bar and the explorer both read it; unit-tested without VS Code.
import type { NomadErrorKind } from '../nomad/errors';

export type ConnectionState = 'unknown' | 'connected' | 'unreachable' | 'denied' | 'tls' | 'error';

/** Only failures that say something about the connection change the state; e.g. a 404 for one job does not. */
export function stateAfterError(kind: NomadErrorKind, previous: ConnectionState): ConnectionState {
  switch (kind) {
    case 'unreachable':
    case 'timeout':
      return 'unreachable';
    case 'tls':
      return 'tls';
    case 'permissionDenied':
      return 'denied';
    case 'server':
    case 'badResponse':
      return 'error';
    default:
      return previous;
  }
}

export interface StateAppearance {
  /** Codicon id shown before the cluster name. */
  icon: string;
  /** A few words for tooltips and the status bar. */
  text: string;
  /** Whether the status bar item should draw attention. */
  warning: boolean;
}

const APPEARANCE: Record<ConnectionState, StateAppearance> = {
  unknown: { icon: 'server', text: 'not contacted yet', warning: false },
  connected: { icon: 'server', text: 'connected', warning: false },
  unreachable: { icon: 'debug-disconnect', text: 'unreachable', warning: true },
  denied: { icon: 'lock', text: 'permission denied', warning: true },
  tls: { icon: 'shield', text: 'TLS error', warning: true },
  error: { icon: 'warning', text: 'server error', warning: true },
};

export function stateAppearance(state: ConnectionState): StateAppearance {
  return APPEARANCE[state];
}
