// The command records of issues 8 and 9 (job actions, logs, allocation
// lifecycle), one per command id, spread into the extension's command table.
// Tree context menus pass the row as the first argument; the palette passes
// nothing and each action asks for its target.
import type { CommandHandler, CommandServices } from '../../commands/commandTable';
import { failDeployment, pauseDeployment, promoteDeployment, setAllocationHealth } from '../deployments/deploymentActions';
import { drainNode, stopNodeDrain, toggleNodeEligibility } from '../nodes/nodeActions';
import { restartJob } from '../restartJob/restartJob';
import { scaleGroup } from '../scale/scaleGroup';
import { execIntoTask } from '../exec/execIntoTask';
import { runJobAction } from '../jobActions/runJobAction';
import { openInNomadUi } from '../openInUi/openInNomadUi';
import { browseAllocationFiles } from '../allocFiles/browseAllocationFiles';
import { dispatchJob, isDispatchPreset } from './dispatchJob';
import { evaluateJob } from './evaluateJob';
import { forcePeriodicLaunch } from './forcePeriodicLaunch';
import { markVersionStability } from './markVersionStability';
import { restartAllocation } from './restartAllocation';
import { revertJob } from './revertJob';
import { showJobLogs } from '../logs/showJobLogs';
import { showTaskLogs } from './showTaskLogs';
import { stopAllocation } from './stopAllocation';
import { purgeJob, stopJob } from './stopJob';

const ctx = (services: CommandServices) => services.actions.context();

export const actionCommandTable: Readonly<Record<string, CommandHandler>> = {
  'nomad.revertJob': (s, arg) => revertJob(ctx(s), arg),
  // From a menu the second argument is the list of selected rows; a preset is a plain `{ meta, payload }`.
  'nomad.dispatchJob': (s, arg, preset) => dispatchJob(ctx(s), arg, isDispatchPreset(preset) ? preset : undefined),
  'nomad.stopJob': (s, arg) => stopJob(ctx(s), arg),
  'nomad.purgeJob': (s, arg) => purgeJob(ctx(s), arg),
  'nomad.restartJob': (s, arg) => restartJob(ctx(s), arg),
  'nomad.forcePeriodicLaunch': (s, arg) => forcePeriodicLaunch(ctx(s), arg),
  'nomad.evaluateJob': (s, arg) => evaluateJob(ctx(s), arg),
  'nomad.markVersionStable': (s, arg) => markVersionStability(ctx(s), true, arg),
  'nomad.markVersionUnstable': (s, arg) => markVersionStability(ctx(s), false, arg),
  'nomad.showLogs': (s, arg) => showTaskLogs(ctx(s), (target) => s.actions.logs.show(target), 'stdout', arg),
  'nomad.showErrorLogs': (s, arg) => showTaskLogs(ctx(s), (target) => s.actions.logs.show(target), 'stderr', arg),
  'nomad.showJobLogs': (s, arg) => showJobLogs(ctx(s), (target) => s.actions.logs.show(target), 'stdout', arg),
  'nomad.showJobErrorLogs': (s, arg) => showJobLogs(ctx(s), (target) => s.actions.logs.show(target), 'stderr', arg),
  'nomad.scaleGroup': (s, arg) => scaleGroup(ctx(s), arg),
  'nomad.promoteDeployment': (s, arg) => promoteDeployment(ctx(s), arg),
  'nomad.pauseDeployment': (s, arg) => pauseDeployment(ctx(s), true, arg),
  'nomad.resumeDeployment': (s, arg) => pauseDeployment(ctx(s), false, arg),
  'nomad.failDeployment': (s, arg) => failDeployment(ctx(s), arg),
  'nomad.setAllocationHealth': (s, arg) => setAllocationHealth(ctx(s), arg),
  'nomad.toggleNodeEligibility': (s, arg) => toggleNodeEligibility(ctx(s), arg),
  'nomad.drainNode': (s, arg) => drainNode(ctx(s), arg),
  'nomad.stopNodeDrain': (s, arg) => stopNodeDrain(ctx(s), arg),
  'nomad.restartAllocation': (s, arg) => restartAllocation(ctx(s), arg),
  'nomad.stopAllocation': (s, arg) => stopAllocation(ctx(s), arg),
  'nomad.browseAllocFiles': (s, arg) => browseAllocationFiles(ctx(s), (uri) => s.actions.allocFiles.open(uri), arg),
  'nomad.openInUi': (s, arg) => openInNomadUi(ctx(s), arg),
  'nomad.execTask': (s, arg) => execIntoTask(ctx(s), (spec) => s.actions.terminals.open(spec), arg),
  'nomad.runJobAction': (s, arg) => runJobAction(ctx(s), (spec) => s.actions.terminals.open(spec), arg),
};
