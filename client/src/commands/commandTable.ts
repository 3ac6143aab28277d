// The extension's commands: one record per command id. package.json `contributes.commands` must list
// exactly these plus the plan feature's own (PLAN_COMMAND_IDS), as test/unit/client/explorer/manifest.test.ts checks.
import * as vscode from 'vscode';
import { actionCommandTable } from '../features/actions/actionCommands';
import type { ActionServices } from '../features/actions/actionServices';
import type { ConnectionManager } from '../connection/connectionManager';
import type { TokenStore } from '../connection/tokenStore';
import type { JobsExplorer } from '../explorer/jobsExplorer';
import type { NomadDocumentProvider } from '../features/inspect/nomadDocumentProvider';
import { addCluster, clearToken, removeCluster, setToken, switchCluster } from '../connection/clusterCommands';
import { clearJobFilter, copyId, filterJobs, pickNamespace, pickRegion, refresh, revealJob } from '../explorer/explorerCommands';
import { compareVersions, compareWithFile, inspect } from '../features/inspect/inspectCommands';
import { planJobFile } from '../features/plan/planFromTree';
import { openVersionSource } from '../features/jobSource/openVersionSource';
import { compareTaggedVersions, tagVersion, untagVersion } from '../features/versionTags/versionTagCommands';
import type { VariablesFeature } from '../features/variables/variablesFeature';
import type { JobLoader } from '../features/jobFiles/jobLoader';

/** What command handlers may use; owned and disposed by the extension context (ctx.ts). */
export interface CommandServices {
  readonly connections: ConnectionManager;
  readonly tokens: TokenStore;
  readonly explorer: JobsExplorer;
  readonly documents: NomadDocumentProvider;
  readonly actions: ActionServices;
  readonly variables: VariablesFeature;
  /** Turns job files into API jobs with their variables, as Plan does. */
  readonly jobLoader: JobLoader;
}

/** Arguments are whatever VS Code passes: a tree node from a view menu, a URI from an editor menu, or nothing. */
export type CommandHandler = (services: CommandServices, ...args: unknown[]) => unknown;

export const commandTable: Readonly<Record<string, CommandHandler>> = {
  'nomad.addCluster': addCluster,
  'nomad.switchCluster': switchCluster,
  'nomad.removeCluster': removeCluster,
  'nomad.setToken': setToken,
  'nomad.clearToken': clearToken,
  'nomad.refresh': refresh,
  'nomad.filterJobs': filterJobs,
  'nomad.clearJobFilter': clearJobFilter,
  'nomad.pickNamespace': pickNamespace,
  'nomad.pickRegion': pickRegion,
  'nomad.inspect': inspect,
  'nomad.compareVersions': compareVersions,
  'nomad.compareWithFile': compareWithFile,
  'nomad.copyId': copyId,
  'nomad.revealJob': revealJob,
  'nomad.planJobFile': planJobFile,
  'nomad.openVersionSource': openVersionSource,
  'nomad.tagVersion': (s, arg) => tagVersion(s.actions.context(), arg),
  'nomad.untagVersion': (s, arg) => untagVersion(s.actions.context(), arg),
  'nomad.compareTaggedVersions': (s, arg) => compareTaggedVersions(s.actions.context(), arg),
  'nomad.refreshVariables': (s) => s.variables.refresh(),
  'nomad.openVariable': (s, arg) => s.variables.open(arg),
  'nomad.createVariable': (s, arg) => s.variables.create(arg),
  'nomad.deleteVariable': (s, arg) => s.variables.delete(arg),
  ...actionCommandTable,
};

export function registerCommands(services: CommandServices): vscode.Disposable[] {
  return Object.entries(commandTable).map(([id, handler]) =>
    vscode.commands.registerCommand(id, (...args: unknown[]) => handler(services, ...args)),
  );
}
