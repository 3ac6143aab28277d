// An action of a task, under the task's row in an allocation. `jobAction`,
// `allocation` and `task` are what nomad.runJobAction reads from the row.
import type * as vscode from 'vscode';
import type { AllocationListStub, JobAction } from '../../nomad/types';
import { jobActionView } from '../presentation/jobActionPresentation';
import type { ExplorerNode } from './node';
import type { TaskNode } from './taskNode';
import { childKey, toTreeItem } from './treeItem';

export class JobActionNode {
  readonly kind = 'jobAction';
  readonly key: string;

  constructor(
    readonly jobAction: JobAction,
    readonly parent: TaskNode,
  ) {
    this.key = childKey(parent.key, `action:${jobAction.Name}`);
  }

  get allocation(): AllocationListStub {
    return this.parent.allocation;
  }

  get task(): string {
    return this.parent.task;
  }

  getTreeItem(): vscode.TreeItem {
    return toTreeItem(jobActionView(this.jobAction, this.allocation.TaskStates?.[this.task]?.State ?? 'pending'), this.key);
  }

  getChildren(): ExplorerNode[] {
    return [];
  }
}
