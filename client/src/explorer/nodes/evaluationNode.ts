// An evaluation; when placements failed it expands into one row per task group with the reasons.
import type * as vscode from 'vscode';
import type { Evaluation } from '../../nomad/types';
import {
  evaluationView,
  placementFailures,
  placementFailureView,
  sortEvaluations,
} from '../presentation/evaluationPresentation';
import { DetailNode } from './detailNode';
import type { ExplorerNode, InspectTarget } from './node';
import type { SectionNode, SectionSpec } from './sectionNode';
import { childKey, openAsJsonOnClick, toTreeItem } from './treeItem';

export class EvaluationNode {
  readonly kind = 'evaluation';
  readonly key: string;

  constructor(
    readonly evaluation: Evaluation,
    readonly parent: SectionNode<Evaluation>,
  ) {
    this.key = childKey(parent.key, evaluation.ID);
  }

  get id(): string {
    return this.evaluation.ID;
  }

  inspectTarget(): InspectTarget {
    return { kind: 'evaluation', id: this.evaluation.ID, namespace: this.evaluation.Namespace };
  }

  getTreeItem(): vscode.TreeItem {
    const view = evaluationView(this.evaluation, this.parent.parent.ctx.now());
    return toTreeItem(view, this.key, openAsJsonOnClick(this));
  }

  getChildren(): ExplorerNode[] {
    return placementFailures(this.evaluation).map(
      (failure) => new DetailNode(placementFailureView(failure), this, `failed:${failure.group}`),
    );
  }
}

export const evaluationsSection: SectionSpec<Evaluation> = {
  id: 'evaluations',
  label: 'Evaluations',
  icon: 'pulse',
  noun: 'evaluations',
  fetch: (client, job, query) => client.jobEvaluations(job.ID, query),
  children: (section, evaluations) => sortEvaluations(evaluations).map((e) => new EvaluationNode(e, section)),
};
