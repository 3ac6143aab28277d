// Asking the language server through VS Code's own commands, retrying until it
// answers: the first request may arrive before the server has read the file.
import * as vscode from 'vscode';
import { waitFor } from './wait';

/** Asks until the server answers with something: the first request may arrive before it has read the file. */
export function ask<T>(probe: () => Thenable<T | undefined>, ready: (value: T) => boolean, what: string): Promise<T> {
  return waitFor(async () => {
    const value = await probe();
    return value !== undefined && ready(value) ? value : undefined;
  }, what);
}

export const labelOf = (item: vscode.CompletionItem): string => (typeof item.label === 'string' ? item.label : item.label.label);

/** The items at `position` once `ready` holds for them; `resolve`: how many items the editor resolves (documentation). */
export function completionItems(document: vscode.TextDocument, position: vscode.Position, ready: (items: vscode.CompletionItem[]) => boolean, resolve = 0): Promise<vscode.CompletionItem[]> {
  return ask(
    async () => (await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position, undefined, resolve))?.items,
    ready,
    'completion items',
  );
}
