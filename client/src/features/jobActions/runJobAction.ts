// nomad.runJobAction: run one of a job's actions (Nomad 1.7+) in a running
// task, in a terminal over Nomad's action WebSocket, the way exec does. From
// an action row the allocation and task are the row's; from the palette the
// user picks a job, one of its actions, and the allocation when the task
// runs in several. On an older cluster it says which version it needs.
import { clientWithFeature, reportFailure, shortId, type ActionContext, type ActionsClient } from '../actions/actionContext';
import type { PickItem } from '../actions/actionUi';
import { actionRunFromRow, isNotStopped, pickJob, type ActionRun, type JobRef } from '../actions/targets';
import { describeExecFailure } from '../exec/execIntoTask';
import type { TerminalSpec } from '../exec/execTerminals';
import { actionCommandLine } from '../../explorer/presentation/jobActionPresentation';
import { ExecSession } from '../../nomad/execSession';
import type { AllocationListStub, JobAction } from '../../nomad/types';

/** The allocations of the job in which the action's task runs now. */
export function allocationsRunning(allocations: readonly AllocationListStub[], action: JobAction): AllocationListStub[] {
  return allocations.filter((a) => a.TaskGroup === action.TaskGroupName && a.TaskStates?.[action.TaskName]?.State === 'running');
}

async function pickAction(ctx: ActionContext, client: ActionsClient, job: JobRef): Promise<JobAction | undefined> {
  const { value: actions } = await ctx.ui.withProgress(`Reading the actions of "${job.id}"…`, () => client.jobActions(job.id, { namespace: job.namespace }));
  if (actions.length === 0) {
    ctx.ui.info(`Job "${job.id}" declares no actions. Add an action block to a task to offer one.`);
    return undefined;
  }
  const items: PickItem<JobAction>[] = actions.map((action) => ({
    label: action.Name,
    description: `${action.TaskGroupName} › ${action.TaskName}`,
    detail: actionCommandLine(action),
    value: action,
  }));
  return ctx.ui.pick(items, { title: `Run which action of "${job.id}"?`, placeholder: 'Pick an action' });
}

async function pickAllocation(ctx: ActionContext, client: ActionsClient, job: JobRef, action: JobAction): Promise<AllocationListStub | undefined> {
  const { value: allocations } = await client.jobAllocations(job.id, { namespace: job.namespace });
  const running = allocationsRunning(allocations, action);
  if (running.length === 0) {
    ctx.ui.info(`No allocation of "${job.id}" runs task "${action.TaskName}" now; actions run only in a running task.`);
    return undefined;
  }
  if (running.length === 1) return running[0];
  const items: PickItem<AllocationListStub>[] = running.map((alloc) => ({
    label: alloc.Name,
    description: [shortId(alloc.ID), alloc.NodeName].filter(Boolean).join(' · '),
    value: alloc,
  }));
  return ctx.ui.pick(items, { title: `Run "${action.Name}" in which allocation?`, placeholder: 'Pick an allocation' });
}

async function pickActionRun(ctx: ActionContext, client: ActionsClient): Promise<ActionRun | undefined> {
  const job = await pickJob(ctx, { title: 'Run an action of which job?', accepts: isNotStopped, noneMessage: 'The cluster has no running jobs.' });
  if (!job) return undefined;
  const action = await pickAction(ctx, client, job);
  if (!action) return undefined;
  const alloc = await pickAllocation(ctx, client, job, action);
  if (!alloc) return undefined;
  const target = { jobId: job.id, action: action.Name, allocId: alloc.ID, task: action.TaskName, tty: true, namespace: alloc.Namespace ?? job.namespace };
  return { action, target };
}

export async function runJobAction(ctx: ActionContext, openTerminal: (spec: TerminalSpec) => unknown, arg?: unknown): Promise<void> {
  const client = await clientWithFeature(ctx, 'jobActions', 'Running a job action');
  if (!client) return;
  try {
    const run = actionRunFromRow(arg) ?? (await pickActionRun(ctx, client));
    if (!run) return;
    const { action, target } = run;
    const where = `task "${target.task}" of allocation ${shortId(target.allocId)}`;
    openTerminal({
      name: `action ${action.Name}@${shortId(target.allocId)}`,
      banner: `Action "${action.Name}" (${actionCommandLine(action)}) in ${where}. Closing the terminal stops it.`,
      start: (handlers, signal) => ExecSession.action(client, target, handlers, signal),
      describe: (error) => `Could not run action "${action.Name}": ${describeExecFailure(error, target.namespace)}`,
    });
  } catch (error) {
    reportFailure(ctx.ui, 'Running a job action', error);
  }
}
