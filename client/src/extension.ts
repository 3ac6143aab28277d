// Entry point: activation only wires things up; every heavy piece (the
// language server, cluster connections) starts on first use.
import * as vscode from 'vscode';
import { registerPlanFeature } from './commands/planFeature';
import { LanguageClientController, LanguageServerState } from './lsp/languageClientController';
import { NomadClient } from './nomad/client';
import { connectionFromEnv } from './nomad/config';

let languageClient: LanguageClientController | undefined;

/** What `activate` returns: read-only state for other extensions and our integration tests. */
export interface NomadExtensionApi {
  languageServerState(): LanguageServerState;
}

export function activate(context: vscode.ExtensionContext): NomadExtensionApi {
  const controller = new LanguageClientController(context);
  languageClient = controller;
  context.subscriptions.push(controller);
  controller.startWhenJobFilesOpen();
  registerPlanFeature(context, { getActiveClient: environmentClient(context) });
  return { languageServerState: () => controller.state };
}

/**
 * Stand-in for the connection manager until it is wired in: the cluster the NOMAD_* environment names,
 * read on each use, one client per configuration.
 */
function environmentClient(context: vscode.ExtensionContext): () => Promise<NomadClient> {
  let current: { key: string; client: NomadClient } | undefined;
  context.subscriptions.push({ dispose: () => current?.client.dispose() });
  return async () => {
    const config = connectionFromEnv();
    const key = JSON.stringify(config);
    if (current?.key !== key) {
      current?.client.dispose();
      current = { key, client: new NomadClient(config) };
    }
    return current.client;
  };
}

export async function deactivate(): Promise<void> {
  await languageClient?.stop();
}
