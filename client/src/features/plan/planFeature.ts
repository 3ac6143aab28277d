// Registers everything around planning and running job files: the commands
// (Plan, Run, Validate with Cluster, Choose Variable Files), the plan page
// serializer, the Plan/Run lenses, and the context key that shows the editor
// title button on JSON job files. The active cluster comes in through
// `getActiveClient`, the seam to the connection manager.
import * as vscode from 'vscode';
import { registerJobCodeLens } from './jobCodeLens';
import { ClusterDiagnostics } from '../jobFiles/clusterDiagnostics';
import type { JobLoader } from '../jobFiles/jobLoader';
import { jobFileShape } from '../../../../common/src/job/jobShape';
import { skipPlanReview } from '../../settings';
import { isUserDocument } from '../jobFiles/userDocument';
import type { NomadClient } from '../../nomad/client';
import { PLAN_VIEW_TYPE } from './planPanel';
import type { PlanDeps } from './planDocument';
import { PlanSessions } from './planSession';
import { runWithoutReview } from './runJob';
import { validateWithCluster } from './validateWithCluster';

/** The commands this feature registers itself (it owns their per-document sessions). */
export const PLAN_COMMAND_IDS = ['nomad.planJob', 'nomad.runJob', 'nomad.validateWithCluster', 'nomad.chooseVarFiles'] as const;
type PlanCommandId = (typeof PLAN_COMMAND_IDS)[number];

export interface PlanFeatureOptions {
  getActiveClient(): Promise<NomadClient>;
  /** Shared with Compare with Job on Cluster, so both see the job with the same variables. */
  loader: JobLoader;
}

/** Context key: the active editor holds a JSON job file (HCL files are recognised by language id). */
export const JSON_JOB_CONTEXT = 'nomad.activeEditorIsJsonJob';

export function registerPlanFeature(context: vscode.ExtensionContext, options: PlanFeatureOptions): void {
  const diagnostics = new ClusterDiagnostics();
  const deps: PlanDeps = {
    extensionUri: context.extensionUri,
    getActiveClient: options.getActiveClient,
    loader: options.loader,
    diagnostics,
  };
  const sessions = new PlanSessions(deps);
  const review = (document: vscode.TextDocument) => sessions.plan(document);
  const commands: Record<PlanCommandId, (uri?: unknown) => unknown> = {
    'nomad.planJob': (uri) => withJobDocument(uri, review),
    'nomad.runJob': (uri) =>
      withJobDocument<unknown>(uri, (document) =>
        skipPlanReview(document.uri)
          ? runWithoutReview(deps, document, review)
          : sessions.plan(document, { kind: 'info', message: 'Review the changes, then press Run to submit exactly this plan.' }),
      ),
    'nomad.validateWithCluster': (uri) => withJobDocument(uri, (document) => validateWithCluster(deps, document)),
    'nomad.chooseVarFiles': (uri) => withJobDocument(uri, (document) => deps.loader.chooseVarFiles(document)),
  };
  context.subscriptions.push(
    diagnostics,
    sessions,
    ...Object.entries(commands).map(([id, handler]) => vscode.commands.registerCommand(id, handler)),
    vscode.window.registerWebviewPanelSerializer(PLAN_VIEW_TYPE, {
      deserializeWebviewPanel: (panel, state) => sessions.revive(panel, state),
    }),
    registerJobCodeLens(),
    trackJsonJobContext(),
  );
}

/** Runs `action` on the job file named by `uri` (lenses, menus) or else the active editor's. */
async function withJobDocument<T>(uri: unknown, action: (document: vscode.TextDocument) => Promise<T>): Promise<T | undefined> {
  const document = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!document || !jobFileShape(document.languageId, document.getText())) {
    void vscode.window.showWarningMessage('Open a Nomad job file (*.nomad.hcl, or a JSON job) first.');
    return undefined;
  }
  if (!isUserDocument(document)) {
    void vscode.window.showWarningMessage(
      'This is a read-only view of the cluster, not a job file: plan and run the job from its file (Plan Job File… on the job in the Jobs view finds it).',
    );
    return undefined;
  }
  return action(document);
}

function trackJsonJobContext(): vscode.Disposable {
  const update = (): void => {
    const document = vscode.window.activeTextEditor?.document;
    const isJsonJob = !!document && document.languageId !== 'nomad' && isUserDocument(document) && jobFileShape(document.languageId, document.getText()) !== undefined;
    void vscode.commands.executeCommand('setContext', JSON_JOB_CONTEXT, isJsonJob);
  };
  update();
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidSaveTextDocument((document) => {
      if (document === vscode.window.activeTextEditor?.document) update();
    }),
  );
}
