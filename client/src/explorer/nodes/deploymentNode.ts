// A deployment; expands into per-group progress (healthy / placed / desired, canaries, promotion).
import type * as vscode from 'vscode';
import type { Deployment } from '../../nomad/types';
import { deploymentGroupView, deploymentView, sortDeployments } from '../presentation/deploymentPresentation';
import { DetailNode } from './detailNode';
import type { ExplorerNode, InspectTarget } from './node';
import type { SectionNode, SectionSpec } from './sectionNode';
import { childKey, openAsJsonOnClick, toTreeItem } from './treeItem';

export class DeploymentNode {
  readonly kind = 'deployment';
  readonly key: string;

  constructor(
    readonly deployment: Deployment,
    readonly parent: SectionNode<Deployment>,
  ) {
    this.key = childKey(parent.key, deployment.ID);
  }

  get id(): string {
    return this.deployment.ID;
  }

  inspectTarget(): InspectTarget {
    return { kind: 'deployment', id: this.deployment.ID, namespace: this.deployment.Namespace };
  }

  getTreeItem(): vscode.TreeItem {
    return toTreeItem(deploymentView(this.deployment), this.key, openAsJsonOnClick(this));
  }

  getChildren(): ExplorerNode[] {
    return Object.entries(this.deployment.TaskGroups ?? {}).map(
      ([group, state]) => new DetailNode(deploymentGroupView(group, state), this, `group:${group}`),
    );
  }
}

export const deploymentsSection: SectionSpec<Deployment> = {
  id: 'deployments',
  label: 'Deployments',
  icon: 'rocket',
  noun: 'deployments',
  fetch: (client, job, query) => client.jobDeployments(job.ID, query),
  children: (section, deployments) => sortDeployments(deployments).map((d) => new DeploymentNode(d, section)),
};
