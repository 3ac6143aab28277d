// Decides whether an open document is a Nomad job file, without taking over
// every JSON file in the workspace.
import type * as vscode from 'vscode';
import { detectJobShape } from '../../../common/src/job/jobShape';

export const NOMAD_LANGUAGE_ID = 'nomad';

export function isJobDocument(document: vscode.TextDocument): boolean {
  return detectJobShape(document.languageId, document.getText()) !== 'not-a-job';
}
