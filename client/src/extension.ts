// Entry point: activation only wires things up; every heavy piece (the
// language server, cluster connections) starts on first use.
import * as vscode from 'vscode';
import { registerPlanFeature } from './commands/planFeature';
import { LanguageClientController } from './lsp/languageClientController';
import { NomadClient } from './nomad/client';
import { connectionFromEnv } from './nomad/config';

let languageClient: LanguageClientController | undefined;

export function activate(context: vscode.ExtensionContext): void {
  languageClient = new LanguageClientController(context);
  context.subscriptions.push(languageClient);
  languageClient.startWhenJobFilesOpen();
  registerPlanFeature(context, { getActiveClient: environmentClient(context) });
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
