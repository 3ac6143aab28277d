// Entry point: activation only wires things up; every heavy piece (the
// language server, cluster connections) starts on first use.
import * as vscode from 'vscode';
import { LanguageClientController, LanguageServerState } from './lsp/languageClientController';

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
  return { languageServerState: () => controller.state };
}

export async function deactivate(): Promise<void> {
  await languageClient?.stop();
}
