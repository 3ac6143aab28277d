// The webview panel that shows one job file's plan. It owns the webview and
// its message channel; what Run and Re-plan do is up to its handlers. The
// page keeps its own state (setState), so the panel does not retain context
// when hidden; after a window reload the serializer revives it read-only.
import * as vscode from 'vscode';
import { isFromPageMessage, type PanelStatus, type PlanPageState, type PlanView, type ToPageMessage } from './messages';
import { sideColumn } from '../editorGroups/sideColumn';
import { planHtml } from './planHtml';

export interface PlanPanelHandlers {
  run(jobModifyIndex: number): void;
  replan(): void;
  revealJob(): void;
  disposed(): void;
}

export const PLAN_VIEW_TYPE = 'nomad.plan';

export class PlanPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  /** The last `show`, replayed when the page (re)loads and asks with `ready`. */
  private lastShow: Extract<ToPageMessage, { type: 'show' }> | undefined;
  private disposed = false;

  private constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly handlers: PlanPanelHandlers,
  ) {
    const webview = panel.webview;
    webview.options = { enableScripts: true, localResourceRoots: localResourceRoots(extensionUri) };
    const asset = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', file)).toString();
    webview.html = planHtml({ cspSource: webview.cspSource, scriptUri: asset('plan.js'), styleUri: asset('plan.css') });
    this.disposables.push(
      webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  static create(extensionUri: vscode.Uri, title: string, handlers: PlanPanelHandlers): PlanPanel {
    const panel = vscode.window.createWebviewPanel(PLAN_VIEW_TYPE, title, sideColumn(), {
      enableScripts: true,
      localResourceRoots: localResourceRoots(extensionUri),
    });
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'nomad.svg');
    return new PlanPanel(panel, extensionUri, handlers);
  }

  /** Adopts a panel VS Code restored after a reload. */
  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, handlers: PlanPanelHandlers): PlanPanel {
    return new PlanPanel(panel, extensionUri, handlers);
  }

  show(plan: PlanView, documentUri: vscode.Uri, canRun: boolean, status: PanelStatus): void {
    this.panel.title = `Plan: ${plan.jobName}`;
    this.lastShow = { type: 'show', plan, canRun, status, documentUri: documentUri.toString() };
    void this.post(this.lastShow);
  }

  setStatus(status: PanelStatus, canRun: boolean): void {
    if (this.lastShow) this.lastShow = { ...this.lastShow, status, canRun };
    void this.post({ type: 'status', status, canRun });
  }

  reveal(): void {
    this.panel.reveal(undefined, false);
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  private post(message: ToPageMessage): Thenable<boolean> {
    return this.disposed ? Promise.resolve(false) : this.panel.webview.postMessage(message);
  }

  private receive(message: unknown): void {
    if (!isFromPageMessage(message)) return;
    switch (message.type) {
      case 'ready':
        if (this.lastShow) void this.post(this.lastShow);
        return;
      case 'run':
        return this.handlers.run(message.jobModifyIndex);
      case 'replan':
        return this.handlers.replan();
      case 'revealJob':
        return this.handlers.revealJob();
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.handlers.disposed();
    this.panel.dispose();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}

function localResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')];
}

/** What a revived page had saved: its plan (shown, not runnable) and the job file to re-plan. */
export function revivedState(state: unknown): { plan?: PlanView; documentUri?: vscode.Uri } {
  const saved = (typeof state === 'object' && state !== null ? state : {}) as Partial<PlanPageState>;
  const documentUri = typeof saved.documentUri === 'string' ? vscode.Uri.parse(saved.documentUri) : undefined;
  return { plan: saved.plan, documentUri };
}
