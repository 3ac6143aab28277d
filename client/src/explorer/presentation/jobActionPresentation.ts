// Action rows under a task row (Nomad 1.7+): one per `action` block of the
// task, showing the command it runs. Running one opens a terminal.
import type { JobAction } from '../../nomad/types';
import { escapeMarkdown, type ItemView } from './itemView';

/** The actions declared by `task` of `group`, by name. */
export function actionsOfTask(actions: readonly JobAction[], group: string | undefined, task: string): JobAction[] {
  return actions.filter((a) => a.TaskName === task && (group === undefined || a.TaskGroupName === group)).sort((a, b) => a.Name.localeCompare(b.Name));
}

/** The command as a person would type it: words with spaces or quotes are quoted. */
export function actionCommandLine(action: JobAction): string {
  const quote = (word: string) => (word === '' || /[\s"'\\$`]/.test(word) ? `'${word.replace(/'/g, `'\\''`)}'` : word);
  return [action.Command ?? '', ...(action.Args ?? [])].filter((word, i) => i > 0 || word !== '').map(quote).join(' ');
}

/** `taskState` is the state of the task in the row's allocation: actions run only in a running task. */
export function jobActionView(action: JobAction, taskState: string): ItemView {
  const line = actionCommandLine(action);
  return {
    label: action.Name,
    description: line,
    tooltip: [
      `**Action ${escapeMarkdown(action.Name)}** of task ${escapeMarkdown(action.TaskName)} in group ${escapeMarkdown(action.TaskGroupName)}`,
      '',
      '```text',
      line.replace(/`{3,}/g, (run) => run.split('').join('\u200b')),
      '```',
      ...(taskState === 'running' ? [] : ['', `The task is ${escapeMarkdown(taskState)}; actions run only in a running task.`]),
    ].join('\n'),
    icon: { id: 'play' },
    contextValue: `jobAction:${taskState}`,
    collapsible: 'none',
  };
}
