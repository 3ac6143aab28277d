// The schedule of a periodic job, first under it: the list stub only says "periodic", so the row
// reads the job (kept live while the job is expanded) for its cron spec and time zone.
import type * as vscode from 'vscode';
import type { Job } from '../../nomad/types';
import { jobQuery } from '../explorerContext';
import { LiveResource } from '../liveResource';
import { scheduleView } from '../presentation/schedulePresentation';
import type { JobNode } from './jobNode';
import type { ExplorerNode } from './node';
import { childKey, toTreeItem } from './treeItem';

export class ScheduleNode {
  readonly kind = 'schedule';
  readonly key: string;
  readonly resource: LiveResource<Job>;

  constructor(readonly parent: JobNode) {
    this.key = childKey(parent.key, 'schedule');
    const ctx = parent.ctx;
    this.resource = new LiveResource<Job>(
      (index, signal) => ctx.client.readJob(parent.id, { ...jobQuery(ctx, parent.stub), index, signal }),
      () => ctx.refresh(this),
    );
  }

  getTreeItem(): vscode.TreeItem {
    const periodic = this.resource.value?.Periodic;
    const view = periodic
      ? scheduleView(periodic, this.parent.ctx.now())
      : { label: 'Schedule', description: this.resource.error ? 'could not read the job' : 'reading…', icon: { id: 'watch' }, contextValue: 'schedule', collapsible: 'none' as const };
    return toTreeItem(view, this.key);
  }

  getChildren(): ExplorerNode[] {
    return [];
  }
}
