// Turns a plain ItemView into a VS Code TreeItem; the only place presentation meets the API.
import * as vscode from 'vscode';
import type { Collapsible, ItemView } from '../presentation/itemView';
import type { CommandView } from '../presentation/problemPresentation';

const COLLAPSIBLE: Record<Collapsible, vscode.TreeItemCollapsibleState> = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
};

export function markdown(text: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(text);
  md.supportHtml = false;
  md.isTrusted = false;
  return md;
}

/** `key` becomes the item id, so expansion and selection survive refreshes. */
export function toTreeItem(view: ItemView, key: string, command?: CommandView): vscode.TreeItem {
  const item = new vscode.TreeItem(view.label, COLLAPSIBLE[view.collapsible]);
  item.id = key;
  item.description = view.description;
  item.contextValue = view.contextValue;
  if (view.tooltip) item.tooltip = markdown(view.tooltip);
  if (view.icon) {
    item.iconPath = new vscode.ThemeIcon(view.icon.id, view.icon.color ? new vscode.ThemeColor(view.icon.color) : undefined);
  }
  if (command) item.command = { command: command.command, title: command.title, arguments: command.arguments };
  return item;
}

/** Node keys are paths; each segment is encoded so ids containing `/` cannot collide. */
export function childKey(parentKey: string | undefined, segment: string): string {
  const encoded = encodeURIComponent(segment);
  return parentKey ? `${parentKey}/${encoded}` : encoded;
}

/**
 * What a click on a row does: open its JSON as a preview and leave the focus in the tree, like a
 * single click in VS Code's explorer, so the keyboard keeps moving through and expanding rows.
 */
export function openAsJsonOnClick(node: unknown): CommandView {
  return { command: 'nomad.inspect', title: 'Open as JSON', arguments: [node, { preserveFocus: true }] };
}
