// A folder under a job (Versions, Allocations, Evaluations, Deployments) whose content is
// watched with a blocking query only while the folder is expanded and the view visible.
import type * as vscode from 'vscode';
import type { NomadClient, QueryOptions, QueryResult } from '../../nomad/client';
import type { JobListStub } from '../../nomad/types';
import { jobQuery } from '../explorerContext';
import { LiveResource } from '../liveResource';
import { noneView, problemView } from '../presentation/problemPresentation';
import type { JobNode } from './jobNode';
import { MessageNode } from './messageNode';
import type { ExplorerNode } from './node';
import { childKey, toTreeItem } from './treeItem';

/** How one kind of section loads and shows its items; each item kind's file exports one. */
export interface SectionSpec<T> {
  readonly id: string;
  readonly label: string;
  readonly icon: string;
  /** Plural noun for the empty state, e.g. `allocations`. */
  readonly noun: string;
  fetch(client: NomadClient, job: JobListStub, query: QueryOptions): Promise<QueryResult<T[]>>;
  children(section: SectionNode<T>, items: T[]): ExplorerNode[];
}

export class SectionNode<T = unknown> {
  readonly kind = 'section';
  readonly key: string;
  readonly resource: LiveResource<T[]>;

  constructor(
    readonly parent: JobNode,
    readonly spec: SectionSpec<T>,
  ) {
    this.key = childKey(parent.key, spec.id);
    const ctx = parent.ctx;
    this.resource = new LiveResource<T[]>(
      (index, signal) => spec.fetch(ctx.client, parent.stub, { ...jobQuery(ctx, parent.stub), index, signal }),
      () => ctx.refresh(this),
    );
  }

  getTreeItem(): vscode.TreeItem {
    const items = this.resource.value;
    return toTreeItem(
      {
        label: this.spec.label,
        description: items ? String(items.length) : undefined,
        icon: { id: this.spec.icon },
        contextValue: `section:${this.spec.id}`,
        collapsible: 'collapsed',
      },
      this.key,
    );
  }

  onExpanded(): void {
    this.parent.ctx.watches.want(this.resource, this.key);
  }

  async getChildren(): Promise<ExplorerNode[]> {
    this.onExpanded();
    await this.resource.whenSettled();
    const { value, error } = this.resource;
    const rows: ExplorerNode[] = [];
    if (error) {
      const subject = {
        address: this.parent.ctx.client.config.address,
        action: `read ${this.spec.noun} of job "${this.parent.id}"`,
        capability: 'read-job',
        namespace: this.parent.namespace,
      };
      rows.push(new MessageNode(problemView(error, subject), this));
    }
    if (value && value.length === 0 && !error) rows.push(new MessageNode(noneView(this.spec.noun), this));
    if (value) rows.push(...this.spec.children(this, value));
    return rows;
  }
}
