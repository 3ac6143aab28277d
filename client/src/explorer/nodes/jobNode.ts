// A job row. Its children are built once per node and kept, so their live data and
// expansion state survive list updates.
import type * as vscode from 'vscode';
import type { JobListStub } from '../../nomad/types';
import type { ExplorerContext } from '../explorerContext';
import { jobTooltip, jobView } from '../presentation/jobPresentation';
import { ChildJobsNode } from './childJobsNode';
import { allocationsSection } from './allocationNode';
import { deploymentsSection } from './deploymentNode';
import { DetailNode } from './detailNode';
import { evaluationsSection } from './evaluationNode';
import type { ExplorerNode, InspectTarget } from './node';
import { ScheduleNode } from './scheduleNode';
import { SectionNode } from './sectionNode';
import { TaskGroupsNode } from './taskGroupsNode';
import { childKey, toTreeItem } from './treeItem';
import { versionsSection } from './versionNode';
import { summaryView } from '../presentation/taskGroupPresentation';

export class JobNode {
  readonly kind = 'job';
  readonly key: string;
  private sections: ExplorerNode[] | undefined;
  private childJobs: ChildJobsNode | undefined;
  private schedule: ScheduleNode | undefined;

  constructor(
    readonly ctx: ExplorerContext,
    public stub: JobListStub,
    readonly parent: ChildJobsNode | undefined,
  ) {
    this.key = childKey(parent?.key, `job:${stub.Namespace ?? ''}:${stub.ID}`);
  }

  get id(): string {
    return this.stub.ID;
  }

  get namespace(): string | undefined {
    return this.stub.Namespace;
  }

  /** The folder holding dispatched/periodic children; created on first use. */
  get childJobsFolder(): ChildJobsNode {
    this.childJobs ??= new ChildJobsNode(this);
    return this.childJobs;
  }

  inspectTarget(): InspectTarget {
    return { kind: 'job', id: this.stub.ID, namespace: this.stub.Namespace };
  }

  getTreeItem(): vscode.TreeItem {
    const view = jobView(this.stub, { showNamespace: this.ctx.namespace === '*' });
    return toTreeItem(view, this.key);
  }

  lazyTooltip(): string {
    return jobTooltip(this.stub);
  }

  getChildren(): ExplorerNode[] {
    this.sections ??= [
      new TaskGroupsNode(this),
      new SectionNode(this, versionsSection),
      new SectionNode(this, allocationsSection),
      new SectionNode(this, evaluationsSection),
      new SectionNode(this, deploymentsSection),
    ];
    const summary = new DetailNode(summaryView(this.stub.JobSummary), this, 'summary');
    const schedule = this.scheduleRow();
    const children = this.ctx.childJobCount(this.stub) === 0 ? [...this.sections, summary] : [this.childJobsFolder, ...this.sections, summary];
    return schedule ? [schedule, ...children] : children;
  }

  /** Expanded again: VS Code may reuse the rows it has, so the schedule's read resumes here. */
  onExpanded(): void {
    if (this.schedule) this.ctx.watches.want(this.schedule.resource, this.key);
  }

  /** Periodic jobs (not their launched children) show their schedule; its job read lives while this job is expanded. */
  private scheduleRow(): ScheduleNode | undefined {
    if (!this.stub.Periodic || this.stub.ParentID) return undefined;
    this.schedule ??= new ScheduleNode(this);
    this.ctx.watches.want(this.schedule.resource, this.key);
    return this.schedule;
  }
}
