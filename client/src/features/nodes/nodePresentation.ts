// Rows of the Nodes view: a client node with status, eligibility, drain,
// class, pool and datacenter; its drivers with their health; its allocations.
// Plain ItemViews, no vscode, so they are unit-tested under Node.
import { COLORS, escapeMarkdown, joinParts, shortId, type ItemView } from '../../explorer/presentation/itemView';
import type { Allocation, NodeDriverInfo, NodeListStub } from '../../nomad/types';

export function sortNodes(nodes: readonly NodeListStub[]): NodeListStub[] {
  return [...nodes].sort((a, b) => a.Name.localeCompare(b.Name) || a.ID.localeCompare(b.ID));
}

function nodeColor(node: NodeListStub): string | undefined {
  if (node.Status === 'down') return COLORS.failed;
  if (node.Drain || node.SchedulingEligibility === 'ineligible' || node.Status !== 'ready') return COLORS.busy;
  return COLORS.ok;
}

/**
 * `node:<eligible|ineligible>:<draining|notDraining>`, so the menu offers the
 * eligibility toggle and start or stop of a drain that fit the node's state.
 */
export function nodeContextValue(node: NodeListStub): string {
  return ['node', node.SchedulingEligibility === 'ineligible' ? 'ineligible' : 'eligible', node.Drain ? 'draining' : 'notDraining'].join(':');
}

export function nodeView(node: NodeListStub): ItemView {
  const eligibility = node.SchedulingEligibility === 'ineligible' ? 'ineligible' : undefined;
  return {
    label: node.Name || shortId(node.ID),
    description: joinParts([node.Status, node.Drain && 'draining', eligibility, node.Datacenter, node.NodePool && `pool ${node.NodePool}`, node.NodeClass && `class ${node.NodeClass}`]),
    tooltip: [
      `**Node** \`${node.ID}\``,
      '',
      `- Status: ${escapeMarkdown(node.Status)}${node.StatusDescription ? ` (${escapeMarkdown(node.StatusDescription)})` : ''}`,
      `- Scheduling: ${escapeMarkdown(node.SchedulingEligibility ?? 'eligible')}${node.Drain ? ', draining' : ''}`,
      `- Datacenter: ${escapeMarkdown(node.Datacenter ?? '')}`,
      node.NodePool ? `- Node pool: ${escapeMarkdown(node.NodePool)}` : '',
      `- Class: ${node.NodeClass ? escapeMarkdown(node.NodeClass) : '(none)'}`,
      node.Address ? `- Address: ${escapeMarkdown(node.Address)}` : '',
      node.Version ? `- Nomad ${escapeMarkdown(node.Version)}` : '',
    ]
      .filter((line, i) => line !== '' || i === 1)
      .join('\n'),
    icon: { id: 'server', color: nodeColor(node) },
    contextValue: nodeContextValue(node),
    collapsible: 'collapsed',
  };
}

/** Detected drivers first, each with its health; undetected ones are listed last, dimmed. */
export function driverViews(drivers: Record<string, NodeDriverInfo> | null | undefined): ItemView[] {
  return Object.entries(drivers ?? {})
    .sort(([a, x], [b, y]) => Number(Boolean(y.Detected)) - Number(Boolean(x.Detected)) || a.localeCompare(b))
    .map(([name, driver]) => {
      const health = !driver.Detected ? 'not detected' : driver.Healthy ? 'healthy' : 'unhealthy';
      const why = driver.HealthDescription && driver.HealthDescription !== 'Healthy' ? driver.HealthDescription : undefined;
      return {
        label: name,
        description: joinParts([health, why]),
        icon: { id: 'extensions', color: !driver.Detected ? COLORS.idle : driver.Healthy ? COLORS.ok : COLORS.failed },
        contextValue: 'nodeDriver',
        collapsible: 'none',
      };
    });
}

export function nodeAllocationView(allocation: Allocation): ItemView {
  const color = allocation.ClientStatus === 'running' ? COLORS.ok : allocation.ClientStatus === 'failed' ? COLORS.failed : allocation.ClientStatus === 'pending' ? COLORS.busy : COLORS.idle;
  return {
    label: allocation.Name,
    description: joinParts([allocation.ClientStatus, allocation.Namespace && allocation.Namespace !== 'default' ? allocation.Namespace : undefined, shortId(allocation.ID)]),
    icon: { id: 'package', color },
    contextValue: `nodeAllocation:${allocation.ClientStatus}`,
    collapsible: 'none',
  };
}
