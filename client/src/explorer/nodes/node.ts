// The union of every row kind in the Jobs tree. The provider only delegates to these.
import type * as vscode from 'vscode';
import type { AllocationNode } from './allocationNode';
import type { ChildJobsNode } from './childJobsNode';
import type { DeploymentNode } from './deploymentNode';
import type { DetailNode } from './detailNode';
import type { EvaluationNode } from './evaluationNode';
import type { JobNode } from './jobNode';
import type { MessageNode } from './messageNode';
import type { ScheduleNode } from './scheduleNode';
import type { SectionNode } from './sectionNode';
import type { TaskGroupNode } from './taskGroupNode';
import type { TaskGroupsNode } from './taskGroupsNode';
import type { TaskNode } from './taskNode';
import type { VersionNode } from './versionNode';

export type ExplorerNode =
  | MessageNode
  | JobNode
  | ChildJobsNode
  | TaskGroupsNode
  | TaskGroupNode
  | SectionNode
  | DetailNode
  | ScheduleNode
  | VersionNode
  | AllocationNode
  | TaskNode
  | EvaluationNode
  | DeploymentNode;

/** What every node kind provides. */
export interface NodeBehaviour {
  readonly key: string;
  readonly parent: ExplorerNode | undefined;
  getTreeItem(): vscode.TreeItem;
  getChildren(): ExplorerNode[] | Promise<ExplorerNode[]>;
  /** Markdown computed on hover, for rows that exist in large numbers. */
  lazyTooltip?(): string;
  /** Called when the row is expanded by the user (VS Code may not ask for its children again). */
  onExpanded?(): void;
}

/** Inspectable nodes open as read-only JSON; the reference says what to load. */
export type InspectTarget =
  | { kind: 'job'; id: string; namespace?: string; version?: number }
  | { kind: 'allocation' | 'evaluation' | 'deployment' | 'node'; id: string; namespace?: string };
