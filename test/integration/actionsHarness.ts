// Shared set-up of the actions and logs integration suites: a Nomad to talk
// to (the fake with task logs, or a real agent from NOMAD_TEST_ADDR), the
// extension pointed at it through the nomad.clusters setting, a scripted UI
// answering the actions' prompts, and cleanup of the jobs a suite created.
import * as vscode from 'vscode';
import type { ActionServices } from '../../client/src/features/actions/actionServices';
import type { ExecPseudoterminal } from '../../client/src/features/exec/execTerminals';
import { NomadClient } from '../../client/src/nomad/client';
import { purgeTestJobs, testJobId } from '../support/nomad/testJobs';
import { logsTarget, type LogsTarget } from '../support/nomad/logsRoutes';
import type { FakeNomadOptions } from '../support/nomad/server';
import { ScriptedUi, type Step } from '../unit/client/features/actions/scriptedUi';
import { activatedApi } from './support/extension';
import { waitFor } from './support/wait';

const CLUSTER = 'actions-test';

export interface ActionsHarness {
  target: LogsTarget;
  /** A client of our own, to set up jobs and check what the actions did. */
  client: NomadClient;
  actions: ActionServices;
  /** Installs a scripted UI for the next command; returns it to inspect messages. */
  script(steps?: Step[]): ScriptedUi;
  /** A job id unique to this run, with the prefix cleanup looks for. */
  jobId(name: string): string;
  dispose(): Promise<void>;
}

/** `fake` shapes the in-process fake (e.g. its Nomad version); a real agent ignores it. */
export async function startActionsHarness(fake: FakeNomadOptions = {}): Promise<ActionsHarness> {
  const target = await logsTarget(fake);
  const settings = vscode.workspace.getConfiguration('nomad');
  await settings.update('clusters', [{ name: CLUSTER, address: target.address }], vscode.ConfigurationTarget.Global);
  await settings.update('activeCluster', CLUSTER, vscode.ConfigurationTarget.Global);
  // Any command activates the extension; this one is harmless.
  await vscode.commands.executeCommand('nomad.refresh');
  const api = await activatedApi();
  const actions = api.actions;
  const client = new NomadClient({ address: target.address, token: target.token });
  // The connection manager rebuilds on the settings change; wait until actions reach our target.
  await waitFor(async () => (await actions.context().getClient()).config.address === target.address, 'the extension to use the test cluster');
  return {
    target,
    client,
    actions,
    script(steps: Step[] = []) {
      const ui = new ScriptedUi(steps, (command, ...args) => vscode.commands.executeCommand(command, ...args));
      actions.useUi(ui);
      return ui;
    },
    jobId: testJobId,
    async dispose() {
      actions.useUi(undefined);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await purgeTestJobs(client);
      client.dispose();
      await target.close();
      await settings.update('clusters', undefined, vscode.ConfigurationTarget.Global);
      await settings.update('activeCluster', undefined, vscode.ConfigurationTarget.Global);
    },
  };
}

/** For tests that need the fake's powers (seeding state, controlling output); they skip against a real agent. */
export function requireFake(harness: ActionsHarness, context: Mocha.Context) {
  if (!harness.target.fake || !harness.target.logs) context.skip();
  return { fake: harness.target.fake!, logs: harness.target.logs! };
}

/** Runs a terminal command (exec, job action) with the scripted answers; returns the terminal it opened, if any, and everything it printed. */
export async function runTerminalCommand(harness: ActionsHarness, command: string, arg: unknown, steps: Step[] = []) {
  let opened: { terminal: vscode.Terminal; pty: ExecPseudoterminal } | undefined;
  let output = '';
  const listener = harness.actions.terminals.onDidOpen((event) => {
    opened = event;
    event.pty.onDidWrite((text) => (output += text));
  });
  const ui = harness.script(steps);
  try {
    await vscode.commands.executeCommand(command, arg);
  } finally {
    listener.dispose();
  }
  ui.assertDone();
  return { ui, opened: () => opened, output: () => output };
}
