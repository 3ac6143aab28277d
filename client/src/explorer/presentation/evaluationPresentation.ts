// Evaluation rows: what triggered them, their status, and why placements failed.
import type { AllocationMetric, Evaluation } from '../../nomad/types';
import { asNumber, COLORS, escapeMarkdown, joinParts, plural, shortId, type IconView, type ItemView } from './itemView';
import { age } from './time';

const STATUS_ICONS: Record<string, IconView> = {
  pending: { id: 'clock', color: COLORS.busy },
  complete: { id: 'check', color: COLORS.idle },
  blocked: { id: 'debug-pause', color: COLORS.busy },
  failed: { id: 'error', color: COLORS.failed },
  canceled: { id: 'circle-slash', color: COLORS.idle },
};

export function sortEvaluations(evaluations: readonly Evaluation[]): Evaluation[] {
  return [...evaluations].sort((a, b) => asNumber(b.CreateIndex) - asNumber(a.CreateIndex));
}

export interface PlacementFailure {
  group: string;
  reasons: string[];
}

function counted(map: Record<string, number> | null | undefined, describe: (key: string, count: number) => string): string[] {
  return Object.entries(map ?? {}).map(([key, count]) => describe(key, count));
}

/** Plain sentences for one task group's failed placement, from the scheduler's allocation metrics. */
export function placementFailureReasons(metric: AllocationMetric): string[] {
  const nodes = (n: number) => plural(n, 'node');
  const reasons = [
    ...counted(metric.ConstraintFiltered, (c, n) => `constraint ${c} filtered out ${nodes(n)}`),
    ...counted(metric.ClassFiltered, (c, n) => `node class ${c} filtered out ${nodes(n)}`),
    ...counted(metric.DimensionExhausted, (d, n) => `${d} exhausted on ${nodes(n)}`),
    ...counted(metric.ClassExhausted, (c, n) => `node class ${c} exhausted on ${nodes(n)}`),
    ...(metric.QuotaExhausted ?? []).map((q) => `quota exhausted: ${q}`),
  ];
  const available = Object.values((metric.NodesAvailable as Record<string, number> | null | undefined) ?? {});
  if (available.length && available.every((n) => n === 0)) reasons.unshift('no nodes available in the job datacenters');
  if (!reasons.length && typeof metric.NodesEvaluated === 'number') {
    reasons.push(`${nodes(metric.NodesEvaluated)} evaluated, none could take it`);
  }
  if (metric.CoalescedFailures) reasons.push(`${plural(metric.CoalescedFailures, 'more allocation')} failed the same way`);
  return reasons;
}

export function placementFailures(evaluation: Evaluation): PlacementFailure[] {
  return Object.entries(evaluation.FailedTGAllocs ?? {}).map(([group, metric]) => ({
    group,
    reasons: placementFailureReasons(metric),
  }));
}

export function evaluationView(evaluation: Evaluation, now: number): ItemView {
  const failures = placementFailures(evaluation);
  const created = age(evaluation.CreateTime, now);
  return {
    label: evaluation.TriggeredBy || 'evaluation',
    description: joinParts([
      evaluation.Status,
      failures.length > 0 && `${plural(failures.length, 'group')} not placed`,
      created && `${created} ago`,
      shortId(evaluation.ID),
    ]),
    tooltip: [
      `**Evaluation** \`${evaluation.ID}\``,
      '',
      `- Triggered by: ${escapeMarkdown(evaluation.TriggeredBy)}`,
      `- Status: ${escapeMarkdown(evaluation.Status)}${evaluation.StatusDescription ? ` (${escapeMarkdown(evaluation.StatusDescription)})` : ''}`,
      ...failures.map((f) => `- Group ${escapeMarkdown(f.group)} not placed: ${escapeMarkdown(f.reasons.join('; ') || 'no reason given')}`),
    ].join('\n'),
    icon: failures.length ? { id: 'warning', color: COLORS.failed } : (STATUS_ICONS[evaluation.Status] ?? { id: 'circle-outline' }),
    contextValue: ['evaluation', evaluation.Status, failures.length > 0 && 'placementFailures'].filter(Boolean).join(':'),
    collapsible: failures.length ? 'expanded' : 'none',
  };
}

export function placementFailureView(failure: PlacementFailure): ItemView {
  return {
    label: `${failure.group}: not placed`,
    description: failure.reasons.join('; ') || 'no reason given',
    tooltip: failure.reasons.map((r) => `- ${escapeMarkdown(r)}`).join('\n') || undefined,
    icon: { id: 'circle-slash', color: COLORS.failed },
    contextValue: 'placementFailure',
    collapsible: 'none',
  };
}
