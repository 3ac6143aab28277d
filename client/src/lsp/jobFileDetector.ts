// Decides whether an open document is a Nomad job file, without taking over
// every JSON file in the workspace.
import type * as vscode from 'vscode';

export const NOMAD_LANGUAGE_ID = 'nomad';

/** A JSON document is a job when its top level has `job`/`Job`, or it is a bare Job with `ID` and `TaskGroups`. */
export function looksLikeJsonJob(text: string): boolean {
  const head = text.slice(0, 64 * 1024);
  if (/^\s*\{\s*"(job|Job)"\s*:/.test(head)) return true;
  return /"ID"\s*:/.test(head) && /"TaskGroups"\s*:/.test(head);
}

export function isJobDocument(document: vscode.TextDocument): boolean {
  if (document.languageId === NOMAD_LANGUAGE_ID) return true;
  if (document.languageId === 'json' || document.languageId === 'jsonc') return looksLikeJsonJob(document.getText());
  return false;
}
