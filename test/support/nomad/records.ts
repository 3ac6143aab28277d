// Builders for the objects the fake stores (allocations, evaluations,
// deployments, task states) and the views it derives from them (list stubs,
// summaries), with the key sets of the recorded v1.0 responses.
import { randomBytes, randomUUID } from 'crypto';
import type {
  AllocationListStub,
  Deployment,
  Evaluation,
  Job,
  JobListStub,
  JobSummary,
  TaskEvent,
  TaskState,
} from '../../../client/src/nomad/types';

export const FAKE_NODE_ID = '5f0a1c52-8d2e-4b6a-9c3e-0d1f2a3b4c5d';
export const FAKE_NODE_NAME = 'fake-node';

export type ClientStatus = 'pending' | 'running' | 'complete' | 'failed' | 'lost';

export function uuid(): string {
  return randomUUID();
}

export function hex8(): string {
  return randomBytes(4).toString('hex');
}

/** Unix nanoseconds as a JSON-safe integer (precision beyond ms is not needed). */
export function nanos(ms: number): number {
  return ms * 1e6;
}

const EVENT_ZERO = {
  Details: {}, DiskLimit: 0, DisplayMessage: '', DownloadError: '', DriverError: '', DriverMessage: '', ExitCode: 0,
  FailedSibling: '', FailsTask: false, GenericSource: '', KillError: '', KillReason: '', KillTimeout: 0, Message: '',
  RestartReason: '', SetupError: '', Signal: 0, StartDelay: 0, TaskSignal: '', TaskSignalReason: '', Time: 0, Type: '',
  ValidationError: '', VaultError: '',
};

function event(type: string, display: string, timeMs: number, extra: Partial<TaskEvent> = {}): TaskEvent {
  return { ...EVENT_ZERO, Type: type, DisplayMessage: display, Time: nanos(timeMs), ...extra } as TaskEvent;
}

/** Task state after the client moved the task to `status`, with the events a real client records. */
export function taskState(status: ClientStatus, nowMs: number): TaskState {
  const iso = new Date(nowMs).toISOString();
  const events = [event('Received', 'Task received by client', nowMs)];
  if (status === 'pending') {
    return { Events: events, Failed: false, FinishedAt: null, LastRestart: null, Restarts: 0, StartedAt: null, State: 'pending' };
  }
  events.push(
    event('Task Setup', 'Building Task Directory', nowMs, { Message: 'Building Task Directory', Details: { message: 'Building Task Directory' } }),
    event('Started', 'Task started by client', nowMs),
  );
  if (status === 'running') {
    return { Events: events, Failed: false, FinishedAt: null, LastRestart: null, Restarts: 0, StartedAt: iso, State: 'running' };
  }
  const exitCode = status === 'complete' ? 0 : 1;
  events.push(
    event('Terminated', `Exit Code: ${exitCode}`, nowMs, {
      ExitCode: exitCode,
      Details: { exit_code: String(exitCode), signal: '0', oom_killed: 'false' },
    }),
  );
  if (status !== 'complete') {
    events.push(event('Not Restarting', 'Error was unrecoverable', nowMs, { FailsTask: true, RestartReason: 'Error was unrecoverable' }));
  }
  return { Events: events, Failed: status !== 'complete', FinishedAt: iso, LastRestart: null, Restarts: 0, StartedAt: iso, State: 'dead' };
}

export const CLIENT_DESCRIPTIONS: Record<ClientStatus, string> = {
  pending: 'No tasks have started',
  running: 'Tasks are running',
  complete: 'All tasks have completed',
  failed: 'Failed tasks',
  lost: 'alloc is lost since its node is down',
};

/** A stored allocation: the full /v1/allocation/:id shape (the stub is derived from it). */
export type StoredAllocation = AllocationListStub & { Job: Job; DeploymentID: string; [key: string]: unknown };

const STUB_KEYS = [
  'ClientDescription', 'ClientStatus', 'CreateIndex', 'CreateTime', 'DeploymentStatus', 'DesiredDescription',
  'DesiredStatus', 'DesiredTransition', 'EvalID', 'FollowupEvalID', 'ID', 'JobID', 'JobType', 'JobVersion',
  'ModifyIndex', 'ModifyTime', 'Name', 'Namespace', 'NodeID', 'NodeName', 'PreemptedAllocations',
  'PreemptedByAllocation', 'RescheduleTracker', 'TaskGroup', 'TaskStates',
];
const FULL_ONLY_OMITTED = new Set(['JobType', 'JobVersion']);

export function allocationStub(alloc: StoredAllocation): AllocationListStub {
  return Object.fromEntries(STUB_KEYS.map((key) => [key, alloc[key] ?? null])) as AllocationListStub;
}

/** The /v1/allocation/:id view: everything but the stub-only job fields. */
export function allocationView(alloc: StoredAllocation): Record<string, unknown> {
  return Object.fromEntries(Object.entries(alloc).filter(([key]) => !FULL_ONLY_OMITTED.has(key)));
}

export interface NewAllocation {
  job: Job;
  group: string;
  index: number;
  evalId: string;
  deploymentId: string;
  raftIndex: number;
  nowMs: number;
}

export function newAllocation(a: NewAllocation): StoredAllocation {
  const group = (a.job.TaskGroups ?? []).find((g) => g.Name === a.group);
  const tasks = (group?.Tasks ?? []).map((t) => String(t.Name));
  return {
    AllocModifyIndex: a.raftIndex,
    AllocatedResources: { Shared: { DiskMB: group?.EphemeralDisk?.SizeMB ?? 300 }, Tasks: {} },
    ClientDescription: CLIENT_DESCRIPTIONS.pending,
    ClientStatus: 'pending',
    CreateIndex: a.raftIndex,
    CreateTime: nanos(a.nowMs),
    DeploymentID: a.deploymentId,
    DeploymentStatus: null,
    DesiredDescription: '',
    DesiredStatus: 'run',
    DesiredTransition: { ForceReschedule: null, Migrate: null, Reschedule: null },
    EvalID: a.evalId,
    FollowupEvalID: '',
    ID: uuid(),
    Job: a.job,
    JobID: String(a.job.ID),
    JobType: String(a.job.Type),
    JobVersion: a.job.Version ?? 0,
    Metrics: { NodesEvaluated: 1, NodesFiltered: 0, NodesExhausted: 0, CoalescedFailures: 0 },
    ModifyIndex: a.raftIndex,
    ModifyTime: nanos(a.nowMs),
    Name: `${a.job.ID}.${a.group}[${a.index}]`,
    Namespace: String(a.job.Namespace),
    NextAllocation: '',
    NodeID: FAKE_NODE_ID,
    NodeName: FAKE_NODE_NAME,
    PreemptedAllocations: null,
    PreemptedByAllocation: '',
    PreviousAllocation: '',
    RescheduleTracker: null,
    TaskGroup: a.group,
    TaskStates: Object.fromEntries(tasks.map((t) => [t, taskState('pending', a.nowMs)])),
  };
}

/** Go `omitempty`: evaluations leave out zero-valued fields. */
function compact<T extends Record<string, unknown>>(record: T, keep: string[]): T {
  return Object.fromEntries(
    Object.entries(record).filter(([key, v]) => keep.includes(key) || !(v === '' || v === 0 || v === null || v === undefined)),
  ) as T;
}

export interface NewEvaluation {
  job: Job;
  triggeredBy: string;
  raftIndex: number;
  nowMs: number;
  status?: string;
  deploymentId?: string;
  jobModifyIndex?: number;
  extra?: Partial<Evaluation>;
}

export function newEvaluation(e: NewEvaluation): Evaluation {
  const queued = Object.fromEntries((e.job.TaskGroups ?? []).map((g) => [String(g.Name), 0]));
  return compact(
    {
      CreateIndex: e.raftIndex,
      CreateTime: nanos(e.nowMs),
      DeploymentID: e.deploymentId ?? '',
      ID: uuid(),
      JobID: String(e.job.ID),
      JobModifyIndex: e.jobModifyIndex ?? 0,
      ModifyIndex: e.raftIndex,
      ModifyTime: nanos(e.nowMs),
      Namespace: String(e.job.Namespace ?? 'default'),
      Priority: e.job.Priority ?? 50,
      QueuedAllocations: queued,
      SnapshotIndex: e.raftIndex,
      Status: e.status ?? 'complete',
      TriggeredBy: e.triggeredBy,
      Type: String(e.job.Type ?? 'service'),
      ...e.extra,
    },
    ['CreateIndex', 'ID', 'JobID', 'ModifyIndex', 'Namespace', 'Priority', 'Status', 'TriggeredBy', 'Type'],
  );
}

export const DEPLOYMENT_DESCRIPTIONS: Record<string, string> = {
  running: 'Deployment is running',
  needsPromotion: 'Deployment is running but requires manual promotion',
  paused: 'Deployment is paused',
  failedByUser: 'Deployment marked as failed',
  successful: 'Deployment completed successfully',
  failed: 'Failed due to unhealthy allocations',
  cancelled: 'Cancelled because job is stopped',
};

export function newDeployment(job: Job, raftIndex: number, nowMs: number): Deployment {
  const groups = Object.fromEntries(
    (job.TaskGroups ?? []).map((g) => [
      String(g.Name),
      {
        AutoPromote: g.Update?.AutoPromote ?? false,
        AutoRevert: g.Update?.AutoRevert ?? false,
        DesiredCanaries: g.Update?.Canary ?? 0,
        DesiredTotal: g.Count ?? 1,
        HealthyAllocs: 0,
        PlacedAllocs: 0,
        PlacedCanaries: null,
        ProgressDeadline: g.Update?.ProgressDeadline ?? 0,
        Promoted: false,
        RequireProgressBy: new Date(nowMs + (g.Update?.ProgressDeadline ?? 0) / 1e6).toISOString(),
        UnhealthyAllocs: 0,
      },
    ]),
  );
  return {
    CreateIndex: raftIndex,
    ID: uuid(),
    IsMultiregion: false,
    JobCreateIndex: job.CreateIndex ?? raftIndex,
    JobID: String(job.ID),
    JobModifyIndex: job.JobModifyIndex ?? raftIndex,
    JobSpecModifyIndex: job.JobModifyIndex ?? raftIndex,
    JobVersion: job.Version ?? 0,
    ModifyIndex: raftIndex,
    Namespace: String(job.Namespace),
    Status: 'running',
    StatusDescription: DEPLOYMENT_DESCRIPTIONS.running,
    TaskGroups: groups,
  };
}

export function jobListStub(job: Job, summary: JobSummary, withNamespace: boolean): JobListStub {
  const stub: Record<string, unknown> = {
    CreateIndex: job.CreateIndex,
    Datacenters: job.Datacenters,
    ID: job.ID,
    JobModifyIndex: job.JobModifyIndex,
    JobSummary: summary,
    ModifyIndex: job.ModifyIndex,
    Multiregion: job.Multiregion ?? null,
    Name: job.Name,
    ParameterizedJob: Boolean(job.ParameterizedJob) && !job.Dispatched,
    ParentID: job.ParentID ?? '',
    Periodic: Boolean(job.Periodic?.Enabled),
    Priority: job.Priority,
    Status: job.Status,
    StatusDescription: job.StatusDescription ?? '',
    Stop: job.Stop ?? false,
    SubmitTime: job.SubmitTime,
    Type: job.Type,
  };
  // Newer servers add Namespace to every row; v1.0 did not, so the fake adds it only for wildcard listings.
  if (withNamespace) stub.Namespace = job.Namespace;
  return stub as JobListStub;
}
