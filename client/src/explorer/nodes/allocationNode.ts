// An allocation of the job, with a row per task; clicking opens the full allocation as JSON.
import type * as vscode from 'vscode';
import type { AllocationListStub } from '../../nomad/types';
import { allocationView, sortAllocations } from '../presentation/allocationPresentation';
import { taskNamesOf } from '../presentation/taskPresentation';
import type { ExplorerNode, InspectTarget } from './node';
import type { SectionNode, SectionSpec } from './sectionNode';
import { TaskNode } from './taskNode';
import { childKey, openAsJsonOnClick, toTreeItem } from './treeItem';

export class AllocationNode {
  readonly kind = 'allocation';
  readonly key: string;

  constructor(
    readonly allocation: AllocationListStub,
    readonly parent: SectionNode<AllocationListStub>,
  ) {
    this.key = childKey(parent.key, allocation.ID);
  }

  get id(): string {
    return this.allocation.ID;
  }

  inspectTarget(): InspectTarget {
    return { kind: 'allocation', id: this.allocation.ID, namespace: this.allocation.Namespace };
  }

  getTreeItem(): vscode.TreeItem {
    const view = allocationView(this.allocation, this.parent.parent.ctx.now());
    return toTreeItem(view, this.key, openAsJsonOnClick(this));
  }

  getChildren(): ExplorerNode[] {
    return taskNamesOf(this.allocation).map((task) => new TaskNode(task, this));
  }
}

export const allocationsSection: SectionSpec<AllocationListStub> = {
  id: 'allocations',
  label: 'Allocations',
  icon: 'server',
  noun: 'allocations',
  fetch: (client, job, query) => client.jobAllocations(job.ID, query),
  children: (section, allocations) => sortAllocations(allocations).map((a) => new AllocationNode(a, section)),
};
