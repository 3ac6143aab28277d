// Entry point: activation only wires things up; every heavy piece (the
// language server, cluster connections) starts on first use.
import * as vscode from 'vscode';
import { ExtensionCtx, type NomadExtensionApi } from './ctx';
import { LanguageClientController } from './lsp/languageClientController';

let languageClient: LanguageClientController | undefined;

export function activate(context: vscode.ExtensionContext): NomadExtensionApi {
  const ctx = new ExtensionCtx(context);
  context.subscriptions.push(ctx);
  languageClient = new LanguageClientController(context);
  context.subscriptions.push(languageClient);
  languageClient.startWhenJobFilesOpen();
  return ctx.api;
}

export async function deactivate(): Promise<void> {
  await languageClient?.stop();
}
