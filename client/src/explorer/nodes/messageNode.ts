// A row that explains a state (unreachable, denied, TLS, empty, ...) and offers the next step.
import type * as vscode from 'vscode';
import type { MessageView } from '../presentation/problemPresentation';
import type { ExplorerNode } from './node';
import { childKey, toTreeItem } from './treeItem';

export class MessageNode {
  readonly kind = 'message';
  readonly key: string;

  constructor(
    readonly view: MessageView,
    readonly parent: ExplorerNode | undefined,
  ) {
    this.key = childKey(parent?.key, `message:${view.contextValue}`);
  }

  getTreeItem(): vscode.TreeItem {
    return toTreeItem(this.view, this.key, this.view.command);
  }

  getChildren(): ExplorerNode[] {
    return [];
  }
}
