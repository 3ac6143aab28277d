// Submitting a planned job. The register call carries the plan's
// JobModifyIndex as a check-and-set condition, so what runs is exactly what
// was reviewed: if anyone changed the job in between, Nomad refuses and we
// say so; nothing is ever overwritten silently.
import * as vscode from 'vscode';
import { isNomadError } from '../../nomad/errors';
import type { JobRegisterResponse } from '../../nomad/types';
import { clusterHas } from '../../nomad/features';
import { jobWriteOptions, planDocument, reportPlanFailure, type PlanDeps, type PlannedJob } from './planDocument';
import { followRun } from './runProgress';

export type RunOutcome =
  | { kind: 'submitted'; response: JobRegisterResponse }
  | { kind: 'conflict'; message: string };

export async function submitPlannedJob(planned: PlannedJob): Promise<RunOutcome> {
  const { client, loaded, plan } = planned;
  // Clusters that keep sources (1.6+) get the file as written, so the version can be read back as it was.
  const submission = (await clusterHas(client, 'jobSubmission')) ? loaded.submission : undefined;
  try {
    const response = await client.registerJob(loaded.job, { enforceIndex: plan.JobModifyIndex, submission, ...jobWriteOptions(loaded) });
    return { kind: 'submitted', response };
  } catch (error) {
    if (isNomadError(error) && error.kind === 'casConflict') {
      return { kind: 'conflict', message: conflictMessage(loaded.job.ID ?? '', plan.JobModifyIndex) };
    }
    throw error;
  }
}

export function conflictMessage(jobId: string, plannedIndex: number): string {
  const what =
    plannedIndex === 0
      ? `Job "${jobId}" was registered on the cluster after this plan was made`
      : `Job "${jobId}" changed on the cluster after this plan was made (the plan was for modify index ${plannedIndex})`;
  return `${what}. Nothing was submitted. Re-plan to review the difference against the current job, then run again.`;
}

/** Starts following the evaluation (and deployment) of a submitted job in a progress notification. */
export function followSubmitted(planned: PlannedJob, response: JobRegisterResponse): void {
  const { job } = planned.loaded;
  void followRun({
    client: planned.client,
    documentUri: planned.loaded.uri,
    jobId: job.ID ?? '',
    namespace: job.Namespace ?? undefined,
    jobType: job.Type ?? 'service',
    response,
  });
}

/**
 * `nomad.runJob` with `nomad.run.skipPlanReview`: a fresh plan, then a check-and-set submit on its index.
 * `review` opens the plan page, offered when the job changed in between.
 */
export async function runWithoutReview(
  deps: PlanDeps,
  document: vscode.TextDocument,
  review: (document: vscode.TextDocument) => Promise<unknown>,
): Promise<RunOutcome | undefined> {
  let planned: PlannedJob;
  try {
    planned = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Planning ${vscode.workspace.asRelativePath(document.uri, false)}…` },
      () => planDocument(deps, document),
    );
  } catch (error) {
    reportPlanFailure(deps, document, error, true);
    return undefined;
  }
  deps.diagnostics.clear(document.uri);
  let outcome: RunOutcome;
  try {
    outcome = await submitPlannedJob(planned);
  } catch (error) {
    reportPlanFailure(deps, document, error, true);
    return undefined;
  }
  if (outcome.kind === 'conflict') {
    void vscode.window.showWarningMessage(outcome.message, 'Re-plan').then((choice) => {
      if (choice) void review(document);
    });
  } else {
    followSubmitted(planned, outcome.response);
  }
  return outcome;
}
