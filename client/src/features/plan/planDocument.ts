// One plan of one job file: get the active cluster, turn the file into a Job,
// ask the scheduler for a dry run with a diff. Shared by Plan, Run and
// Validate; failures are explained in one place (reportPlanFailure).
import * as vscode from 'vscode';
import { ClusterDiagnostics } from '../jobFiles/clusterDiagnostics';
import { JobConversionError } from '../jobFiles/jobConversionError';
import { JobLoadCancelled, JobLoader, JobParseError, type LoadedJob } from '../jobFiles/jobLoader';
import { jobDeclarationLine } from '../../../../common/src/job/jobIdentity';
import { jobFileShape } from '../../../../common/src/job/jobShape';
import type { NomadClient } from '../../nomad/client';
import { isNomadError } from '../../nomad/errors';
import type { JobPlanResponse } from '../../nomad/types';

export interface PlanDeps {
  extensionUri: vscode.Uri;
  /** The seam to the connection manager: the client of the cluster the user works with. */
  getActiveClient(): Promise<NomadClient>;
  loader: JobLoader;
  diagnostics: ClusterDiagnostics;
}

export interface PlannedJob {
  client: NomadClient;
  loaded: LoadedJob;
  plan: JobPlanResponse;
}

/** Parses and plans; throws what reportPlanFailure explains. `diff` false for a validity check only. */
export async function planDocument(deps: PlanDeps, document: vscode.TextDocument, diff = true): Promise<PlannedJob> {
  const client = await deps.getActiveClient();
  const loaded = await deps.loader.load(document, client);
  const plan = await client.planJob(loaded.job, { diff, ...jobWriteOptions(loaded) });
  return { client, loaded, plan };
}

/** The options a write about this job needs: the namespace the job itself names. */
export function jobWriteOptions(loaded: LoadedJob): { namespace?: string } {
  return { namespace: loaded.job.Namespace ?? undefined };
}

/**
 * Puts what went wrong where the user looks: parse and validation problems into the Problems panel, the
 * rest as one sentence. Returns that sentence (undefined when the user cancelled), for the plan page too.
 */
export function reportPlanFailure(
  deps: PlanDeps,
  document: vscode.TextDocument,
  error: unknown,
  notify: boolean,
): string | undefined {
  if (error instanceof JobLoadCancelled) return undefined;
  const file = vscode.workspace.asRelativePath(document.uri, false);
  const jobLine = jobLineOf(document);
  let message: string;
  let problems = false;
  if (error instanceof JobParseError) {
    const count = deps.diagnostics.reportParseError(document, jobLine, error);
    const first = error.parsed.job[0]?.message ?? error.parsed.variables[0]?.message ?? error.parsed.unlocated ?? error.message;
    message = `The cluster could not parse ${file} (${count} problem${count === 1 ? '' : 's'}): ${first}`;
    problems = true;
  } else if (isNomadError(error) && error.kind === 'validation') {
    const items = error.items.length ? error.items : [error.serverText ?? error.message];
    deps.diagnostics.reportOnJob(document, jobLine, items.map((item) => ({ message: item, severity: vscode.DiagnosticSeverity.Error })));
    message = `Nomad rejected ${file} as invalid (${items.length} problem${items.length === 1 ? '' : 's'}): ${items[0]}`;
    problems = true;
  } else if (isNomadError(error)) {
    message = `${error.message}. ${error.advice}`;
  } else if (error instanceof JobConversionError) {
    message = error.message;
  } else {
    message = error instanceof Error ? error.message : String(error);
  }
  if (notify) {
    const actions = problems ? ['Show Problems'] : [];
    void vscode.window.showErrorMessage(message, ...actions).then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
    });
  }
  return message;
}

/** Recomputed here: the loader may have failed before it found the job. */
function jobLineOf(document: vscode.TextDocument): number {
  const shape = jobFileShape(document.languageId, document.getText());
  return shape ? jobDeclarationLine(shape, document.getText()) : 0;
}
