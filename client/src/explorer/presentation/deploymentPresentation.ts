// Deployment rows and their per-group progress (healthy / placed / desired, canaries, promotion).
import { allowedChanges } from '../../nomad/deploymentStates';
import type { Deployment, DeploymentState } from '../../nomad/types';
import { asNumber, COLORS, escapeMarkdown, joinParts, shortId, type IconView, type ItemView } from './itemView';

const STATUS_ICONS: Record<string, IconView> = {
  running: { id: 'sync', color: COLORS.active },
  successful: { id: 'check', color: COLORS.ok },
  failed: { id: 'error', color: COLORS.failed },
  cancelled: { id: 'circle-slash', color: COLORS.idle },
  paused: { id: 'debug-pause', color: COLORS.busy },
  pending: { id: 'clock', color: COLORS.busy },
  blocked: { id: 'clock', color: COLORS.busy },
};

export function sortDeployments(deployments: readonly Deployment[]): Deployment[] {
  return [...deployments].sort((a, b) => asNumber(b.CreateIndex) - asNumber(a.CreateIndex));
}

/** A running deployment with canaries placed but not yet promoted is waiting for a person. */
export function needsPromotion(deployment: Deployment): boolean {
  if (deployment.Status !== 'running') return false;
  return Object.values(deployment.TaskGroups ?? {}).some((g) => (g.DesiredCanaries ?? 0) > 0 && !g.Promoted);
}

export function deploymentView(deployment: Deployment): ItemView {
  const waiting = needsPromotion(deployment);
  return {
    label: `v${deployment.JobVersion}`,
    description: joinParts([deployment.Status, waiting && 'awaiting promotion', shortId(deployment.ID)]),
    tooltip: [
      `**Deployment** \`${deployment.ID}\``,
      '',
      `- Job version: ${deployment.JobVersion}`,
      `- Status: ${escapeMarkdown(deployment.Status)}`,
      deployment.StatusDescription ? `- ${escapeMarkdown(deployment.StatusDescription)}` : '',
    ]
      .filter((line, i) => line !== '' || i === 1)
      .join('\n'),
    icon: STATUS_ICONS[deployment.Status] ?? { id: 'circle-outline' },
    // The changes Nomad accepts now, so menus offer only those (e.g. `deployment:paused:promote:resume:fail:health`).
    contextValue: ['deployment', deployment.Status, ...allowedChanges(deployment)].join(':'),
    collapsible: Object.keys(deployment.TaskGroups ?? {}).length ? 'collapsed' : 'none',
  };
}

/** Missing counters mean zero. */
function counters(state: DeploymentState) {
  return {
    healthy: state.HealthyAllocs ?? 0,
    unhealthy: state.UnhealthyAllocs ?? 0,
    placed: state.PlacedAllocs ?? 0,
    desired: state.DesiredTotal ?? 0,
    canaries: state.DesiredCanaries ?? 0,
    placedCanaries: (state.PlacedCanaries ?? []).length,
  };
}

export function deploymentGroupDescription(state: DeploymentState): string {
  const c = counters(state);
  return joinParts([
    `healthy ${c.healthy}`,
    `placed ${c.placed}`,
    `desired ${c.desired}`,
    c.unhealthy > 0 && `unhealthy ${c.unhealthy}`,
    c.canaries > 0 && `canaries ${c.placedCanaries}/${c.canaries}`,
    c.canaries > 0 && (state.Promoted ? 'promoted' : 'not promoted'),
  ]);
}

export function deploymentGroupView(group: string, state: DeploymentState): ItemView {
  const c = counters(state);
  const color = c.unhealthy > 0 ? COLORS.failed : c.healthy >= c.desired ? COLORS.ok : COLORS.busy;
  return {
    label: group,
    description: deploymentGroupDescription(state),
    icon: { id: 'layers', color },
    contextValue: 'deploymentGroup',
    collapsible: 'none',
  };
}
