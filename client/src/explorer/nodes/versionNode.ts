// A job version; clicking opens that version's JSON, and two versions can be compared.
import type * as vscode from 'vscode';
import { hasFeature, knownClusterVersion, clusterVersion } from '../../nomad/features';
import type { Job } from '../../nomad/types';
import { sortVersions, versionView, type VersionFeatures } from '../presentation/versionPresentation';
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
    const ctx = this.parent.parent.ctx;
    const version = knownClusterVersion(ctx.client);
    const features: VersionFeatures = { source: hasFeature(version, 'jobSubmission'), tags: hasFeature(version, 'versionTags') };
    const view = versionView(this.job, this.isCurrent, ctx.now(), features);
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
    // Rows offer what the cluster's version allows, so it is read (once per connection) before they are drawn.
    const [result] = await Promise.all([client.jobVersions(job.ID, query), clusterVersion(client).catch(() => undefined)]);
    return { ...result, value: result.value.Versions ?? [] };
  },
  children(section, versions) {
    return sortVersions(versions).map((version, i) => new VersionNode(version, i === 0, section));
  },
};
