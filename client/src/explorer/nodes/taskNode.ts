// A task of an allocation, with a row per action the job declares for it
// (Nomad 1.7+). `allocation` and `task` are what the log and restart
// commands read from a row (see actions/targets.ts).
import type * as vscode from 'vscode';
import type { AllocationListStub, JobAction } from '../../nomad/types';
import { actionsOfTask } from '../presentation/jobActionPresentation';
import { taskView } from '../presentation/taskPresentation';
import type { AllocationNode } from './allocationNode';
import { JobActionNode } from './jobActionNode';
import type { ExplorerNode } from './node';
import { childKey, toTreeItem } from './treeItem';

export class TaskNode {
  readonly kind = 'task';
  readonly key: string;

  constructor(
    readonly task: string,
    readonly parent: AllocationNode,
  ) {
    this.key = childKey(parent.key, task);
  }

  /** The allocation as last read: the parent row is rebuilt, with new task rows, when it changes. */
  get allocation(): AllocationListStub {
    return this.parent.allocation;
  }

  private get actions(): JobAction[] {
    return actionsOfTask(this.parent.parent.parent.jobActions, this.allocation.TaskGroup, this.task);
  }

  getTreeItem(): vscode.TreeItem {
    return toTreeItem(taskView(this.allocation, this.task, this.parent.parent.parent.ctx.now(), this.actions.length), this.key);
  }

  getChildren(): ExplorerNode[] {
    return this.actions.map((action) => new JobActionNode(action, this));
  }
}
