// How the fake turns a submitted job into what a real v1.0 server stores and
// returns: the API-side canonical form (what /v1/jobs/parse answers), the
// stored form (what reads answer), and validation with Go multierror text.
// Defaults and key sets follow the recorded samples.
import type { Job, Task, TaskGroup } from '../../../client/src/nomad/types';

type Obj = Record<string, unknown>;
type JobType = string;

const SECOND = 1e9;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Default update block a service job gets when it has none (api.DefaultUpdateStrategy). */
const DEFAULT_UPDATE = {
  AutoPromote: false,
  AutoRevert: false,
  Canary: 0,
  HealthCheck: 'checks',
  HealthyDeadline: 5 * MINUTE,
  MaxParallel: 1,
  MinHealthyTime: 10 * SECOND,
  ProgressDeadline: 10 * MINUTE,
  Stagger: 30 * SECOND,
};

const RESTART = {
  service: { Attempts: 2, Delay: 15 * SECOND, Interval: 30 * MINUTE, Mode: 'fail' },
  batch: { Attempts: 3, Delay: 15 * SECOND, Interval: 24 * HOUR, Mode: 'fail' },
};
const RESCHEDULE = {
  service: { Attempts: 0, Delay: 30 * SECOND, DelayFunction: 'exponential', Interval: 0, MaxDelay: HOUR, Unlimited: true },
  batch: { Attempts: 1, Delay: 5 * SECOND, DelayFunction: 'constant', Interval: 24 * HOUR, MaxDelay: 0, Unlimited: false },
};
const MIGRATE = { HealthCheck: 'checks', HealthyDeadline: 5 * MINUTE, MaxParallel: 1, MinHealthyTime: 10 * SECOND };

// Key -> value when not canonicalized (Go pointer fields are null, plain fields keep their zero value).
const JOB_ZERO: Obj = {
  Affinities: null, AllAtOnce: null, Constraints: null, ConsulToken: null, CreateIndex: null, Datacenters: null,
  Dispatched: false, ID: null, JobModifyIndex: null, Meta: null, Migrate: null, ModifyIndex: null, Multiregion: null,
  Name: null, Namespace: null, NomadTokenID: null, ParameterizedJob: null, ParentID: null, Payload: null, Periodic: null,
  Priority: null, Region: null, Reschedule: null, Spreads: null, Stable: null, Status: null, StatusDescription: null,
  Stop: null, SubmitTime: null, TaskGroups: null, Type: null, Update: null, VaultNamespace: null, VaultToken: null,
  Version: null,
};
const JOB_CANONICAL: Obj = {
  AllAtOnce: false, ConsulToken: '', CreateIndex: 0, JobModifyIndex: 0, ModifyIndex: 0, Namespace: 'default',
  NomadTokenID: '', ParentID: '', Priority: 50, Region: 'global', Stable: false, Status: '', StatusDescription: '',
  Stop: false, Type: 'service', VaultNamespace: '', VaultToken: '', Version: 0,
};
const GROUP_ZERO: Obj = {
  Affinities: null, Constraints: null, Count: null, EphemeralDisk: null, Meta: null, Migrate: null, Name: null,
  Networks: null, ReschedulePolicy: null, RestartPolicy: null, Scaling: null, Services: null, ShutdownDelay: null,
  Spreads: null, StopAfterClientDisconnect: null, Tasks: null, Update: null, Volumes: null,
};
const TASK_ZERO: Obj = {
  Affinities: null, Artifacts: null, Config: null, Constraints: null, DispatchPayload: null, Driver: '', Env: null,
  KillSignal: '', KillTimeout: null, Kind: '', Leader: false, Lifecycle: null, LogConfig: null, Meta: null, Name: '',
  Resources: null, RestartPolicy: null, ScalingPolicies: null, Services: null, ShutdownDelay: 0, Templates: null,
  User: '', Vault: null, VolumeMounts: null,
};

export function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keeps only the keys Nomad decodes (Go drops unknown JSON fields), filling the rest from `zero`. */
function pick(input: unknown, zero: Obj): Obj {
  const source = isObj(input) ? input : {};
  const out: Obj = {};
  for (const key of Object.keys(zero)) out[key] = source[key] ?? clone(zero[key]);
  return out;
}

function withDefaults(value: unknown, defaults: Obj): Obj {
  const out: Obj = { ...defaults };
  if (isObj(value)) for (const [k, v] of Object.entries(value)) if (v !== null && v !== undefined) out[k] = v;
  return out;
}

function kind(type: JobType): 'service' | 'batch' {
  return type === 'batch' || type === 'sysbatch' ? 'batch' : 'service';
}

function canonicalTask(input: unknown, group: Obj): Task {
  const task = pick(input, TASK_ZERO);
  task.KillTimeout ??= 5 * SECOND;
  task.LogConfig = withDefaults(task.LogConfig, { MaxFileSizeMB: 10, MaxFiles: 10 });
  task.Resources = withDefaults(task.Resources, { CPU: 100, Devices: null, DiskMB: null, IOPS: null, MemoryMB: 300, Networks: null });
  task.RestartPolicy = withDefaults(task.RestartPolicy, group.RestartPolicy as Obj);
  return task as Task;
}

function canonicalGroup(input: unknown, job: Obj): TaskGroup {
  const group = pick(input, GROUP_ZERO);
  const type = kind(String(job.Type));
  group.Count ??= 1;
  group.EphemeralDisk = withDefaults(group.EphemeralDisk, { Migrate: false, SizeMB: 300, Sticky: false });
  group.RestartPolicy = withDefaults(group.RestartPolicy, RESTART[type]);
  group.ReschedulePolicy = withDefaults(group.ReschedulePolicy, RESCHEDULE[type]);
  if (type === 'service') {
    group.Migrate = withDefaults(group.Migrate, MIGRATE);
    group.Update = withDefaults(group.Update, job.Update as Obj);
  } else if (group.Update !== null) {
    group.Update = withDefaults(group.Update, DEFAULT_UPDATE);
  }
  group.Tasks = Array.isArray(group.Tasks) ? group.Tasks.map((task) => canonicalTask(task, group)) : null;
  return group as TaskGroup;
}

/** The api.Job form: with `canonicalize`, defaults filled in as the server's Canonicalize does. */
export function apiJob(input: unknown, canonicalize: boolean): Job {
  const job = pick(input, JOB_ZERO);
  if (!canonicalize) {
    job.TaskGroups = Array.isArray(job.TaskGroups)
      ? job.TaskGroups.map((g) => ({ ...pick(g, GROUP_ZERO), Tasks: tasksOf(g).map(rawTask) }))
      : null;
    return job as Job;
  }
  for (const [key, value] of Object.entries(JOB_CANONICAL)) job[key] ??= value;
  job.Name ??= job.ID;
  if (kind(String(job.Type)) === 'service') job.Update = withDefaults(job.Update, DEFAULT_UPDATE);
  if (isObj(job.Periodic)) {
    job.Periodic = withDefaults(job.Periodic, { Enabled: true, ProhibitOverlap: false, SpecType: 'cron', TimeZone: 'UTC' });
  }
  if (isObj(job.ParameterizedJob)) {
    job.ParameterizedJob = withDefaults(job.ParameterizedJob, { MetaOptional: null, MetaRequired: null, Payload: 'optional' });
  }
  job.TaskGroups = Array.isArray(job.TaskGroups) ? job.TaskGroups.map((g) => canonicalGroup(g, job)) : null;
  return job as Job;
}

const RESOURCES_ZERO: Obj = { CPU: null, Devices: null, DiskMB: null, IOPS: null, MemoryMB: null, Networks: null };

function rawTask(input: unknown): Obj {
  const task = pick(input, TASK_ZERO);
  if (isObj(task.Resources)) task.Resources = pick(task.Resources, RESOURCES_ZERO);
  return task;
}

function tasksOf(group: unknown): unknown[] {
  return isObj(group) && Array.isArray(group.Tasks) ? group.Tasks : [];
}

/** The structs.Job form a server stores and returns from reads. */
export function storedJob(input: unknown): Job {
  const job = apiJob(input, true) as Obj;
  delete job.Migrate;
  delete job.Reschedule;
  const update = isObj(job.Update) ? job.Update : {};
  // The job-level update block survives only as the legacy Stagger/MaxParallel pair.
  job.Update = { ...DEFAULT_UPDATE, HealthCheck: '', HealthyDeadline: 0, MinHealthyTime: 0, ProgressDeadline: 0,
    MaxParallel: update.MaxParallel ?? 0, Stagger: update.Stagger ?? 0 };
  for (const group of (job.TaskGroups ?? []) as Obj[]) {
    for (const task of (group.Tasks ?? []) as Obj[]) {
      const resources = task.Resources as Obj;
      resources.DiskMB ??= 0;
      resources.IOPS ??= 0;
      task.CSIPluginConfig = null;
    }
  }
  return job as Job;
}

/** Go's multierror text, byte-exact ("1 error occurred:\n\t* ...\n\n"). */
export function multiError(items: string[]): string {
  const noun = items.length === 1 ? 'error' : 'errors';
  return `${items.length} ${noun} occurred:\n\t${items.map((item) => `* ${item}`).join('\n\t')}\n\n`;
}

function validateTask(task: Task): string[] {
  const errors: string[] = [];
  if (!task.Name) errors.push('Missing task name');
  if (!task.Driver) errors.push('Missing task driver');
  return errors;
}

function validateGroup(group: TaskGroup): string[] {
  const errors: string[] = [];
  if (!group.Name) errors.push('Missing task group name');
  if ((group.Count ?? 0) < 0) errors.push("Task group count can't be negative");
  const tasks = group.Tasks ?? [];
  if (tasks.length === 0) errors.push('Missing tasks for task group');
  for (const task of tasks) {
    const taskErrors = validateTask(task);
    if (taskErrors.length) errors.push(`Task ${task.Name} validation failed: ${multiError(taskErrors)}`);
  }
  return errors;
}

/** Validation problems of a stored job as Nomad's multierror text, or undefined when valid. */
export function validateJob(job: Job): string | undefined {
  const errors: string[] = [];
  if (!job.ID) errors.push('Missing job ID');
  else if (job.ID.includes(' ')) errors.push('Job ID contains a space');
  if (!job.Name) errors.push('Missing job name');
  if (!['service', 'batch', 'system', 'sysbatch'].includes(String(job.Type))) errors.push(`Invalid job type: "${job.Type}"`);
  if ((job.Priority ?? 0) < 1 || (job.Priority ?? 0) > 100) errors.push('Job priority must be between [1, 100]');
  if (!job.Datacenters?.length) errors.push('Missing job datacenters');
  if (!job.TaskGroups?.length) errors.push('Missing job task groups');
  if (job.Periodic && job.Type !== 'batch') errors.push('Periodic can only be used with "batch" scheduler');
  if (job.ParameterizedJob && job.Type !== 'batch') errors.push('Parameterized job can only be used with "batch" scheduler');
  for (const group of job.TaskGroups ?? []) {
    const groupErrors = validateGroup(group);
    if (groupErrors.length) errors.push(`Task group ${group.Name} validation failed: ${multiError(groupErrors)}`);
  }
  return errors.length ? multiError(errors) : undefined;
}

/** The parts of a job whose change makes a new version (Nomad's SpecChanged ignores bookkeeping fields). */
export function specOf(job: Job): string {
  const spec = clone(job) as Obj;
  for (const key of ['Status', 'StatusDescription', 'Stable', 'Version', 'SubmitTime', 'CreateIndex', 'ModifyIndex', 'JobModifyIndex', 'VersionTag']) {
    delete spec[key];
  }
  return JSON.stringify(spec);
}
