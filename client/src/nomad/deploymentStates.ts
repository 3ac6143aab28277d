// Which changes Nomad accepts on a deployment in which state (its Deployment
// RPCs refuse every change once a deployment is terminal, and the deployment
// watcher only promotes groups with canaries). The tree offers exactly these;
// the server stays the judge. No vscode here.
import type { Deployment } from './types';

/** Statuses Nomad calls active (structs.Deployment.Active): the only ones any change is accepted in. */
export const ACTIVE_DEPLOYMENT_STATUSES: ReadonlySet<string> = new Set(['running', 'paused', 'blocked', 'unblocking', 'pending']);

export type DeploymentChange = 'promote' | 'pause' | 'resume' | 'fail' | 'health';

/** Groups with canaries that are not promoted yet. */
export function groupsAwaitingPromotion(deployment: Deployment): string[] {
  return Object.entries(deployment.TaskGroups ?? {})
    .filter(([, group]) => (group.DesiredCanaries ?? 0) > 0 && !group.Promoted)
    .map(([name]) => name)
    .sort();
}

/** The changes Nomad accepts on this deployment now, in menu order. */
export function allowedChanges(deployment: Deployment): DeploymentChange[] {
  if (!ACTIVE_DEPLOYMENT_STATUSES.has(deployment.Status)) return [];
  const changes: DeploymentChange[] = [];
  if (groupsAwaitingPromotion(deployment).length > 0) changes.push('promote');
  changes.push(deployment.Status === 'paused' ? 'resume' : 'pause', 'fail', 'health');
  return changes;
}
