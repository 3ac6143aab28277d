// nomad.showJobLogs / nomad.showJobErrorLogs: stdout or stderr of every
// allocation of a job (from a job row, or the palette) or of one task group
// (from a group row) in one followed `nomad-log:` document.
import type { JobLogTarget, LogType } from './logTarget';
import { reportFailure, type ActionContext } from '../actions/actionContext';
import type { PickItem } from '../actions/actionUi';
import { groupRefFrom, jobRefFrom, pickJob, type GroupRef, type JobRef } from '../actions/targets';

export async function showJobLogs(ctx: ActionContext, open: (target: JobLogTarget) => Promise<unknown>, type: LogType, arg?: unknown): Promise<void> {
  const noun = type === 'stdout' ? 'logs' : 'error logs';
  try {
    const given = groupRefFrom(arg) ?? jobScope(jobRefFrom(arg));
    const scope = given ?? (await pickScope(ctx, `Show ${noun} of which job?`));
    if (!scope) return;
    await open({ jobId: scope.job.id, group: scope.group, type, namespace: scope.job.namespace });
  } catch (error) {
    reportFailure(ctx.ui, `Opening the ${noun} of the job`, error);
  }
}

const jobScope = (job: JobRef | undefined): { job: JobRef; group?: string } | undefined => (job ? { job } : undefined);

/** From the palette: a job, then all of its groups or one of them (asked only when it has several). */
async function pickScope(ctx: ActionContext, title: string): Promise<{ job: JobRef; group?: string } | undefined> {
  const job = await pickJob(ctx, { title });
  if (!job) return undefined;
  const client = await ctx.getClient();
  const { value } = await client.readJob(job.id, { namespace: job.namespace });
  const groups = (value.TaskGroups ?? []).map((group) => group.Name ?? '').filter(Boolean);
  if (groups.length <= 1) return { job };
  const items: PickItem<GroupRef | { job: JobRef }>[] = [
    { label: 'All groups', description: groups.join(', '), value: { job } },
    ...groups.map((group) => ({ label: group, value: { job, group } })),
  ];
  return ctx.ui.pick(items, { title: `Logs of which groups of "${job.id}"?` });
}
