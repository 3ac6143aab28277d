// The command records of issues 8 and 9 (job actions, logs, allocation
// lifecycle), one per command id, for the extension's command table. Tree
// context menus pass the row as the first argument; the palette passes
// nothing and each action asks for its target.
import type { LogTarget } from '../logs/logTarget';
import type { ActionContext } from './actionContext';
import { dispatchJob, isDispatchPreset } from './dispatchJob';
import { evaluateJob } from './evaluateJob';
import { forcePeriodicLaunch } from './forcePeriodicLaunch';
import { markVersionStability } from './markVersionStability';
import { restartAllocation } from './restartAllocation';
import { revertJob } from './revertJob';
import { showTaskLogs } from './showTaskLogs';
import { stopAllocation } from './stopAllocation';
import { purgeJob, stopJob } from './stopJob';

export interface ActionCommand {
  id: string;
  run: (...args: unknown[]) => Promise<void>;
}

export function actionCommands(ctx: ActionContext, openLog: (target: LogTarget) => Promise<unknown>): ActionCommand[] {
  return [
    { id: 'nomad.revertJob', run: (arg) => revertJob(ctx, arg) },
    // From a menu the second argument is the list of selected rows; a preset is a plain `{ meta, payload }`.
    { id: 'nomad.dispatchJob', run: (arg, preset) => dispatchJob(ctx, arg, isDispatchPreset(preset) ? preset : undefined) },
    { id: 'nomad.stopJob', run: (arg) => stopJob(ctx, arg) },
    { id: 'nomad.purgeJob', run: (arg) => purgeJob(ctx, arg) },
    { id: 'nomad.forcePeriodicLaunch', run: (arg) => forcePeriodicLaunch(ctx, arg) },
    { id: 'nomad.evaluateJob', run: (arg) => evaluateJob(ctx, arg) },
    { id: 'nomad.markVersionStable', run: (arg) => markVersionStability(ctx, true, arg) },
    { id: 'nomad.markVersionUnstable', run: (arg) => markVersionStability(ctx, false, arg) },
    { id: 'nomad.showLogs', run: (arg) => showTaskLogs(ctx, openLog, 'stdout', arg) },
    { id: 'nomad.showErrorLogs', run: (arg) => showTaskLogs(ctx, openLog, 'stderr', arg) },
    { id: 'nomad.restartAllocation', run: (arg) => restartAllocation(ctx, arg) },
    { id: 'nomad.stopAllocation', run: (arg) => stopAllocation(ctx, arg) },
  ];
}
