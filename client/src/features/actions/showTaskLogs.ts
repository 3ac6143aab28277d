// nomad.showLogs / nomad.showErrorLogs: open a task's stdout or stderr as a
// followed `nomad-log:` document (see logs/logDocuments.ts for why a document).
import type { LogTarget, LogType } from '../logs/logTarget';
import { reportFailure, type ActionContext } from './actionContext';
import { resolveAllocation, resolveTask } from './allocationTargets';

export async function showTaskLogs(ctx: ActionContext, open: (target: LogTarget) => Promise<unknown>, type: LogType, arg?: unknown): Promise<void> {
  const title = type === 'stdout' ? 'Show logs of which allocation?' : 'Show error logs of which allocation?';
  try {
    const alloc = await resolveAllocation(ctx, arg, title);
    if (!alloc) return;
    let task = alloc.task;
    let jobId = alloc.jobId;
    if (!task) {
      const client = await ctx.getClient();
      const { value: allocation } = await client.readAllocation(alloc.id, { namespace: alloc.namespace });
      jobId ??= allocation.JobID;
      task = await resolveTask(ctx, alloc, allocation, `${type === 'stdout' ? 'Logs' : 'Error logs'} of which task?`);
    }
    if (!task) return;
    await open({ allocId: alloc.id, task, type, jobId, namespace: alloc.namespace });
  } catch (error) {
    reportFailure(ctx.ui, 'Opening the logs', error);
  }
}
