// A task group of a job, with its allocation counts. `job` and `group` are
// what the group commands (job-wide logs, scale) read from the row.
import type * as vscode from 'vscode';
import type { JobListStub, TaskGroupSummary } from '../../nomad/types';
import { taskGroupView } from '../presentation/taskGroupPresentation';
import type { ExplorerNode } from './node';
import type { TaskGroupsNode } from './taskGroupsNode';
import { childKey, toTreeItem } from './treeItem';

export class TaskGroupNode {
  readonly kind = 'taskGroup';
  readonly key: string;

  constructor(
    readonly group: string,
    private readonly summary: Partial<TaskGroupSummary> | undefined,
    readonly parent: TaskGroupsNode,
  ) {
    this.key = childKey(parent.key, `group:${group}`);
  }

  /** The job as last listed. */
  get job(): JobListStub {
    return this.parent.parent.stub;
  }

  getTreeItem(): vscode.TreeItem {
    return toTreeItem(taskGroupView(this.group, this.summary, this.job.Type), this.key);
  }

  getChildren(): ExplorerNode[] {
    return [];
  }
}
