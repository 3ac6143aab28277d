// "Nomad: Validate with Cluster": the cluster parses the file and the
// scheduler dry-runs it, nothing is submitted. Problems land in the Problems
// panel (collection "nomad-cluster"); a clean result clears them.
import * as vscode from 'vscode';
import { placementFailure, splitWarnings } from './planModel';
import { planDocument, reportPlanFailure, type PlanDeps } from './planDocument';

export interface ValidationResult {
  valid: boolean;
  /** Errors or warnings now in the Problems panel for this file. */
  problems: number;
  message: string;
}

export async function validateWithCluster(deps: PlanDeps, document: vscode.TextDocument): Promise<ValidationResult | undefined> {
  const file = vscode.workspace.asRelativePath(document.uri, false);
  let planned;
  try {
    planned = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: `Validating ${file} with the cluster` },
      () => planDocument(deps, document, false),
    );
  } catch (error) {
    const message = reportPlanFailure(deps, document, error, true);
    if (message === undefined) return undefined;
    return { valid: false, problems: deps.diagnostics.collection.get(document.uri)?.length ?? 0, message };
  }
  const { plan, loaded } = planned;
  const warnings = [
    ...splitWarnings(plan.Warnings ?? ''),
    ...Object.entries(plan.FailedTGAllocs ?? {}).map(([group, metric]) => {
      const numbers = placementFailure(metric).metrics.map((m) => `${m.count} ${m.label}`).join(', ');
      return `Group "${group}" cannot place every allocation right now (${numbers}).`;
    }),
  ];
  if (warnings.length) {
    deps.diagnostics.reportOnJob(
      document,
      loaded.jobLine,
      warnings.map((message) => ({ message, severity: vscode.DiagnosticSeverity.Warning })),
    );
  } else {
    deps.diagnostics.clear(document.uri);
  }
  const message = warnings.length
    ? `The cluster accepts ${file}, with ${warnings.length} warning${warnings.length === 1 ? '' : 's'} (see Problems).`
    : `The cluster accepts ${file}.`;
  void vscode.window.showInformationMessage(message);
  return { valid: true, problems: warnings.length, message };
}
