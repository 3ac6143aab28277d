// nomad.execTask: run a command (default /bin/sh) in a task with a TTY, in a
// terminal, like `nomad alloc exec -i -t`. From a task row the allocation and
// task are known; from the palette the user picks a job, allocation and task.
import { reportFailure, shortId, type ActionContext } from '../actions/actionContext';
import { resolveAllocation, resolveTask } from '../actions/allocationTargets';
import { describeAllocationError } from '../logs/allocationErrors';
import { ExecSession } from '../../nomad/execSession';
import { splitCommandLine } from '../../nomad/execProtocol';
import type { TerminalSpec } from './execTerminals';

export const DEFAULT_EXEC_COMMAND = '/bin/sh';

/** The ACL words for exec failures (raw_exec tasks also need alloc-node-exec). */
export const ALLOC_EXEC = { doing: 'run commands in tasks', capability: 'alloc-exec (and alloc-node-exec for tasks without filesystem isolation, such as raw_exec)' };

/** Shown in the terminal when a session fails: the allocation words when they apply, else Nomad's words and advice. */
export function describeExecFailure(error: unknown, namespace: string | undefined): string {
  return describeAllocationError(error, { ...ALLOC_EXEC, namespace });
}

export function validateCommandLine(line: string): string | undefined {
  const argv = splitCommandLine(line);
  if (argv === undefined) return 'A quote is not closed.';
  if (argv.length === 0) return 'Give the command to run, e.g. /bin/sh or /bin/bash.';
  return undefined;
}

export async function execIntoTask(ctx: ActionContext, openTerminal: (spec: TerminalSpec) => unknown, arg?: unknown): Promise<void> {
  try {
    const alloc = await resolveAllocation(ctx, arg, 'Run a command in which allocation?');
    if (!alloc) return;
    let task = alloc.task;
    if (!task) {
      const client = await ctx.getClient();
      const { value: allocation } = await client.readAllocation(alloc.id, { namespace: alloc.namespace });
      task = await resolveTask(ctx, alloc, allocation, 'Run a command in which task?');
    }
    if (!task) return;
    const line = await ctx.ui.input({
      title: `Run in task "${task}" of allocation ${shortId(alloc.id)}`,
      prompt: 'The command and its arguments; it runs with a terminal (TTY). Nomad runs it without a shell unless you name one.',
      value: DEFAULT_EXEC_COMMAND,
      validate: validateCommandLine,
    });
    if (line === undefined) return;
    const command = splitCommandLine(line)!;
    const client = await ctx.getClient();
    const target = { allocId: alloc.id, task, command, tty: true, namespace: alloc.namespace };
    openTerminal({
      name: `exec ${task}@${shortId(alloc.id)}`,
      banner: `${line} in task "${task}" of allocation ${shortId(alloc.id)}. Ctrl+D or exit ends it; closing the terminal stops it.`,
      start: (handlers, signal) => ExecSession.exec(client, target, handlers, signal),
      describe: (error) => `Could not run "${line}": ${describeExecFailure(error, alloc.namespace)}`,
    });
  } catch (error) {
    reportFailure(ctx.ui, 'Opening the exec session', error);
  }
}
