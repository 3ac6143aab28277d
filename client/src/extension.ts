// Entry point: activation only wires things up; every heavy piece (the
// language server, cluster connections) starts on first use.
import * as vscode from 'vscode';
import { LanguageClientController } from './lsp/languageClientController';

let languageClient: LanguageClientController | undefined;

export function activate(context: vscode.ExtensionContext): void {
  languageClient = new LanguageClientController(context);
  context.subscriptions.push(languageClient);
  languageClient.startWhenJobFilesOpen();
}

export async function deactivate(): Promise<void> {
  await languageClient?.stop();
}
