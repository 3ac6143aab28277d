// Entry point: activation only wires things up; every heavy piece (the
// language server, cluster connections) starts on first use.
import * as vscode from 'vscode';
import type { ActionServices } from './features/actions/actionServices';
import { registerPlanFeature } from './features/plan/planFeature';
import { ExtensionCtx, type ExplorerApi } from './ctx';
import { ClusterFactsSync } from './lsp/clusterFactsSync';
import { LanguageClientController, LanguageServerState } from './lsp/languageClientController';

let languageClient: LanguageClientController | undefined;

/** What `activate` returns: read-only state for other extensions and our integration tests. */
export interface NomadExtensionApi extends ExplorerApi {
  languageServerState(): LanguageServerState;
  /** Job and allocation actions; integration tests swap their UI for a scripted one. */
  readonly actions: ActionServices;
}

export function activate(context: vscode.ExtensionContext): NomadExtensionApi {
  const ctx = new ExtensionCtx(context);
  context.subscriptions.push(ctx);
  const controller = new LanguageClientController(context);
  languageClient = controller;
  context.subscriptions.push(controller, new ClusterFactsSync(ctx.connections, controller, ctx.log));
  controller.startWhenJobFilesOpen();
  registerPlanFeature(context, { getActiveClient: () => ctx.activeClient() });
  return { ...ctx.api, actions: ctx.actions, languageServerState: () => controller.state };
}

export async function deactivate(): Promise<void> {
  await languageClient?.stop();
}
