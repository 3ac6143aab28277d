// The Variables view: one row per namespace of the active cluster, then the
// variables below it browsed by path prefix (each folder lists with
// `?prefix=`), leaves opening the variable's document. On a cluster older
// than 1.4 it says which version Variables need.
import * as vscode from 'vscode';
import type { ConnectionManager } from '../../connection/connectionManager';
import { childKey, toTreeItem } from '../../explorer/nodes/treeItem';
import type { ItemView } from '../../explorer/presentation/itemView';
import { problemView, type MessageView } from '../../explorer/presentation/problemPresentation';
import type { NomadClient } from '../../nomad/client';
import type { NomadError } from '../../nomad/errors';
import { clusterVersion, hasFeature, missingFeatureMessage } from '../../nomad/features';
import { listVariables, type VariableMetadata } from '../../nomad/variables';
import { entriesUnder, folderView, namespaceView, variableView, type VariableEntry } from './variablePresentation';

export const VARIABLES_VIEW_ID = 'nomad.variables';

/** The namespace a connection works in, like the CLI: NOMAD_NAMESPACE or the cluster's setting, else default. */
export function connectionNamespace(client: NomadClient): string {
  const configured = client.config.namespace;
  return configured && configured !== '*' ? configured : 'default';
}
const REFRESH = { command: 'nomad.refreshVariables', title: 'Refresh' };

/** Where rows come from: one connection, read once per refresh. */
interface Scope {
  client: NomadClient;
  cluster: string;
  showLocks: boolean;
}

export interface VariablesNode {
  readonly key: string;
  getTreeItem(): vscode.TreeItem;
  getChildren(): Promise<VariablesNode[]> | VariablesNode[];
}

class NoticeNode implements VariablesNode {
  readonly key: string;
  constructor(readonly view: MessageView, parentKey?: string) {
    this.key = childKey(parentKey, view.contextValue);
  }
  getTreeItem(): vscode.TreeItem {
    return toTreeItem(this.view, this.key, this.view.command);
  }
  getChildren(): VariablesNode[] {
    return [];
  }
}

function notice(label: string, contextValue: string, tooltip = label): MessageView {
  return { label, tooltip, icon: { id: 'info' }, contextValue: `message:${contextValue}`, collapsible: 'none' };
}

/** A namespace or a folder: lists the variables under its prefix when expanded. */
export class PrefixNode implements VariablesNode {
  readonly key: string;
  constructor(
    private readonly scope: Scope,
    readonly namespace: string,
    readonly prefix: string,
    private readonly view: ItemView,
    parentKey?: string,
  ) {
    this.key = childKey(parentKey, prefix || `ns:${namespace}`);
  }

  getTreeItem(): vscode.TreeItem {
    return toTreeItem(this.view, this.key);
  }

  async getChildren(): Promise<VariablesNode[]> {
    let rows: VariableMetadata[];
    try {
      rows = (await listVariables(this.scope.client, { namespace: this.namespace, prefix: this.prefix || undefined })).value;
    } catch (error) {
      const subject = { address: this.scope.client.config.address, action: `list variables${this.prefix ? ` under ${this.prefix}` : ''}`, capability: 'variables:list', namespace: this.namespace };
      return [new NoticeNode({ ...problemView(error as NomadError, subject), command: REFRESH }, this.key)];
    }
    const entries = entriesUnder(this.prefix, rows);
    if (entries.length === 0) return [new NoticeNode(notice('No variables', 'empty', 'Create one with "Nomad: Create Variable".'), this.key)];
    return entries.map((entry) => this.nodeFor(entry));
  }

  private nodeFor(entry: VariableEntry): VariablesNode {
    if (entry.kind === 'folder') return new PrefixNode(this.scope, this.namespace, entry.prefix, folderView(entry), this.key);
    return new VariableNode(this.scope, entry, this.key);
  }
}

/** A variable row; its `variable` is the list row (metadata, never items). */
export class VariableNode implements VariablesNode {
  readonly key: string;
  readonly variable: VariableMetadata;
  readonly cluster: string;
  constructor(
    private readonly scope: Scope,
    private readonly entry: Extract<VariableEntry, { kind: 'variable' }>,
    parentKey: string,
  ) {
    this.key = childKey(parentKey, `var:${entry.name}`);
    this.variable = entry.variable;
    this.cluster = scope.cluster;
  }

  getTreeItem(): vscode.TreeItem {
    return toTreeItem(variableView(this.entry, Date.now(), this.scope.showLocks), this.key, { command: 'nomad.openVariable', title: 'Open Variable', arguments: [this] });
  }

  getChildren(): VariablesNode[] {
    return [];
  }
}

export class VariablesView implements vscode.TreeDataProvider<VariablesNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<VariablesNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<VariablesNode>;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly connections: ConnectionManager) {
    this.view = vscode.window.createTreeView(VARIABLES_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.disposables = [this.view, this.changed, connections.onDidChangeConnection(() => this.refresh())];
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  getTreeItem(node: VariablesNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  async getChildren(node?: VariablesNode): Promise<VariablesNode[]> {
    if (node) return node.getChildren();
    const rows = await this.roots();
    void vscode.commands.executeCommand('setContext', 'nomad.variablesAvailable', rows.some((row) => row instanceof PrefixNode));
    return rows;
  }

  private async roots(): Promise<VariablesNode[]> {
    const connection = await this.connections.current();
    if (!connection) return [new NoticeNode(notice('No Nomad cluster is configured', 'notConfigured', 'Add one with "Nomad: Add Cluster", or set NOMAD_ADDR.'))];
    const { client } = connection;
    let version: string | undefined;
    try {
      version = await clusterVersion(client);
    } catch (error) {
      const subject = { address: client.config.address, action: 'read the Nomad version', capability: 'agent:read' };
      return [new NoticeNode({ ...problemView(error as NomadError, subject), command: REFRESH })];
    }
    if (!hasFeature(version, 'variables')) return [new NoticeNode(notice(missingFeatureMessage(version, 'variables'), 'featureMissing'))];
    const scope: Scope = { client, cluster: connection.cluster.name, showLocks: hasFeature(version, 'variableLocks') };
    const namespaces = await this.namespaces(client);
    return namespaces.map(({ Name, Description }) => new PrefixNode(scope, Name, '', namespaceView(Name, Description)));
  }

  /** The cluster's namespaces; a token that may not list them still sees its own. */
  private async namespaces(client: NomadClient): Promise<{ Name: string; Description?: string }[]> {
    const own = connectionNamespace(client);
    try {
      const listed = (await client.namespaces()).value;
      return listed.length ? listed : [{ Name: own }];
    } catch {
      return [{ Name: own }];
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
