// Entry point: activation only wires things up; every heavy piece (the
// language server, cluster connections) starts on first use.
import * as vscode from 'vscode';
import type { ActionServices } from './features/actions/actionServices';
import { EVALUATE_JOB_REQUEST, type EvaluateJobParams, type EvaluateJobResult } from '../../common/src/protocol/evaluateJob';
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
  const controller = new LanguageClientController(context);
  languageClient = controller;
  const ctx = new ExtensionCtx(context, async (uri, variables) => {
    const client = await controller.ensureStarted();
    const params: EvaluateJobParams = { uri: client.code2ProtocolConverter.asUri(uri), variables };
    return client.sendRequest<EvaluateJobResult>(EVALUATE_JOB_REQUEST, params);
  });
  context.subscriptions.push(ctx);
  context.subscriptions.push(controller, new ClusterFactsSync(ctx.connections, controller, ctx.log));
  controller.startWhenJobFilesOpen();
  registerPlanFeature(context, { getActiveClient: () => ctx.activeClient(), loader: ctx.jobLoader });
  return { ...ctx.api, actions: ctx.actions, languageServerState: () => controller.state };
}

export async function deactivate(): Promise<void> {
  await languageClient?.stop();
}
