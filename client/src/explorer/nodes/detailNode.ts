// A leaf that only displays facts: task groups, the summary, deployment groups, placement failures.
import type * as vscode from 'vscode';
import type { ItemView } from '../presentation/itemView';
import type { ExplorerNode } from './node';
import { childKey, toTreeItem } from './treeItem';

export class DetailNode {
  readonly kind = 'detail';
  readonly key: string;

  constructor(
    readonly view: ItemView,
    readonly parent: ExplorerNode,
    segment: string,
  ) {
    this.key = childKey(parent.key, segment);
  }

  getTreeItem(): vscode.TreeItem {
    return toTreeItem(this.view, this.key);
  }

  getChildren(): ExplorerNode[] {
    return [];
  }
}
