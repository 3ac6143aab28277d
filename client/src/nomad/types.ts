// Shapes of Nomad's JSON, drawn from real v1.0 responses. The client returns
// parsed JSON untouched, so every interface is open (`[key: string]: unknown`):
// fields added by newer servers are kept and a field an older server lacks is
// simply absent. Fields are optional where a real server omits them or where
// callers build the object themselves (a Job to submit). Go nil slices and
// maps arrive as `null`. Durations are integer nanoseconds; times named
// `*Time` (CreateTime, SubmitTime, event Time) are Unix nanoseconds, while
// `StartedAt`-style fields are RFC 3339 strings.

export type Nanoseconds = number;

export interface Constraint {
  LTarget?: string;
  RTarget?: string;
  Operand?: string;
  [key: string]: unknown;
}

export interface Affinity extends Constraint {
  Weight?: number;
}

export interface Resources {
  CPU?: number | null;
  MemoryMB?: number | null;
  MemoryMaxMB?: number | null;
  DiskMB?: number | null;
  IOPS?: number | null;
  Networks?: unknown[] | null;
  Devices?: unknown[] | null;
  [key: string]: unknown;
}

export interface RestartPolicy {
  Attempts?: number;
  Interval?: Nanoseconds;
  Delay?: Nanoseconds;
  Mode?: string;
  [key: string]: unknown;
}

export interface ReschedulePolicy {
  Attempts?: number;
  Interval?: Nanoseconds;
  Delay?: Nanoseconds;
  DelayFunction?: string;
  MaxDelay?: Nanoseconds;
  Unlimited?: boolean;
  [key: string]: unknown;
}

export interface UpdateStrategy {
  Stagger?: Nanoseconds;
  MaxParallel?: number;
  HealthCheck?: string;
  MinHealthyTime?: Nanoseconds;
  HealthyDeadline?: Nanoseconds;
  ProgressDeadline?: Nanoseconds;
  AutoRevert?: boolean;
  AutoPromote?: boolean;
  Canary?: number;
  [key: string]: unknown;
}

export interface PeriodicConfig {
  Enabled?: boolean;
  Spec?: string;
  SpecType?: string;
  ProhibitOverlap?: boolean;
  TimeZone?: string;
  [key: string]: unknown;
}

export interface ParameterizedJobConfig {
  /** 'optional' | 'required' | 'forbidden'. */
  Payload?: string;
  MetaRequired?: string[] | null;
  MetaOptional?: string[] | null;
  [key: string]: unknown;
}

export interface Service {
  Name?: string;
  PortLabel?: string;
  Tags?: string[] | null;
  Checks?: unknown[] | null;
  [key: string]: unknown;
}

export interface Task {
  Name?: string;
  Driver?: string;
  User?: string;
  Config?: Record<string, unknown> | null;
  Env?: Record<string, string> | null;
  Services?: Service[] | null;
  Resources?: Resources | null;
  Meta?: Record<string, string> | null;
  KillTimeout?: Nanoseconds | null;
  LogConfig?: { MaxFiles?: number; MaxFileSizeMB?: number; [key: string]: unknown } | null;
  Artifacts?: unknown[] | null;
  Templates?: unknown[] | null;
  Constraints?: Constraint[] | null;
  Affinities?: Affinity[] | null;
  DispatchPayload?: { File?: string; [key: string]: unknown } | null;
  Lifecycle?: { Hook?: string; Sidecar?: boolean; [key: string]: unknown } | null;
  Leader?: boolean;
  Kind?: string;
  [key: string]: unknown;
}

/** A group's `scaling` block: the bounds any change of its count must respect. */
export interface ScalingPolicy {
  Min?: number | null;
  Max?: number | null;
  Enabled?: boolean | null;
  [key: string]: unknown;
}

export interface TaskGroup {
  Name?: string;
  Count?: number | null;
  Scaling?: ScalingPolicy | null;
  Constraints?: Constraint[] | null;
  Affinities?: Affinity[] | null;
  Spreads?: unknown[] | null;
  Tasks?: Task[] | null;
  RestartPolicy?: RestartPolicy | null;
  ReschedulePolicy?: ReschedulePolicy | null;
  Update?: UpdateStrategy | null;
  Migrate?: Record<string, unknown> | null;
  EphemeralDisk?: { Sticky?: boolean; SizeMB?: number; Migrate?: boolean; [key: string]: unknown } | null;
  Networks?: unknown[] | null;
  Services?: Service[] | null;
  Volumes?: Record<string, unknown> | null;
  Meta?: Record<string, string> | null;
  [key: string]: unknown;
}

/** A job as read from Nomad or as submitted. A non-canonicalized parse leaves many fields `null`. */
export interface Job {
  ID?: string;
  Name?: string;
  Namespace?: string | null;
  Region?: string | null;
  ParentID?: string | null;
  Type?: string | null;
  Priority?: number | null;
  AllAtOnce?: boolean | null;
  Datacenters?: string[] | null;
  Constraints?: Constraint[] | null;
  Affinities?: Affinity[] | null;
  Spreads?: unknown[] | null;
  TaskGroups?: TaskGroup[] | null;
  Update?: UpdateStrategy | null;
  Multiregion?: Record<string, unknown> | null;
  Periodic?: PeriodicConfig | null;
  ParameterizedJob?: ParameterizedJobConfig | null;
  Dispatched?: boolean;
  /** Base64 of the dispatch payload on dispatched children. */
  Payload?: string | null;
  Meta?: Record<string, string> | null;
  Stop?: boolean | null;
  Status?: string | null;
  StatusDescription?: string | null;
  Stable?: boolean | null;
  Version?: number | null;
  SubmitTime?: number | null;
  CreateIndex?: number | null;
  ModifyIndex?: number | null;
  JobModifyIndex?: number | null;
  [key: string]: unknown;
}

export interface TaskGroupSummary {
  Queued: number;
  Complete: number;
  Failed: number;
  Running: number;
  Starting: number;
  Lost: number;
  [key: string]: unknown;
}

export interface JobChildrenSummary {
  Pending: number;
  Running: number;
  Dead: number;
  [key: string]: unknown;
}

export interface JobSummary {
  JobID: string;
  Namespace?: string;
  Summary: Record<string, TaskGroupSummary>;
  Children: JobChildrenSummary | null;
  CreateIndex: number;
  ModifyIndex: number;
  [key: string]: unknown;
}

/** One row of GET /v1/jobs. `Periodic` and `ParameterizedJob` are booleans here, unlike on a Job. */
export interface JobListStub {
  ID: string;
  ParentID: string;
  Name: string;
  /** Present on newer servers and on wildcard (`namespace=*`) listings. */
  Namespace?: string;
  Datacenters?: string[] | null;
  Type: string;
  Priority: number;
  Periodic?: boolean;
  ParameterizedJob?: boolean;
  Stop?: boolean;
  Status: string;
  StatusDescription: string;
  JobSummary: JobSummary | null;
  CreateIndex: number;
  ModifyIndex: number;
  JobModifyIndex: number;
  SubmitTime?: number;
  [key: string]: unknown;
}

export interface TaskEvent {
  Type: string;
  Time: number;
  DisplayMessage?: string;
  Message?: string;
  Details?: Record<string, string> | null;
  FailsTask?: boolean;
  ExitCode?: number;
  Signal?: number;
  DriverError?: string;
  [key: string]: unknown;
}

export interface TaskState {
  /** 'pending' | 'running' | 'dead'. */
  State: string;
  Failed: boolean;
  Restarts?: number;
  LastRestart?: string | null;
  StartedAt?: string | null;
  FinishedAt?: string | null;
  Events: TaskEvent[] | null;
  [key: string]: unknown;
}

export interface AllocDeploymentStatus {
  Healthy?: boolean | null;
  Canary?: boolean;
  Timestamp?: string;
  ModifyIndex?: number;
  [key: string]: unknown;
}

export interface AllocationListStub {
  ID: string;
  EvalID: string;
  Name: string;
  Namespace?: string;
  NodeID: string;
  NodeName?: string;
  JobID: string;
  JobType?: string;
  JobVersion: number;
  TaskGroup: string;
  /** 'run' | 'stop' | 'evict'. */
  DesiredStatus: string;
  DesiredDescription: string;
  /** 'pending' | 'running' | 'complete' | 'failed' | 'lost'. */
  ClientStatus: string;
  ClientDescription: string;
  TaskStates: Record<string, TaskState> | null;
  DeploymentStatus?: AllocDeploymentStatus | null;
  FollowupEvalID?: string;
  RescheduleTracker?: unknown;
  CreateIndex: number;
  ModifyIndex: number;
  CreateTime: number;
  ModifyTime: number;
  [key: string]: unknown;
}

/** GET /v1/allocation/:id: the stub's fields plus the job it runs and resource details. */
export interface Allocation extends AllocationListStub {
  Job?: Job | null;
  DeploymentID?: string;
  AllocatedResources?: Record<string, unknown> | null;
  Metrics?: AllocationMetric | null;
}

/** Why placements failed (plan `FailedTGAllocs`, evaluation `FailedTGAllocs`, allocation `Metrics`). */
export interface AllocationMetric {
  NodesEvaluated?: number;
  NodesFiltered?: number;
  NodesAvailable?: Record<string, number> | null;
  ClassFiltered?: Record<string, number> | null;
  ConstraintFiltered?: Record<string, number> | null;
  NodesExhausted?: number;
  ClassExhausted?: Record<string, number> | null;
  DimensionExhausted?: Record<string, number> | null;
  QuotaExhausted?: string[] | null;
  CoalescedFailures?: number;
  AllocationTime?: Nanoseconds;
  [key: string]: unknown;
}

export interface Evaluation {
  ID: string;
  Namespace?: string;
  Priority: number;
  Type: string;
  TriggeredBy: string;
  JobID: string;
  JobModifyIndex?: number;
  DeploymentID?: string;
  /** 'blocked' | 'pending' | 'complete' | 'failed' | 'canceled'. */
  Status: string;
  StatusDescription?: string;
  NextEval?: string;
  PreviousEval?: string;
  BlockedEval?: string;
  FailedTGAllocs?: Record<string, AllocationMetric> | null;
  QueuedAllocations?: Record<string, number> | null;
  SnapshotIndex?: number;
  CreateIndex: number;
  ModifyIndex: number;
  CreateTime?: number;
  ModifyTime?: number;
  [key: string]: unknown;
}

export interface DeploymentState {
  AutoRevert?: boolean;
  AutoPromote?: boolean;
  ProgressDeadline?: Nanoseconds;
  RequireProgressBy?: string;
  Promoted?: boolean;
  PlacedCanaries?: string[] | null;
  DesiredCanaries?: number;
  DesiredTotal?: number;
  PlacedAllocs?: number;
  HealthyAllocs?: number;
  UnhealthyAllocs?: number;
  [key: string]: unknown;
}

export interface Deployment {
  ID: string;
  Namespace?: string;
  JobID: string;
  JobVersion: number;
  JobModifyIndex?: number;
  JobSpecModifyIndex?: number;
  JobCreateIndex?: number;
  IsMultiregion?: boolean;
  TaskGroups: Record<string, DeploymentState> | null;
  /** 'running' | 'paused' | 'failed' | 'successful' | 'cancelled' | 'pending' | 'blocked' | 'unblocking'. */
  Status: string;
  StatusDescription: string;
  CreateIndex: number;
  ModifyIndex: number;
  [key: string]: unknown;
}

export interface FieldDiff {
  /** 'None' | 'Added' | 'Deleted' | 'Edited'. */
  Type: string;
  Name: string;
  Old: string;
  New: string;
  Annotations: string[] | null;
  [key: string]: unknown;
}

export interface ObjectDiff {
  Type: string;
  Name: string;
  Fields: FieldDiff[] | null;
  Objects: ObjectDiff[] | null;
  [key: string]: unknown;
}

export interface TaskDiff {
  Type: string;
  Name: string;
  Fields: FieldDiff[] | null;
  Objects: ObjectDiff[] | null;
  Annotations: string[] | null;
  [key: string]: unknown;
}

export interface TaskGroupDiff {
  Type: string;
  Name: string;
  Fields: FieldDiff[] | null;
  Objects: ObjectDiff[] | null;
  Tasks: TaskDiff[] | null;
  /** Plan only: counts keyed by 'create', 'destroy', 'ignore', 'in-place update', 'create/destroy update', ... */
  Updates: Record<string, number> | null;
  [key: string]: unknown;
}

export interface JobDiff {
  Type: string;
  ID: string;
  Fields: FieldDiff[] | null;
  Objects: ObjectDiff[] | null;
  TaskGroups: TaskGroupDiff[] | null;
  [key: string]: unknown;
}

/** GET /v1/job/:id/versions: newest first; `Diffs[i]` leads from Versions[i+1] to Versions[i] (only with diffs=true). */
export interface JobVersionsResponse {
  Versions: Job[];
  Diffs: JobDiff[] | null;
  Index?: number;
  KnownLeader?: boolean;
  LastContact?: number;
  [key: string]: unknown;
}

export interface DesiredUpdates {
  Ignore: number;
  Place: number;
  Migrate: number;
  Stop: number;
  InPlaceUpdate: number;
  DestructiveUpdate: number;
  Canary: number;
  Preemptions?: number;
  [key: string]: unknown;
}

export interface PlanAnnotations {
  DesiredTGUpdates: Record<string, DesiredUpdates> | null;
  PreemptedAllocs?: AllocationListStub[] | null;
  [key: string]: unknown;
}

export interface JobPlanResponse {
  Annotations: PlanAnnotations | null;
  /** `null` unless the plan asked for a diff. */
  Diff: JobDiff | null;
  FailedTGAllocs: Record<string, AllocationMetric> | null;
  JobModifyIndex: number;
  /** RFC 3339 time of the next periodic launch, or null / the zero time for non-periodic jobs. */
  NextPeriodicLaunch: string | null;
  CreatedEvals: Evaluation[] | null;
  Warnings: string;
  Index?: number;
  [key: string]: unknown;
}

export interface JobRegisterResponse {
  /** Empty for periodic and parameterized jobs, which get no evaluation. */
  EvalID: string;
  EvalCreateIndex: number;
  JobModifyIndex: number;
  Warnings?: string;
  Index: number;
  KnownLeader?: boolean;
  LastContact?: number;
  [key: string]: unknown;
}

/** What every deployment change (promote, pause, fail, allocation health) answers. */
export interface DeploymentUpdateResponse {
  EvalID?: string;
  EvalCreateIndex?: number;
  DeploymentModifyIndex?: number;
  /** Set when failing the deployment reverted the job. */
  RevertedJobVersion?: number | null;
  Index?: number;
  [key: string]: unknown;
}

export interface JobDeregisterResponse {
  EvalID: string;
  EvalCreateIndex: number;
  JobModifyIndex: number;
  Index: number;
  [key: string]: unknown;
}

export interface JobDispatchResponse {
  /** `<parent>/dispatch-<unix>-<8 hex>`: contains a slash. */
  DispatchedJobID: string;
  EvalID: string;
  EvalCreateIndex: number;
  JobCreateIndex: number;
  Index: number;
  [key: string]: unknown;
}

export interface PeriodicForceResponse {
  EvalID: string;
  EvalCreateIndex: number;
  Index: number;
  [key: string]: unknown;
}

export interface JobStabilityResponse {
  Index: number;
  [key: string]: unknown;
}

export interface Namespace {
  Name: string;
  Description: string;
  Quota?: string;
  Meta?: Record<string, string> | null;
  CreateIndex: number;
  ModifyIndex: number;
  [key: string]: unknown;
}

export interface AgentVersionInfo {
  Version?: string;
  VersionPrerelease?: string;
  VersionMetadata?: string;
  Revision?: string;
  [key: string]: unknown;
}

/** GET /v1/agent/self. Old agents put a plain string in `config.Version`. */
export interface AgentSelf {
  config?: {
    Region?: string;
    Datacenter?: string;
    Version?: AgentVersionInfo | string;
    ACL?: { Enabled?: boolean; [key: string]: unknown };
    [key: string]: unknown;
  } | null;
  member?: {
    Name?: string;
    Tags?: Record<string, string> | null;
    [key: string]: unknown;
  } | null;
  stats?: Record<string, unknown> | null;
  [key: string]: unknown;
}

/** One task driver as a node reports it. */
export interface NodeDriverInfo {
  Detected?: boolean;
  Healthy?: boolean;
  HealthDescription?: string;
  Attributes?: Record<string, string> | null;
  [key: string]: unknown;
}

/** A row of GET /v1/nodes. NodePool exists since Nomad 1.6; Drivers since 0.9. */
export interface NodeListStub {
  ID: string;
  Name: string;
  Datacenter?: string;
  NodeClass?: string;
  NodePool?: string;
  Status: string;
  StatusDescription?: string;
  SchedulingEligibility?: string;
  Drain?: boolean;
  Drivers?: Record<string, NodeDriverInfo> | null;
  Address?: string;
  Version?: string;
  CreateIndex?: number;
  ModifyIndex?: number;
  [key: string]: unknown;
}

/** GET /v1/node/:id: the stub's fields plus attributes, meta and the drain strategy. */
export interface NomadNode extends NodeListStub {
  Attributes?: Record<string, string> | null;
  Meta?: Record<string, string> | null;
  DrainStrategy?: { Deadline?: Nanoseconds; ForceDeadline?: string; IgnoreSystemJobs?: boolean; [key: string]: unknown } | null;
}

/** What the node eligibility and drain endpoints answer. */
export interface NodeUpdateResponse {
  EvalIDs?: string[] | null;
  EvalCreateIndex?: number;
  NodeModifyIndex?: number;
  Index?: number;
  [key: string]: unknown;
}
