// How a job row looks: icon by type, colour by status, a one-line description, a context value
// with flags for menus, and a tooltip computed on hover.
import type { JobListStub } from '../../nomad/types';
import { COLORS, escapeMarkdown, joinParts, type IconView, type ItemView } from './itemView';
import { childCounts, summaryTable, totalCounts, wantedCount, type GroupCounts } from './summaryCounts';
import { isoTime } from './time';

const TYPE_ICONS: Record<string, string> = {
  service: 'server-process',
  batch: 'tasklist',
  system: 'server-environment',
  sysbatch: 'checklist',
};

/** `stopped` when the user stopped the job (it lingers as dead), otherwise Nomad's status. */
export function jobStatusWord(job: JobListStub): string {
  return job.Stop ? 'stopped' : job.Status || 'unknown';
}

/** e.g. `job:batch:running:parameterized`, matched by menus with regular expressions. */
export function jobContextValue(job: JobListStub): string {
  const flags = [
    job.ParameterizedJob ? 'parameterized' : '',
    job.Periodic ? 'periodic' : '',
    job.ParentID ? 'child' : '',
  ].filter(Boolean);
  return ['job', job.Type || 'unknown', jobStatusWord(job), ...flags].join(':');
}

export function jobIcon(job: JobListStub, counts: GroupCounts = totalCounts(job.JobSummary)): IconView {
  const id = job.ParameterizedJob ? 'symbol-parameter' : job.Periodic ? 'history' : (TYPE_ICONS[job.Type] ?? 'package');
  return { id, color: jobColor(job, counts) };
}

function jobColor(job: JobListStub, counts: GroupCounts): string {
  if (job.Stop) return COLORS.idle;
  switch (job.Status) {
    case 'running':
      return counts.Queued > 0 ? COLORS.busy : COLORS.ok;
    case 'pending':
      return COLORS.busy;
    case 'dead':
      return counts.Failed + counts.Lost > 0 && counts.Complete === 0 ? COLORS.failed : COLORS.idle;
    default:
      return COLORS.idle;
  }
}

/** e.g. `service · running · 3/3`, `batch · parameterized · 2 dispatched`, `batch · dead · 1 complete · 1 failed`. */
export function jobDescription(job: JobListStub, showNamespace: boolean, counts: GroupCounts = totalCounts(job.JobSummary)): string {
  const namespace = showNamespace ? job.Namespace : undefined;
  if (job.ParameterizedJob || job.Periodic) {
    const children = childCounts(job.JobSummary);
    const launched = children.Pending + children.Running + children.Dead;
    const word = job.ParameterizedJob ? 'dispatched' : 'launched';
    return joinParts([
      namespace,
      job.Type,
      job.Stop ? 'stopped' : job.ParameterizedJob ? 'parameterized' : 'periodic',
      `${launched} ${word}`,
      children.Running > 0 && `${children.Running} running`,
    ]);
  }
  const wanted = wantedCount(counts);
  const live = job.Status !== 'dead' && !job.Stop;
  return joinParts([
    namespace,
    job.Type,
    jobStatusWord(job),
    live && (wanted > 0 || job.JobSummary) ? `${counts.Running}/${wanted}` : undefined,
    !live && counts.Complete > 0 && `${counts.Complete} complete`,
    counts.Failed > 0 && `${counts.Failed} failed`,
    counts.Lost > 0 && `${counts.Lost} lost`,
  ]);
}

export function jobView(job: JobListStub, options: { showNamespace: boolean }): ItemView {
  const counts = totalCounts(job.JobSummary);
  return {
    label: job.ID,
    description: jobDescription(job, options.showNamespace, counts),
    icon: jobIcon(job, counts),
    contextValue: jobContextValue(job),
    collapsible: 'collapsed',
  };
}

/** Markdown tooltip; built on hover only, since the list can hold thousands of jobs. */
export function jobTooltip(job: JobListStub): string {
  const children = childCounts(job.JobSummary);
  const lines = [
    `**${escapeMarkdown(job.ID)}**${job.Name && job.Name !== job.ID ? ` (${escapeMarkdown(job.Name)})` : ''}`,
    '',
    `- Type: ${escapeMarkdown(job.Type)}${job.ParameterizedJob ? ', parameterized' : ''}${job.Periodic ? ', periodic' : ''}`,
    `- Status: ${escapeMarkdown(jobStatusWord(job))}${job.StatusDescription ? ` (${escapeMarkdown(job.StatusDescription)})` : ''}`,
    job.Namespace ? `- Namespace: ${escapeMarkdown(job.Namespace)}` : '',
    job.ParentID ? `- Parent: ${escapeMarkdown(job.ParentID)}` : '',
    typeof job.Priority === 'number' ? `- Priority: ${job.Priority}` : '',
    isoTime(job.SubmitTime) ? `- Submitted: ${isoTime(job.SubmitTime)}` : '',
    job.ParameterizedJob || job.Periodic
      ? `- Children: ${children.Pending} pending, ${children.Running} running, ${children.Dead} dead`
      : '',
  ].filter((line, i) => line !== '' || i === 1);
  const table = summaryTable(job.JobSummary);
  return table ? `${lines.join('\n')}\n\n${table}` : lines.join('\n');
}
