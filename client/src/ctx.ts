// Owns the extension's long-lived parts and their disposal: connections, the status bar, the Jobs
// view, `nomad:` documents and the command registrations. Nothing here contacts a cluster until
// the view is shown or a command asks.
import * as vscode from 'vscode';
import { ActionServices } from './features/actions/actionServices';
import { registerCommands, type CommandServices } from './commands/commandTable';
import { ConnectionManager } from './connection/connectionManager';
import { RequestLog } from './connection/requestLog';
import { ClusterStatusBar } from './connection/statusBar';
import { noticeMovedTokens } from './connection/movedTokenNotice';
import { TokenStore } from './connection/tokenStore';
import { JobsExplorer } from './explorer/jobsExplorer';
import type { NomadClient } from './nomad/client';
import { NomadError } from './nomad/errors';
import { NomadDocumentProvider, nomadUri } from './features/inspect/nomadDocumentProvider';
import { NodesView } from './features/nodes/nodesView';
import { VariablesFeature } from './features/variables/variablesFeature';
import { JobLoader, type EvaluateJob } from './features/jobFiles/jobLoader';

/** The explorer's part of what `activate` returns, for integration tests that look at the tree. */
export interface ExplorerApi {
  readonly jobsTree: JobsExplorer['provider'];
  readonly jobsView: JobsExplorer['view'];
  readonly nodesView: NodesView;
  readonly variablesTree: VariablesFeature['view'];
}

export class ExtensionCtx implements CommandServices, vscode.Disposable {
  readonly log = new RequestLog();
  readonly tokens: TokenStore;
  readonly connections: ConnectionManager;
  readonly explorer: JobsExplorer;
  readonly documents: NomadDocumentProvider;
  readonly actions: ActionServices;
  readonly nodes: NodesView;
  readonly variables: VariablesFeature;
  readonly jobLoader: JobLoader;
  private readonly disposables: vscode.Disposable[];

  /** `evaluateJob`: the language server's evaluation of an HCL job file with variable values (clusters before Nomad 1.6). */
  constructor(context: vscode.ExtensionContext, evaluateJob: EvaluateJob) {
    this.jobLoader = new JobLoader(context.workspaceState, undefined, evaluateJob);
    this.tokens = new TokenStore(context.secrets, context.globalState);
    this.connections = new ConnectionManager(this.tokens, this.log);
    this.explorer = new JobsExplorer(this.connections, context.workspaceState);
    this.documents = new NomadDocumentProvider(this.connections);
    this.nodes = new NodesView(this.connections);
    this.actions = new ActionServices({
      getActiveClient: () => this.activeClient(),
      versionDocumentUri: (job, version) =>
        nomadUri({ kind: 'job', cluster: this.connections.activeClusterName() ?? '', id: job.id, namespace: job.namespace, version }).toString(),
    });
    this.variables = new VariablesFeature(this.connections, () => this.actions.context());
    // Disposed in reverse order of creation.
    this.disposables = [
      this.log,
      this.connections,
      new ClusterStatusBar(this.connections),
      noticeMovedTokens(this.connections),
      this.explorer,
      this.documents,
      this.nodes,
      this.actions,
      this.variables,
      ...registerCommands(this),
    ];
  }

  /** The active cluster's client, for features outside the explorer (plan, run, actions). */
  async activeClient(): Promise<NomadClient> {
    const connection = await this.connections.current();
    if (connection) return connection.client;
    // A NomadError so callers show its advice like any other connection problem.
    throw new NomadError({
      kind: 'unreachable',
      message: 'No Nomad cluster is configured.',
      advice: 'Add one with "Nomad: Add Cluster", or set NOMAD_ADDR before starting VS Code.',
    });
  }

  get api(): ExplorerApi {
    return { jobsTree: this.explorer.provider, jobsView: this.explorer.view, nodesView: this.nodes, variablesTree: this.variables.view };
  }

  dispose(): void {
    for (const d of [...this.disposables].reverse()) d.dispose();
  }
}
