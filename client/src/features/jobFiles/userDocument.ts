// Which documents are the user's own job files: files on disk and untitled editors, plus files
// of a virtual workspace folder. Not the extension's read-only views of the cluster (`nomad:`),
// which hold jobs too (a version, an allocation's snapshot) but must never be planned or run.
import * as vscode from 'vscode';

/** Schemes of documents a person edits; the manifest's `when` clauses of Plan and Run name the same two. */
export const USER_DOCUMENT_SCHEMES = ['file', 'untitled'] as const;

export function isUserDocument(document: vscode.TextDocument): boolean {
  const { uri } = document;
  return (USER_DOCUMENT_SCHEMES as readonly string[]).includes(uri.scheme) || vscode.workspace.getWorkspaceFolder(uri) !== undefined;
}
