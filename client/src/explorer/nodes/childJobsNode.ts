// The folder under a parameterized or periodic job that holds the jobs it launched.
import type * as vscode from 'vscode';
import type { ExplorerNode } from './node';
import type { JobNode } from './jobNode';
import { childKey, toTreeItem } from './treeItem';

export class ChildJobsNode {
  readonly kind = 'childJobs';
  readonly key: string;

  constructor(readonly parent: JobNode) {
    this.key = childKey(parent.key, 'children');
  }

  private get label(): string {
    if (this.parent.stub.ParameterizedJob) return 'Dispatched Jobs';
    if (this.parent.stub.Periodic) return 'Periodic Launches';
    return 'Child Jobs';
  }

  getTreeItem(): vscode.TreeItem {
    return toTreeItem(
      {
        label: this.label,
        description: String(this.parent.ctx.childJobCount(this.parent.stub)),
        icon: { id: 'type-hierarchy-sub' },
        contextValue: 'childJobs',
        collapsible: 'collapsed',
      },
      this.key,
    );
  }

  getChildren(): ExplorerNode[] {
    return this.parent.ctx.childJobNodes(this.parent);
  }
}

