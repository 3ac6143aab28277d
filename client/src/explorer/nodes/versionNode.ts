// A job version; clicking opens that version's JSON, and two versions can be compared.
import type * as vscode from 'vscode';
import type { Job } from '../../nomad/types';
import { sortVersions, versionView } from '../presentation/versionPresentation';
import type { ExplorerNode, InspectTarget } from './node';
import type { SectionNode, SectionSpec } from './sectionNode';
import { childKey, openAsJsonOnClick, toTreeItem } from './treeItem';

export class VersionNode {
  readonly kind = 'version';
  readonly key: string;

  constructor(
    readonly job: Job,
    readonly isCurrent: boolean,
    readonly parent: SectionNode<Job>,
  ) {
    this.key = childKey(parent.key, `v${job.Version ?? 0}`);
  }

  get version(): number {
    return this.job.Version ?? 0;
  }

  inspectTarget(): InspectTarget {
    return { kind: 'job', id: this.parent.parent.id, namespace: this.parent.parent.namespace, version: this.version };
  }

  getTreeItem(): vscode.TreeItem {
    const view = versionView(this.job, this.isCurrent, this.parent.parent.ctx.now());
    return toTreeItem(view, this.key, openAsJsonOnClick(this));
  }

  getChildren(): ExplorerNode[] {
    return [];
  }
}

export const versionsSection: SectionSpec<Job> = {
  id: 'versions',
  label: 'Versions',
  icon: 'versions',
  noun: 'versions',
  async fetch(client, job, query) {
    const result = await client.jobVersions(job.ID, query);
    return { ...result, value: result.value.Versions ?? [] };
  },
  children(section, versions) {
    return sortVersions(versions).map((version, i) => new VersionNode(version, i === 0, section));
  },
};
