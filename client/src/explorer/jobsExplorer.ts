// The Jobs view: owns the TreeView, the current session (connection + scope + filter), and the
// wiring of expand/collapse/visibility to watches. The provider and nodes do the rest.
import * as vscode from 'vscode';
import type { ActiveConnection, ConnectionManager } from '../connection/connectionManager';
import { ExplorerSession, type ExplorerState, type SessionHost, type SessionScope } from './explorerSession';
import { JobsTreeProvider } from './jobsTreeProvider';
import { RedrawClock } from './redrawClock';
import type { JobNode } from './nodes/jobNode';
import type { ExplorerNode } from './nodes/node';

export const JOBS_VIEW_ID = 'nomad.jobs';

function scopeKey(cluster: string): string {
  return `nomad.explorer.scope:${cluster}`;
}

export class JobsExplorer implements vscode.Disposable {
  readonly provider = new JobsTreeProvider(() => this.roots());
  readonly view: vscode.TreeView<ExplorerNode>;
  private readonly disposables: vscode.Disposable[] = [];
  private session: ExplorerSession | undefined;
  private sessionConnection: ActiveConnection | undefined;
  private filter = '';
  private state: ExplorerState | undefined;
  /** Ages ("12s ago") and next launches are relative to now: redraw them while the view is visible. */
  private readonly clock = new RedrawClock(() => this.provider.refresh());

  constructor(
    private readonly connections: ConnectionManager,
    private readonly memento: vscode.Memento,
  ) {
    this.view = vscode.window.createTreeView(JOBS_VIEW_ID, { treeDataProvider: this.provider, showCollapseAll: true });
    this.disposables.push(
      this.view,
      this.provider,
      this.view.onDidChangeVisibility((e) => {
        this.session?.watches.setVisible(e.visible);
        this.clock.setRunning(e.visible);
      }),
      this.clock,
      this.view.onDidExpandElement((e) => {
        this.session?.watches.expanded(e.element.key);
        if ('onExpanded' in e.element) e.element.onExpanded();
      }),
      this.view.onDidCollapseElement((e) => this.session?.watches.collapsed(e.element.key)),
      connections.onDidChangeConnection(() => this.reset()),
    );
    void vscode.commands.executeCommand('setContext', 'nomad.jobsFiltered', false);
  }

  /** The session behind the tree, once the view has been shown. */
  get current(): ExplorerSession | undefined {
    return this.session;
  }

  get filterText(): string {
    return this.filter;
  }

  /** Throws away every cached row and watch and loads again (manual Refresh / Retry). */
  reset(): void {
    this.session?.dispose();
    this.session = undefined;
    this.sessionConnection = undefined;
    this.provider.refresh();
  }

  setFilter(text: string): void {
    this.filter = text.trim();
    this.session?.setFilter(this.filter);
    void vscode.commands.executeCommand('setContext', 'nomad.jobsFiltered', this.filter !== '');
    this.updateMessage();
  }

  /** The namespace/region the tree shows for the active cluster (stored per cluster). */
  async scope(): Promise<SessionScope> {
    const connection = await this.connections.current();
    return connection ? (this.memento.get<SessionScope>(scopeKey(connection.cluster.name)) ?? {}) : {};
  }

  async setScope(change: SessionScope): Promise<void> {
    const connection = await this.connections.current();
    if (!connection) return;
    const scope = { ...(await this.scope()), ...change };
    await this.memento.update(scopeKey(connection.cluster.name), scope);
    this.reset();
  }

  /** Shows the view and selects a job; clears the filter if it hides the job. */
  async reveal(id: string, namespace?: string): Promise<JobNode | undefined> {
    await vscode.commands.executeCommand(`${JOBS_VIEW_ID}.focus`);
    await this.roots();
    let node = this.session?.findJob(id, namespace);
    // While the view was hidden its list stopped following the cluster: a job created meanwhile
    // (just run, dispatched) is missing from it until the list is read again.
    if (!node && this.session) {
      await this.session.list.readNow();
      node = this.session.findJob(id, namespace);
    }
    if (!node && this.filter) {
      this.setFilter('');
      node = this.session?.findJob(id, namespace);
    }
    if (node) await this.view.reveal(node, { select: true, focus: true, expand: true });
    return node;
  }

  private async roots(): Promise<ExplorerNode[]> {
    const connection = await this.connections.current();
    if (!connection) {
      this.setState('notConfigured');
      return [];
    }
    const session = this.sessionConnection === connection && this.session ? this.session : this.startSession(connection);
    const rows = await session.roots();
    this.updateMessage();
    return rows;
  }

  private startSession(connection: ActiveConnection): ExplorerSession {
    this.session?.dispose();
    const scope = this.memento.get<SessionScope>(scopeKey(connection.cluster.name)) ?? {};
    const host: SessionHost = {
      refresh: (node) => {
        if (this.session === session) this.provider.refresh(node);
      },
      reportOutcome: (error) => (error ? this.connections.reportError(error) : this.connections.reportSuccess()),
      stateChanged: (state) => this.setState(state),
    };
    const session = new ExplorerSession(connection, scope, host);
    this.session = session;
    this.sessionConnection = connection;
    if (this.filter) session.setFilter(this.filter);
    session.watches.setVisible(this.view.visible);
    this.clock.setRunning(this.view.visible);
    this.view.description = [connection.cluster.name, session.namespace ?? 'default', session.region].filter(Boolean).join(' · ');
    return session;
  }

  private updateMessage(): void {
    const session = this.session;
    if (!this.filter || !session) {
      this.view.message = undefined;
      return;
    }
    const { shown, total } = session.counts;
    this.view.message = `Filter "${this.filter}": ${shown} of ${total} jobs`;
  }

  private setState(state: ExplorerState): void {
    if (state === this.state) return;
    this.state = state;
    void vscode.commands.executeCommand('setContext', 'nomad.explorerState', state);
  }

  dispose(): void {
    this.session?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
