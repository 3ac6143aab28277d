// One plan page per job file. A session remembers the exact Job and plan the
// page shows, so Run submits precisely that (check-and-set on the plan's
// index); any failure or conflict disables Run until a fresh plan.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PanelStatus, PlanView } from './messages';
import { buildPlanView } from './planModel';
import { PlanPanel, revivedState } from './planPanel';
import { planDocument, reportPlanFailure, type PlanDeps, type PlannedJob } from './planDocument';
import { followSubmitted, submitPlannedJob, type RunOutcome } from './runJob';
import { revealInJobsView } from './runProgress';

/** What `nomad.planJob` returns: the plan shown, and the page's Run button for callers without a mouse. */
export interface PlanResult {
  view: PlanView;
  run(): Promise<RunOutcome | undefined>;
}

class PlanSession {
  private planned: PlannedJob | undefined;
  private busy = false;
  private editedSincePlan = false;

  constructor(
    private readonly deps: PlanDeps,
    readonly documentUri: vscode.Uri,
    readonly panel: PlanPanel,
  ) {}

  async replan(note: PanelStatus = { kind: 'idle' }): Promise<PlanResult | undefined> {
    if (this.busy) return undefined;
    this.busy = true;
    this.panel.setStatus({ kind: 'busy', message: 'Planning…' }, false);
    try {
      const document = await vscode.workspace.openTextDocument(this.documentUri);
      const planned = await planDocument(this.deps, document);
      this.planned = planned;
      this.editedSincePlan = false;
      this.deps.diagnostics.clear(document.uri);
      const view = buildPlanView(planned.loaded.job, planned.plan, planned.loaded.fileName, new Date());
      this.panel.show(view, this.documentUri, true, note);
      return { view, run: () => this.run(view.jobModifyIndex) };
    } catch (error) {
      this.planned = undefined;
      const message = await this.explain(error);
      this.panel.setStatus(message ? { kind: 'error', message } : { kind: 'info', message: 'Planning was cancelled.' }, false);
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  /** The page's Run: submits the Job it shows, guarded by the index it shows. */
  async run(shownIndex: number): Promise<RunOutcome | undefined> {
    const planned = this.planned;
    if (this.busy || !planned) return undefined;
    if (shownIndex !== planned.plan.JobModifyIndex) {
      this.panel.setStatus({ kind: 'error', message: 'The page showed an older plan than the one held here; re-plan first.' }, false);
      return undefined;
    }
    this.busy = true;
    const index = planned.plan.JobModifyIndex;
    this.panel.setStatus({ kind: 'busy', message: `Submitting, on condition that the job's modify index is still ${index}…` }, false);
    try {
      const outcome = await submitPlannedJob(planned);
      this.planned = undefined; // a plan is good for one run: afterwards the index has moved
      if (outcome.kind === 'conflict') {
        this.panel.setStatus({ kind: 'conflict', message: outcome.message }, false);
      } else {
        const evaluation = outcome.response.EvalID ? ` Evaluation ${outcome.response.EvalID.slice(0, 8)} is following it.` : '';
        this.panel.setStatus({ kind: 'submitted', message: `Submitted version with modify index ${outcome.response.JobModifyIndex}.${evaluation}` }, false);
        followSubmitted(planned, outcome.response);
      }
      return outcome;
    } catch (error) {
      const message = (await this.explain(error)) ?? 'Submitting failed.';
      this.panel.setStatus({ kind: 'error', message }, true);
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  /** The failure in one sentence for the page (problems also go to the Problems panel); undefined when the user cancelled. */
  private async explain(error: unknown): Promise<string | undefined> {
    try {
      const document = await vscode.workspace.openTextDocument(this.documentUri);
      return reportPlanFailure(this.deps, document, error, false);
    } catch {
      return `${this.documentUri.fsPath} cannot be read: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  /** Edits after the plan do not change what Run submits (the reviewed plan); say so once. */
  fileChanged(): void {
    if (this.planned && !this.busy && !this.editedSincePlan) {
      this.editedSincePlan = true;
      this.panel.setStatus({ kind: 'info', message: 'The file changed since this plan. Run submits the plan shown here; re-plan to include your edits.' }, true);
    }
  }

  /** A page restored after a reload: shown as it was, but Run waits for a fresh plan. */
  showRestored(view: PlanView): void {
    this.panel.show(view, this.documentUri, false, { kind: 'info', message: 'Restored from before the window reloaded. Re-plan to run it.' });
  }

  revealJob(): void {
    void revealInJobsView(this.documentUri);
  }
}

export class PlanSessions implements vscode.Disposable {
  private readonly sessions = new Map<string, PlanSession>();

  private readonly edits = vscode.workspace.onDidChangeTextDocument((event) => {
    if (event.contentChanges.length) this.sessions.get(event.document.uri.toString())?.fileChanged();
  });

  constructor(private readonly deps: PlanDeps) {}

  /** Plans the file and shows (or refreshes) its plan page. */
  async plan(document: vscode.TextDocument, note?: PanelStatus): Promise<PlanResult | undefined> {
    const session = this.sessionFor(document.uri);
    session.panel.reveal();
    return session.replan(note);
  }

  /** A plan page restored after a reload: shows what it showed, read-only, until re-planned. */
  async revive(webviewPanel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const { plan, documentUri } = revivedState(state);
    if (!documentUri || this.sessions.has(documentUri.toString())) {
      webviewPanel.dispose();
      return;
    }
    const session = this.sessionFor(documentUri, webviewPanel);
    if (plan) session.showRestored(plan);
  }

  private sessionFor(documentUri: vscode.Uri, revived?: vscode.WebviewPanel): PlanSession {
    const key = documentUri.toString();
    const existing = this.sessions.get(key);
    if (existing && !existing.panel.isDisposed) return existing;
    let session: PlanSession | undefined;
    const handlers = {
      run: (index: number) => void session?.run(index),
      replan: () => void session?.replan(),
      revealJob: () => session?.revealJob(),
      disposed: () => this.sessions.delete(key),
    };
    const panel = revived
      ? PlanPanel.revive(revived, this.deps.extensionUri, handlers)
      : PlanPanel.create(this.deps.extensionUri, `Plan: ${path.basename(documentUri.path)}`, handlers);
    session = new PlanSession(this.deps, documentUri, panel);
    this.sessions.set(key, session);
    return session;
  }

  dispose(): void {
    this.edits.dispose();
    for (const session of [...this.sessions.values()]) session.panel.dispose();
    this.sessions.clear();
  }
}
