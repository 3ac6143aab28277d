// Where the extension's own views (plan pages, diffs) open: next to the file being worked on, in
// one side group that is reused, so that repeated plans and comparisons do not split the editor
// area into ever narrower columns.
import * as vscode from 'vscode';

/**
 * The group right of the active one when there is one; the active group itself when it already is
 * a side group (not the leftmost) or holds no editor (opened from a tree with nothing else open: there
 * is nothing to stand beside, and a new group would leave an empty column); a new group beside it only
 * when the active group is alone and shows something.
 */
export function sideColumn(): vscode.ViewColumn {
  const groups = vscode.window.tabGroups.all;
  const active = vscode.window.tabGroups.activeTabGroup;
  if (active.tabs.length === 0) return active.viewColumn;
  const position = groups.indexOf(active);
  if (position >= 0 && position + 1 < groups.length) return groups[position + 1].viewColumn;
  if (position > 0) return active.viewColumn;
  return vscode.ViewColumn.Beside;
}

/** The diff editor in the side group, as a preview that the next comparison replaces. */
export function openSideDiff(left: vscode.Uri, right: vscode.Uri, title: string): Thenable<unknown> {
  return vscode.commands.executeCommand('vscode.diff', left, right, title, { viewColumn: sideColumn(), preview: true });
}
