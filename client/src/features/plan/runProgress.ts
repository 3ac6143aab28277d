// After a run: follow the evaluation until the scheduler is done with it and,
// for service jobs, the deployment until it succeeds or fails, with the
// progress in the status bar and a Stop Following notification. Blocking queries, never sleeps:
// each read returns as soon as the object changes.
import * as vscode from 'vscode';
import type { NomadClient, QueryResult } from '../../nomad/client';
import { NomadError, type NomadErrorKind } from '../../nomad/errors';
import type { Deployment, Evaluation, JobRegisterResponse } from '../../nomad/types';
import { watchQuery, type Watch } from '../../nomad/watch';

export interface RunTarget {
  client: Pick<NomadClient, 'readEvaluation' | 'readDeployment'>;
  /** The job file, for "Show in Jobs view" (the Jobs view finds the job from the file); changes made from the tree have none. */
  documentUri?: vscode.Uri;
  jobId: string;
  namespace?: string;
  jobType: string;
  response: JobRegisterResponse;
}

export interface RunResult {
  evaluation?: Evaluation;
  deployment?: Deployment;
  cancelled: boolean;
  summary: string;
}

const EVALUATION_DONE = new Set(['complete', 'failed', 'canceled', 'cancelled', 'blocked']);
const DEPLOYMENT_DONE = new Set(['successful', 'failed', 'cancelled', 'canceled']);
/** Errors that retrying will not fix; others (unreachable, timeout, 5xx) are retried with back-off. */
const FATAL: ReadonlySet<NomadErrorKind> = new Set(['notFound', 'permissionDenied', 'badRequest', 'tls', 'badResponse']);
const WAIT = '30s';

const STOPPED_MESSAGE_MS = 8000;
/** How long a following lasts before the Stop Following notification is offered. */
const STOP_OFFER_DELAY_MS = 1500;

export class FollowCancelled extends Error {}

/** The button of the following notification: it ends only the following, never the job or its deployment. */
export const STOP_FOLLOWING = 'Stop Following';

/** What the following notification says while the evaluation and deployment are followed. */
export function followingMessage(jobId: string): string {
  return `Following job "${jobId}" until the scheduler and its deployment are done; the job keeps running if you stop following.`;
}

/** Resolves with the first value that satisfies `done`, reading with blocking queries. */
export function waitUntil<T>(
  fetch: (index: number, signal: AbortSignal, wait: string) => Promise<QueryResult<T>>,
  done: (value: T) => boolean,
  onValue: (value: T) => void,
  signal: AbortSignal,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let finished = false;
    const finish = (action: () => void): void => {
      if (finished) return;
      finished = true;
      watch.dispose();
      action();
    };
    const watch: Watch = watchQuery(
      fetch,
      (value) => {
        onValue(value);
        if (done(value)) finish(() => resolve(value));
      },
      (error: NomadError) => {
        if (FATAL.has(error.kind)) finish(() => reject(error));
      },
      { wait: WAIT },
    );
    if (signal.aborted) finish(() => reject(new FollowCancelled()));
    signal.addEventListener('abort', () => finish(() => reject(new FollowCancelled())), { once: true });
  });
}

export function followRun(target: RunTarget): Thenable<RunResult> {
  const controller = new AbortController();
  // A cancellable progress notification can only offer VS Code's "Cancel", which reads as cancelling the
  // deployment. So the progress goes to the status bar, and a notification offers the one thing a person
  // can do, by its name. It comes only when the following lasts: a run the scheduler settles at once ends
  // with its result alone, not beside a stale button. A click after the following ended changes nothing.
  const offer = setTimeout(() => {
    void vscode.window.showInformationMessage(followingMessage(target.jobId), STOP_FOLLOWING).then((choice) => {
      if (choice === STOP_FOLLOWING) controller.abort();
    });
  }, STOP_OFFER_DELAY_MS);
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Following "${target.jobId}"` }, async (progress) => {
    try {
      const result = await follow(target, controller.signal, (message) => progress.report({ message }));
      announce(target, result);
      return result;
    } catch (error) {
      if (error instanceof FollowCancelled) {
        const summary = `Stopped following job "${target.jobId}"; the cluster carries on with it.`;
        // Only news to the person who just pressed the button: a status-bar line that goes by itself.
        vscode.window.setStatusBarMessage(`$(info) ${summary}`, STOPPED_MESSAGE_MS);
        return { cancelled: true, summary };
      }
      const reason = error instanceof NomadError ? `${error.message}. ${error.advice}` : String(error);
      void vscode.window.showErrorMessage(`Could not follow job "${target.jobId}": ${reason}`);
      return { cancelled: false, summary: reason };
    } finally {
      clearTimeout(offer);
    }
  });
}

async function follow(target: RunTarget, signal: AbortSignal, report: (message: string) => void): Promise<RunResult> {
  const { client, namespace, response } = target;
  if (!response.EvalID) {
    return { cancelled: false, summary: `Job "${target.jobId}" registered; periodic and parameterized jobs start no evaluation now.` };
  }
  report('scheduling…');
  const evaluation = await waitUntil(
    (index, abort, wait) => client.readEvaluation(response.EvalID, { index, wait, signal: abort, namespace }),
    (value) => EVALUATION_DONE.has(value.Status),
    (value) => report(`evaluation ${value.Status}…`),
    signal,
  );
  const unplaced = Object.keys(evaluation.FailedTGAllocs ?? {});
  if (evaluation.Status !== 'complete') {
    const why = evaluation.StatusDescription ? `: ${evaluation.StatusDescription}` : '';
    return { evaluation, cancelled: false, summary: `Job "${target.jobId}": the evaluation ended ${evaluation.Status}${why}.` };
  }
  if (unplaced.length) {
    const summary =
      `Job "${target.jobId}" submitted, but group${unplaced.length === 1 ? '' : 's'} ${unplaced.join(', ')} could not be fully placed; ` +
      'Nomad keeps a blocked evaluation that places them when resources free up.';
    return { evaluation, cancelled: false, summary };
  }
  if (target.jobType !== 'service' || !evaluation.DeploymentID) {
    return { evaluation, cancelled: false, summary: `Job "${target.jobId}" submitted; the scheduler placed it.` };
  }
  report('deploying…');
  const deployment = await waitUntil(
    (index, abort, wait) => client.readDeployment(evaluation.DeploymentID as string, { index, wait, signal: abort, namespace }),
    (value) => DEPLOYMENT_DONE.has(value.Status),
    (value) => report(deploymentProgress(value)),
    signal,
  );
  const detail = deployment.StatusDescription ? `: ${deployment.StatusDescription}` : '';
  return { evaluation, deployment, cancelled: false, summary: `Job "${target.jobId}": deployment ${deployment.Status}${detail}.` };
}

export function deploymentProgress(deployment: Deployment): string {
  const groups = Object.values(deployment.TaskGroups ?? {});
  const healthy = groups.reduce((sum, group) => sum + (group.HealthyAllocs ?? 0), 0);
  const desired = groups.reduce((sum, group) => sum + (group.DesiredTotal ?? 0), 0);
  return `deployment ${deployment.Status}: ${healthy} of ${desired} allocations healthy`;
}

function announce(target: RunTarget, result: RunResult): void {
  const failed = result.deployment ? result.deployment.Status !== 'successful' : result.evaluation?.Status !== 'complete';
  const show = failed ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  const documentUri = target.documentUri;
  if (!documentUri) {
    void show(result.summary);
    return;
  }
  void show(result.summary, 'Show in Jobs view').then((choice) => {
    if (choice) void revealInJobsView(documentUri);
  });
}

/** The explorer's command, which finds the job of a job file in the Jobs view. */
export async function revealInJobsView(documentUri: vscode.Uri): Promise<void> {
  try {
    await vscode.commands.executeCommand('nomad.revealJob', documentUri);
  } catch {
    void vscode.window.showInformationMessage('The Jobs view cannot show this job right now.');
  }
}
