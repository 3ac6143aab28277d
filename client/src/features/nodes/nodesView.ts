// The Nodes view: the active cluster's client nodes, kept current with a
// blocking query on /v1/nodes while the view is visible (and only then). Each
// node expands into its drivers with their health and the allocations placed
// on it (read when expanded). Node rows open as JSON and carry the context
// value the eligibility and drain commands key on.
import * as vscode from 'vscode';
import type { ConnectionManager } from '../../connection/connectionManager';
import { childKey, toTreeItem } from '../../explorer/nodes/treeItem';
import type { InspectTarget } from '../../explorer/nodes/node';
import type { ItemView } from '../../explorer/presentation/itemView';
import type { NomadClient } from '../../nomad/client';
import type { NomadError } from '../../nomad/errors';
import type { NodeListStub } from '../../nomad/types';
import { watchQuery, type Watch } from '../../nomad/watch';
import { driverViews, nodeAllocationView, nodeView, sortNodes } from './nodePresentation';

export const NODES_VIEW_ID = 'nomad.nodes';

/** A client node of the cluster; `node` is what the node commands read. */
export class NodeRow {
  readonly kind = 'clientNode';
  readonly key: string;

  constructor(
    readonly node: NodeListStub,
    private readonly client: NomadClient,
  ) {
    this.key = childKey(undefined, `node:${node.ID}`);
  }

  inspectTarget(): InspectTarget {
    return { kind: 'node', id: this.node.ID };
  }

  getTreeItem(): vscode.TreeItem {
    return toTreeItem(nodeView(this.node), this.key, { command: 'nomad.inspect', title: 'Open as JSON', arguments: [this] });
  }

  getChildren(): Row[] {
    const drivers = driverViews(this.node.Drivers);
    return [
      new FolderRow(this.key, 'drivers', { label: 'Drivers', description: String(drivers.length), icon: { id: 'extensions' }, contextValue: 'section:nodeDrivers', collapsible: 'collapsed' }, async () =>
        drivers.map((view) => new LeafRow(this.key, `driver:${view.label}`, view)),
      ),
      new FolderRow(this.key, 'allocations', { label: 'Allocations', icon: { id: 'server' }, contextValue: 'section:nodeAllocations', collapsible: 'collapsed' }, async () => {
        const { value } = await this.client.nodeAllocations(this.node.ID);
        const rows = value.map((alloc) => new LeafRow(this.key, `alloc:${alloc.ID}`, nodeAllocationView(alloc)));
        return rows.length ? rows : [new LeafRow(this.key, 'none', { label: 'No allocations on this node', contextValue: 'message:none', collapsible: 'none' })];
      }),
    ];
  }
}

class FolderRow {
  readonly kind = 'nodeFolder';
  readonly key: string;

  constructor(
    parentKey: string,
    segment: string,
    private readonly view: ItemView,
    private readonly children: () => Promise<Row[]>,
  ) {
    this.key = childKey(parentKey, segment);
  }

  getTreeItem(): vscode.TreeItem {
    return toTreeItem(this.view, this.key);
  }

  async getChildren(): Promise<Row[]> {
    try {
      return await this.children();
    } catch (error) {
      const message = (error as NomadError).message ?? String(error);
      return [new LeafRow(this.key, 'error', { label: 'Could not read them', description: message, icon: { id: 'warning' }, contextValue: 'message:error', collapsible: 'none' })];
    }
  }
}

class LeafRow {
  readonly kind = 'nodeDetail';
  readonly key: string;

  constructor(
    parentKey: string | undefined,
    segment: string,
    private readonly view: ItemView,
  ) {
    this.key = childKey(parentKey, segment);
  }

  getTreeItem(): vscode.TreeItem {
    return toTreeItem(this.view, this.key);
  }

  getChildren(): Row[] {
    return [];
  }
}

type Row = NodeRow | FolderRow | LeafRow;

class NodesProvider implements vscode.TreeDataProvider<Row> {
  private readonly emitter = new vscode.EventEmitter<Row | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  rows: Row[] = [];

  show(rows: Row[]): void {
    this.rows = rows;
    this.emitter.fire(undefined);
  }

  getTreeItem(row: Row): vscode.TreeItem {
    return row.getTreeItem();
  }

  getChildren(row?: Row): Row[] | Promise<Row[]> {
    return row ? row.getChildren() : this.rows;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

export class NodesView implements vscode.Disposable {
  private readonly provider = new NodesProvider();
  private readonly view: vscode.TreeView<Row>;
  private readonly disposables: vscode.Disposable[];
  private watch: Watch | undefined;

  constructor(private readonly connections: ConnectionManager) {
    this.view = vscode.window.createTreeView(NODES_VIEW_ID, { treeDataProvider: this.provider, showCollapseAll: true });
    this.disposables = [
      this.view,
      this.provider,
      this.view.onDidChangeVisibility(() => void this.restart()),
      connections.onDidChangeConnection(() => void this.restart()),
    ];
    void this.restart();
  }

  /** The node rows now shown (integration tests read them). */
  get rows(): readonly NodeRow[] {
    return this.provider.rows.filter((row): row is NodeRow => row instanceof NodeRow);
  }

  private async restart(): Promise<void> {
    this.watch?.dispose();
    this.watch = undefined;
    if (!this.view.visible) return;
    const connection = await this.connections.current();
    if (!connection) {
      this.provider.show([message('No cluster is configured', 'message:notConfigured')]);
      return;
    }
    const client = connection.client;
    let lastError: string | undefined;
    this.watch = watchQuery(
      (index, signal, wait) => client.listNodes({ index, signal, wait }),
      (nodes) => {
        lastError = undefined;
        this.provider.show(nodes.length ? sortNodes(nodes).map((node) => new NodeRow(node, client)) : [message('The cluster has no client nodes', 'message:none')]);
      },
      (error) => {
        if (error.kind === 'cancelled' || error.message === lastError) return;
        lastError = error.message;
        this.provider.show([message(`Cannot list nodes: ${error.message}`, 'message:error', error.advice)]);
      },
    );
  }

  dispose(): void {
    this.watch?.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function message(label: string, contextValue: string, tooltip?: string): LeafRow {
  return new LeafRow(undefined, contextValue, { label, tooltip, icon: { id: 'info' }, contextValue, collapsible: 'none' });
}
