// Rows that explain why there is nothing to show: the cluster is unreachable, the token lacks a
// capability, TLS failed, or the cluster/namespace is simply empty. Each offers the next step.
import type { NomadErrorKind } from '../../nomad/errors';
import { COLORS, escapeMarkdown, type ItemView } from './itemView';

export interface CommandView {
  command: string;
  title: string;
  arguments?: unknown[];
}

export interface MessageView extends ItemView {
  command?: CommandView;
}

/** What was being attempted, so the message can say which capability is missing. */
export interface ProblemSubject {
  address: string;
  /** e.g. `list jobs` or `read job "web"`. */
  action: string;
  /** The ACL capability the request needs, e.g. `list-jobs`. */
  capability: string;
  namespace?: string;
  /** The address the cluster's token was given for, when it is another one (no token is sent). */
  tokenGivenFor?: string;
}

export interface ProblemLike {
  kind: NomadErrorKind;
  message: string;
  advice?: string;
}

const RETRY: CommandView = { command: 'nomad.refresh', title: 'Retry' };
const SET_TOKEN: CommandView = { command: 'nomad.setToken', title: 'Set ACL Token' };
const OPEN_CLUSTER_SETTINGS: CommandView = {
  command: 'workbench.action.openSettings',
  title: 'Open Cluster Settings',
  arguments: ['nomad.clusters'],
};

const TLS_HELP = [
  'Set `caCert` (or NOMAD_CACERT) when the servers use a private certificate authority,',
  '`tlsServerName` when the certificate names a different host than the address,',
  'and `clientCert`/`clientKey` when the servers require client certificates.',
  '`skipVerify` turns verification off; use it only for throwaway clusters.',
].join(' ');

function message(state: string, label: string, description: string, tooltip: string, command?: CommandView): MessageView {
  const failed = state !== 'empty';
  return {
    label,
    description,
    tooltip,
    icon: { id: failed ? 'warning' : 'info', color: failed ? COLORS.failed : undefined },
    contextValue: `message:${state}`,
    collapsible: 'none',
    command,
  };
}

export function problemView(problem: ProblemLike, subject: ProblemSubject): MessageView {
  const advice = problem.advice || problem.message;
  switch (problem.kind) {
    case 'unreachable':
    case 'timeout':
      return message(
        'unreachable',
        `Cannot reach ${subject.address}`,
        advice,
        `${escapeMarkdown(advice)}\n\nClick to retry.`,
        RETRY,
      );
    case 'tls':
      return message('tls', `TLS failed for ${subject.address}`, advice, `${escapeMarkdown(advice)}\n\n${TLS_HELP}`, OPEN_CLUSTER_SETTINGS);
    case 'permissionDenied': {
      const where = subject.namespace ? ` in namespace "${subject.namespace}"` : '';
      if (subject.tokenGivenFor) {
        return message(
          'denied',
          `Permission denied: cannot ${subject.action}${where}`,
          `the cluster's token was given for ${subject.tokenGivenFor}; set one for this address`,
          `The cluster's address changed. Its ACL token was given for ${escapeMarkdown(subject.tokenGivenFor)} ` +
            `and is not sent to ${escapeMarkdown(subject.address)}. Click to set a token for the new address.`,
          SET_TOKEN,
        );
      }
      return message(
        'denied',
        `Permission denied: cannot ${subject.action}${where}`,
        `the token needs the ${subject.capability} capability`,
        `The ACL token in use may not ${escapeMarkdown(subject.action)}${escapeMarkdown(where)}. ` +
          `Ask for a policy granting \`${subject.capability}\`, or set another token.`,
        SET_TOKEN,
      );
    }
    case 'notFound':
      return message('notFound', 'Not found on the cluster', advice, escapeMarkdown(advice));
    default:
      return message('error', `Could not ${subject.action}`, advice, escapeMarkdown(problem.message), RETRY);
  }
}

export function emptyView(namespace: string | undefined, filter: string): MessageView {
  if (filter.trim()) {
    return message('empty', `No jobs match "${filter.trim()}"`, '', 'Click to clear the filter.', {
      command: 'nomad.clearJobFilter',
      title: 'Clear Filter',
    });
  }
  const where = !namespace || namespace === '*' ? 'on this cluster' : `in namespace "${namespace}"`;
  return message('empty', `No jobs ${where}`, '', 'Run a job file to see it here.');
}

/** A section (allocations, versions, ...) with nothing in it. */
export function noneView(what: string): MessageView {
  return message('empty', `No ${what}`, '', '');
}
