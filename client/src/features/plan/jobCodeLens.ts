// "Plan" and "Run" lenses above the job declaration of HCL and JSON job files.
import * as vscode from 'vscode';
import { detectJobFormat, jobDeclarationLine } from '../jobFiles/jobFormat';

export class JobCodeLensProvider implements vscode.CodeLensProvider {
  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const text = document.getText();
    const format = detectJobFormat(document.languageId, text);
    if (!format) return [];
    const range = document.lineAt(jobDeclarationLine(format, text)).range;
    return [
      new vscode.CodeLens(range, { title: 'Plan', tooltip: 'Plan this job on the cluster and review the changes', command: 'nomad.planJob', arguments: [document.uri] }),
      new vscode.CodeLens(range, { title: 'Run', tooltip: 'Plan, review and run this job', command: 'nomad.runJob', arguments: [document.uri] }),
    ];
  }
}

export function registerJobCodeLens(): vscode.Disposable {
  return vscode.languages.registerCodeLensProvider(
    [{ language: 'nomad' }, { language: 'json' }, { language: 'jsonc' }],
    new JobCodeLensProvider(),
  );
}
