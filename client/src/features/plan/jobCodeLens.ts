// "Plan" and "Run" lenses above the job declaration of HCL and JSON job files.
import * as vscode from 'vscode';
import { jobDeclarationLine } from '../../../../common/src/job/jobIdentity';
import { jobFileShape } from '../../../../common/src/job/jobShape';
import { USER_DOCUMENT_SCHEMES } from '../jobFiles/userDocument';

export class JobCodeLensProvider implements vscode.CodeLensProvider {
  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const text = document.getText();
    const shape = jobFileShape(document.languageId, text);
    if (!shape) return [];
    const range = document.lineAt(jobDeclarationLine(shape, text)).range;
    return [
      new vscode.CodeLens(range, { title: 'Plan', tooltip: 'Plan this job on the cluster and review the changes', command: 'nomad.planJob', arguments: [document.uri] }),
      new vscode.CodeLens(range, { title: 'Run', tooltip: 'Plan, review and run this job', command: 'nomad.runJob', arguments: [document.uri] }),
    ];
  }
}

export function registerJobCodeLens(): vscode.Disposable {
  // Only the user's files: the extension's own read-only views of cluster jobs hold jobs too.
  const selector = ['nomad', 'json', 'jsonc'].flatMap((language) => USER_DOCUMENT_SCHEMES.map((scheme) => ({ language, scheme })));
  return vscode.languages.registerCodeLensProvider(selector, new JobCodeLensProvider());
}
