// The TreeDataProvider: delegates everything to the nodes and coalesces redraw requests,
// so a burst of server changes costs one refresh.
import * as vscode from 'vscode';
import type { ExplorerNode } from './nodes/node';
import { markdown } from './nodes/treeItem';

/** Short enough that a server change still shows well within a second. */
const REFRESH_DELAY_MS = 60;

export class JobsTreeProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<ExplorerNode | ExplorerNode[] | undefined>();
  private pending: Set<ExplorerNode> | 'all' | undefined;
  private timer: NodeJS.Timeout | undefined;

  private readonly served = new vscode.EventEmitter<void>();

  readonly onDidChangeTreeData = this.emitter.event;
  /** VS Code received rows it asked for (after a change): from now on it can reveal them. */
  readonly onDidServeChildren = this.served.event;

  constructor(private readonly roots: () => Promise<ExplorerNode[]>) {}

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    const rows = await (node ? node.getChildren() : this.roots());
    // After this microtask VS Code has the rows; listeners (reveal) run after it.
    setImmediate(() => this.served.fire());
    return rows;
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return node.parent;
  }

  resolveTreeItem(item: vscode.TreeItem, node: ExplorerNode): vscode.TreeItem {
    if (!item.tooltip && 'lazyTooltip' in node) item.tooltip = markdown(node.lazyTooltip());
    return item;
  }

  /** Schedules a redraw of `node`, or of the whole tree when omitted. */
  refresh(node?: ExplorerNode): void {
    if (!node) {
      this.pending = 'all';
    } else if (this.pending !== 'all') {
      this.pending ??= new Set();
      this.pending.add(node);
    }
    this.timer ??= setTimeout(() => this.flush(), REFRESH_DELAY_MS);
  }

  private flush(): void {
    const pending = this.pending;
    this.pending = undefined;
    this.timer = undefined;
    if (pending === 'all') this.emitter.fire(undefined);
    else if (pending?.size) this.emitter.fire([...pending]);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.emitter.dispose();
    this.served.dispose();
  }
}
