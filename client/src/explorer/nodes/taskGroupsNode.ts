// The job's task groups with allocation counts per state, read from the summary that
// comes with the (already live) job list: no request of its own.
import type * as vscode from 'vscode';
import type { TaskGroupSummary } from '../../nomad/types';
import { noneView } from '../presentation/problemPresentation';
import type { JobNode } from './jobNode';
import { MessageNode } from './messageNode';
import type { ExplorerNode } from './node';
import { TaskGroupNode } from './taskGroupNode';
import { childKey, toTreeItem } from './treeItem';

export class TaskGroupsNode {
  readonly kind = 'taskGroups';
  readonly key: string;

  constructor(readonly parent: JobNode) {
    this.key = childKey(parent.key, 'taskGroups');
  }

  private groups(): [string, Partial<TaskGroupSummary> | undefined][] {
    return Object.entries(this.parent.stub.JobSummary?.Summary ?? {});
  }

  getTreeItem(): vscode.TreeItem {
    return toTreeItem(
      {
        label: 'Task Groups',
        description: String(this.groups().length),
        icon: { id: 'layers' },
        contextValue: 'section:taskGroups',
        collapsible: 'expanded',
      },
      this.key,
    );
  }

  getChildren(): ExplorerNode[] {
    const groups = this.groups();
    if (!groups.length) return [new MessageNode(noneView('task groups'), this)];
    return groups.map(([name, summary]) => new TaskGroupNode(name, summary, this));
  }
}
