// The real ActionUi: quick picks, input boxes, modal dialogs and notifications.
import * as path from 'path';
import * as vscode from 'vscode';
import { openSideDiff } from '../editorGroups/sideColumn';
import type { ActionUi, ChosenFile, ConfirmOptions, InputOptions, PickItem, PickOptions } from './actionUi';

export class VscodeActionUi implements ActionUi {
  async pick<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T | undefined> {
    const picked = await vscode.window.showQuickPick(
      items.map((item) => ({ label: item.label, description: item.description, detail: item.detail, item })),
      { title: options.title, placeHolder: options.placeholder, ignoreFocusOut: true, matchOnDescription: true, matchOnDetail: true },
    );
    return picked?.item.value;
  }

  input(options: InputOptions): Promise<string | undefined> {
    return Promise.resolve(
      vscode.window.showInputBox({
        title: options.title,
        prompt: options.prompt,
        value: options.value,
        placeHolder: options.placeholder,
        password: options.password,
        ignoreFocusOut: true,
        validateInput: options.validate,
      }),
    );
  }

  async confirm(message: string, options: ConfirmOptions): Promise<string | undefined> {
    return vscode.window.showWarningMessage(message, { modal: true, detail: options.detail }, ...options.actions);
  }

  info(message: string): void {
    void vscode.window.showInformationMessage(message);
  }

  error(message: string, advice?: string): void {
    void vscode.window.showErrorMessage(advice ? `${message} ${advice}` : message);
  }

  async chooseFile(title: string): Promise<ChosenFile | undefined> {
    const [uri] = (await vscode.window.showOpenDialog({ title, canSelectMany: false, canSelectFolders: false, openLabel: 'Use as Payload' })) ?? [];
    if (!uri) return undefined;
    return { name: path.basename(uri.fsPath || uri.path), bytes: await vscode.workspace.fs.readFile(uri) };
  }

  activeEditorContent(): ChosenFile | undefined {
    const document = vscode.window.activeTextEditor?.document;
    if (!document) return undefined;
    const name = document.isUntitled ? document.uri.path : path.basename(document.uri.path);
    return { name, bytes: new TextEncoder().encode(document.getText()) };
  }

  async showDiff(left: string, right: string, title: string): Promise<void> {
    await openSideDiff(vscode.Uri.parse(left), vscode.Uri.parse(right), title);
  }

  executeCommand(command: string, ...args: unknown[]): Promise<unknown> {
    return Promise.resolve(vscode.commands.executeCommand(command, ...args));
  }

  async openExternal(url: string): Promise<void> {
    // `true`: the address is already encoded; parsing must not encode it twice.
    await vscode.env.openExternal(vscode.Uri.parse(url, true));
  }

  withProgress<T>(title: string, task: () => Promise<T>): Promise<T> {
    return Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, task));
  }

  withCancellableProgress<T>(title: string, task: (signal: AbortSignal, report: (message: string) => void) => Promise<T>): Promise<T> {
    return Promise.resolve(
      vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
        const controller = new AbortController();
        const cancel = token.onCancellationRequested(() => controller.abort());
        try {
          return await task(controller.signal, (message) => progress.report({ message }));
        } finally {
          cancel.dispose();
        }
      }),
    );
  }
}
