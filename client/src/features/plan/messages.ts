// What the plan panel (extension host) and the plan page (webview) say to each
// other, and the view model they share. Imported by browser code too: types
// only, no `vscode` or Node imports here.

export type DiffMarker = 'Added' | 'Deleted' | 'Edited' | 'None';

export interface DiffNode {
  /** Stable path (e.g. `job/g:web/t:nginx/o:Config#0`) for collapse and focus state. */
  id: string;
  kind: 'job' | 'group' | 'task' | 'object' | 'field';
  name: string;
  marker: DiffMarker;
  /** Fields only: values before and after. */
  old?: string;
  new?: string;
  /** e.g. "forces create/destroy update". */
  annotations: string[];
  children: DiffNode[];
}

export interface Count {
  label: string;
  count: number;
}

export interface PlacementFailure {
  /** Headline numbers: nodes evaluated, filtered, exhausted, further failures coalesced. */
  metrics: Count[];
  /** Breakdowns such as "filtered by constraint" -> [{label: "${attr.kernel.name} = windows", count: 3}]. */
  breakdowns: { title: string; entries: Count[] }[];
}

export interface GroupPlan {
  name: string;
  /** What the scheduler would do: create, destroy, in-place update, ... (all kinds, zero included). */
  updates: Count[];
  failure?: PlacementFailure;
}

export interface PlanView {
  jobId: string;
  jobName: string;
  jobType: string;
  namespace?: string;
  region?: string;
  /** The job file's name, for the title. */
  source: string;
  /** Nothing by this ID is registered: running creates it. */
  isNewJob: boolean;
  /** The check-and-set index a run submits with. */
  jobModifyIndex: number;
  /** Absent when the server sent no diff. */
  diff?: DiffNode;
  groups: GroupPlan[];
  warnings: string[];
  /** ISO time of the next launch of a periodic job. */
  nextPeriodicLaunch?: string;
  /** ISO time the plan was made. */
  plannedAt: string;
}

export type PanelStatus =
  | { kind: 'idle' }
  | { kind: 'info'; message: string }
  | { kind: 'busy'; message: string }
  | { kind: 'submitted'; message: string }
  | { kind: 'conflict'; message: string }
  | { kind: 'error'; message: string };

/** Panel -> page. */
export type ToPageMessage =
  | { type: 'show'; plan: PlanView; canRun: boolean; status: PanelStatus; documentUri: string }
  | { type: 'status'; status: PanelStatus; canRun: boolean };

/** Page -> panel. `run` names the index the page showed, so a stale page cannot run a newer plan. */
export type FromPageMessage =
  | { type: 'ready' }
  | { type: 'run'; jobModifyIndex: number }
  | { type: 'replan' }
  | { type: 'revealJob' };

/** Kept by the page with setState and handed back to the serializer after a reload. */
export interface PlanPageState {
  plan?: PlanView;
  status: PanelStatus;
  canRun: boolean;
  showUnchanged: boolean;
  collapsed: string[];
  focusedId?: string;
  /** The job file this plan came from, for re-planning after a reload. */
  documentUri?: string;
}

export function isFromPageMessage(value: unknown): value is FromPageMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as { type?: unknown; jobModifyIndex?: unknown };
  switch (message.type) {
    case 'ready':
    case 'replan':
    case 'revealJob':
      return true;
    case 'run':
      return typeof message.jobModifyIndex === 'number';
    default:
      return false;
  }
}
