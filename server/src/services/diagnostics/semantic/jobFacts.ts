// The job as Nomad validates it: groups and tasks with their merged blocks
// and defaults (see effective.ts), worked out once per validation for all rules.
import {
  EffectiveBlock,
  ephemeralDiskDefaults,
  logDefaults,
  migrateDefaults,
  periodicDefaults,
  rescheduleDefaults,
  resourceDefaults,
  restartDefaults,
  updateDefaults,
  type Default,
  type EffectiveValue,
} from './effective';
import { numberOf, stringOf, type FieldView, type ObjectView } from './jobView';

export interface TaskFacts {
  readonly view: ObjectView;
  readonly name: string | undefined;
  readonly group: GroupFacts;
  readonly resources: EffectiveBlock;
  readonly logs: EffectiveBlock;
  /** The task's own restart block merged over the group's policy; undefined when the task has none. */
  readonly restart: EffectiveBlock | undefined;
}

export interface GroupFacts {
  readonly view: ObjectView;
  readonly name: string | undefined;
  /** `count`, else the scaling block's `min`, else 1; undefined when written as an expression. */
  readonly count: EffectiveValue<number> | undefined;
  readonly restart: EffectiveBlock;
  /** Undefined when Nomad gives the group none (system jobs that do not write one). */
  readonly reschedule: EffectiveBlock | undefined;
  /** The job's and the group's `update`, merged; undefined when neither is written. */
  readonly update: EffectiveBlock | undefined;
  readonly migrate: EffectiveBlock | undefined;
  readonly ephemeralDisk: EffectiveBlock;
  readonly tasks: readonly TaskFacts[];
  /** The ports of the group's network blocks and of its tasks' resources networks, with the network holding each. */
  readonly ports: ReadonlyArray<{ readonly port: ObjectView; readonly network: ObjectView }>;
  /** The labels of those ports (undefined for one that needs evaluation). */
  readonly portLabels: ReadonlySet<string | undefined>;
  readonly taskNames: ReadonlySet<string | undefined>;
  /** The group's restart policy, then each task's own restart block merged over it. */
  readonly restartPolicies: readonly EffectiveBlock[];
}

export interface ServiceAt {
  readonly service: ObjectView;
  readonly group: GroupFacts;
  /** The task holding the service, or undefined for a group service. */
  readonly task: ObjectView | undefined;
}

export interface PlacementLevel {
  readonly view: ObjectView;
  readonly level: 'job' | 'group' | 'task';
}

export interface JobFacts {
  readonly view: ObjectView;
  /** `type`, or Nomad's default `service`; undefined when written as an expression. */
  readonly type: string | undefined;
  readonly typeField: FieldView | undefined;
  readonly periodic: EffectiveBlock | undefined;
  readonly groups: readonly GroupFacts[];
  // Lists many rules walk, worked out once per validation.
  readonly tasks: readonly TaskFacts[];
  readonly services: readonly ServiceAt[];
  /** The job, its groups and tasks: the levels that hold constraints, affinities and spreads. */
  readonly levels: readonly PlacementLevel[];
  /** The groups' merged update blocks, where one is written. */
  readonly updates: readonly EffectiveBlock[];
  /** The written reschedule policies Nomad validates: not those of system jobs, where the block itself is the mistake. */
  readonly reschedulePolicies: readonly EffectiveBlock[];
  /** Vault blocks of tasks, and those of the job and groups that HCL hands down to their tasks. */
  readonly vaults: readonly ObjectView[];
}

const JOB_TYPES = ['service', 'batch', 'system', 'sysbatch'];

/**
 * The job's facts. Each one is worked out when a rule first asks and kept for
 * the others: a rule whose subject the job does not have (no migrate block,
 * no task restart) then costs nothing for it, and the lists are built with
 * plain loops, since this runs on every validation of a large job.
 */
export function jobFacts(view: ObjectView): JobFacts {
  return new Job(view);
}

class Job implements JobFacts {
  readonly type: string | undefined;
  readonly typeField: FieldView | undefined;
  readonly groups: readonly GroupFacts[];
  private periodicBlock: EffectiveBlock | undefined | null = null;
  private taskList: TaskFacts[] | undefined;
  private serviceList: ServiceAt[] | undefined;
  private levelList: PlacementLevel[] | undefined;
  private updateList: EffectiveBlock[] | undefined;
  private rescheduleList: EffectiveBlock[] | undefined;
  private vaultList: ObjectView[] | undefined;

  constructor(readonly view: ObjectView) {
    this.typeField = view.field('Type');
    const written = this.typeField ? stringOf(this.typeField) : 'service';
    // An unknown type is the enum rule's finding; the rules that depend on the type stay quiet.
    this.type = written !== undefined && JOB_TYPES.includes(written) ? written : undefined;
    const groups: GroupFacts[] = [];
    for (const group of view.objects('TaskGroups')) groups.push(new Group(group, this));
    this.groups = groups;
  }

  /** `type` as the defaults tables take it: '' for an unknown type. */
  get jobType(): string {
    return this.type ?? '';
  }

  get periodic(): EffectiveBlock | undefined {
    if (this.periodicBlock === null) {
      const periodic = this.view.objects('Periodic')[0];
      this.periodicBlock = periodic ? new EffectiveBlock([periodic], periodicDefaults, periodic.place) : undefined;
    }
    return this.periodicBlock;
  }

  get tasks(): readonly TaskFacts[] {
    if (!this.taskList) {
      const tasks: TaskFacts[] = [];
      for (const group of this.groups) for (const task of group.tasks) tasks.push(task);
      this.taskList = tasks;
    }
    return this.taskList;
  }

  get services(): readonly ServiceAt[] {
    if (!this.serviceList) {
      const services: ServiceAt[] = [];
      for (const group of this.groups) {
        for (const service of group.view.objects('Services')) services.push({ service, group, task: undefined });
        for (const task of group.tasks) for (const service of task.view.objects('Services')) services.push({ service, group, task: task.view });
      }
      this.serviceList = services;
    }
    return this.serviceList;
  }

  get levels(): readonly PlacementLevel[] {
    if (!this.levelList) {
      const levels: PlacementLevel[] = [{ view: this.view, level: 'job' }];
      for (const group of this.groups) {
        levels.push({ view: group.view, level: 'group' });
        for (const task of group.tasks) levels.push({ view: task.view, level: 'task' });
      }
      this.levelList = levels;
    }
    return this.levelList;
  }

  get updates(): readonly EffectiveBlock[] {
    if (!this.updateList) {
      const updates: EffectiveBlock[] = [];
      for (const group of this.groups) if (group.update) updates.push(group.update);
      this.updateList = updates;
    }
    return this.updateList;
  }

  get reschedulePolicies(): readonly EffectiveBlock[] {
    if (!this.rescheduleList) {
      const policies: EffectiveBlock[] = [];
      if (this.type !== 'system') for (const group of this.groups) if (group.reschedule && group.reschedule.layers.some(Boolean)) policies.push(group.reschedule);
      this.rescheduleList = policies;
    }
    return this.rescheduleList;
  }

  get vaults(): readonly ObjectView[] {
    if (!this.vaultList) {
      // `vault` by its HCL name at the job and group: the API has none there.
      const vaults = [...this.view.objects('vault')];
      for (const group of this.groups) {
        vaults.push(...group.view.objects('vault'));
        for (const task of group.tasks) vaults.push(...task.view.objects('Vault'));
      }
      this.vaultList = vaults;
    }
    return this.vaultList;
  }
}

class Group implements GroupFacts {
  readonly tasks: readonly TaskFacts[];
  private countValue: EffectiveValue<number> | undefined | null = null;
  private restartBlock: EffectiveBlock | undefined;
  private rescheduleBlock: EffectiveBlock | undefined | null = null;
  private updateBlock: EffectiveBlock | undefined | null = null;
  private migrateBlock: EffectiveBlock | undefined | null = null;
  private diskBlock: EffectiveBlock | undefined;
  private portList: Array<GroupFacts['ports'][number]> | undefined;
  private portLabelSet: Set<string | undefined> | undefined;
  private taskNameSet: Set<string | undefined> | undefined;
  private restartList: EffectiveBlock[] | undefined;

  constructor(readonly view: ObjectView, readonly job: Job) {
    const tasks: TaskFacts[] = [];
    for (const task of view.objects('Tasks')) tasks.push(new Task(task, this));
    this.tasks = tasks;
  }

  get name(): string | undefined {
    return stringOf(this.view.field('Name'));
  }

  get count(): EffectiveValue<number> | undefined {
    if (this.countValue === null) this.countValue = groupCount(this.view);
    return this.countValue;
  }

  get restart(): EffectiveBlock {
    return (this.restartBlock ??= new EffectiveBlock([this.view.objects('RestartPolicy')[0]], restartDefaults(this.job.jobType), this.view.place));
  }

  get reschedule(): EffectiveBlock | undefined {
    if (this.rescheduleBlock === null) {
      const jobReschedule = this.job.view.objects('Reschedule')[0];
      const reschedule = this.view.objects('ReschedulePolicy')[0];
      const jobType = this.job.jobType;
      this.rescheduleBlock = jobType === 'system' && !jobReschedule && !reschedule ? undefined : new EffectiveBlock([jobReschedule, reschedule], rescheduleDefaults(jobType), this.view.place);
    }
    return this.rescheduleBlock;
  }

  get update(): EffectiveBlock | undefined {
    if (this.updateBlock === null) this.updateBlock = this.merged('Update', updateDefaults);
    return this.updateBlock;
  }

  get migrate(): EffectiveBlock | undefined {
    if (this.migrateBlock === null) this.migrateBlock = this.merged('Migrate', migrateDefaults);
    return this.migrateBlock;
  }

  /** The job's block merged under the group's block of the same name; undefined when neither is written. */
  private merged(name: string, defaults: Readonly<Record<string, Default>>): EffectiveBlock | undefined {
    const outer = this.job.view.objects(name)[0];
    const inner = this.view.objects(name)[0];
    return outer || inner ? new EffectiveBlock([outer, inner], defaults, this.view.place) : undefined;
  }

  get ephemeralDisk(): EffectiveBlock {
    return (this.diskBlock ??= new EffectiveBlock([this.view.objects('EphemeralDisk')[0]], ephemeralDiskDefaults, this.view.place));
  }

  get ports(): GroupFacts['ports'] {
    if (!this.portList) {
      const ports: Array<GroupFacts['ports'][number]> = [];
      const add = (network: ObjectView): void => {
        for (const port of network.objects('ReservedPorts')) ports.push({ port, network });
        for (const port of network.objects('DynamicPorts')) ports.push({ port, network });
      };
      for (const network of this.view.objects('Networks')) add(network);
      for (const task of this.tasks) for (const resources of task.view.objects('Resources')) for (const network of resources.objects('Networks')) add(network);
      this.portList = ports;
    }
    return this.portList;
  }

  get portLabels(): ReadonlySet<string | undefined> {
    if (!this.portLabelSet) {
      const labels = new Set<string | undefined>();
      for (const { port } of this.ports) labels.add(stringOf(port.field('Label')));
      this.portLabelSet = labels;
    }
    return this.portLabelSet;
  }

  get taskNames(): ReadonlySet<string | undefined> {
    if (!this.taskNameSet) {
      const names = new Set<string | undefined>();
      for (const task of this.tasks) names.add(task.name);
      this.taskNameSet = names;
    }
    return this.taskNameSet;
  }

  get restartPolicies(): readonly EffectiveBlock[] {
    if (!this.restartList) {
      const policies = [this.restart];
      for (const task of this.tasks) if (task.restart) policies.push(task.restart);
      this.restartList = policies;
    }
    return this.restartList;
  }
}

class Task implements TaskFacts {
  private resourcesBlock: EffectiveBlock | undefined;
  private logsBlock: EffectiveBlock | undefined;
  private restartBlock: EffectiveBlock | undefined | null = null;

  constructor(readonly view: ObjectView, readonly group: Group) {}

  get name(): string | undefined {
    return stringOf(this.view.field('Name'));
  }

  get resources(): EffectiveBlock {
    return (this.resourcesBlock ??= new EffectiveBlock([this.view.objects('Resources')[0]], resourceDefaults, this.view.place));
  }

  get logs(): EffectiveBlock {
    return (this.logsBlock ??= new EffectiveBlock([this.view.objects('LogConfig')[0]], logDefaults, this.view.place));
  }

  get restart(): EffectiveBlock | undefined {
    if (this.restartBlock === null) {
      const own = this.view.objects('RestartPolicy')[0];
      this.restartBlock = own ? new EffectiveBlock([this.group.view.objects('RestartPolicy')[0], own], restartDefaults(this.group.job.jobType), this.view.place) : undefined;
    }
    return this.restartBlock;
  }
}

function groupCount(group: ObjectView): EffectiveValue<number> | undefined {
  const count = group.field('Count');
  if (count) {
    const value = numberOf(count);
    return value === undefined ? undefined : { value, field: count, place: count.place };
  }
  const min = group.objects('Scaling')[0]?.field('Min');
  if (min) {
    const value = numberOf(min);
    return value === undefined ? undefined : { value, field: min, place: min.place };
  }
  return { value: 1, field: undefined, place: group.place };
}

