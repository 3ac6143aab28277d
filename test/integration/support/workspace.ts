// The workspace the runner opens: a temporary copy of examples/, so tests may
// add or change files without touching the repository.
import * as vscode from 'vscode';

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the integration runner opens a workspace folder; none is open');
  return folder.uri;
}

export function workspaceFile(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), relativePath);
}

/** Opens a workspace file in an editor, as a user would. */
export async function openWorkspaceFile(relativePath: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(relativePath));
  return vscode.window.showTextDocument(document);
}

/** Writes a file into the workspace (the temporary copy) and returns its URI. */
export async function writeWorkspaceFile(relativePath: string, content: string): Promise<vscode.Uri> {
  const uri = workspaceFile(relativePath);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  return uri;
}
