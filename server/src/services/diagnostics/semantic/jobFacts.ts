// The job as Nomad validates it: groups and tasks with their merged blocks
// and defaults (see effective.ts), built once per validation for all rules.
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
}

const JOB_TYPES = ['service', 'batch', 'system', 'sysbatch'];

export function jobFacts(view: ObjectView): JobFacts {
  const typeField = view.field('Type');
  const written = typeField ? stringOf(typeField) : 'service';
  // An unknown type is the enum rule's finding; the rules that depend on the type stay quiet.
  const type = written !== undefined && JOB_TYPES.includes(written) ? written : undefined;
  const jobType = type ?? '';
  const jobUpdate = view.objects('Update')[0];
  const jobReschedule = view.objects('Reschedule')[0];
  const jobMigrate = view.objects('Migrate')[0];
  const periodicView = view.objects('Periodic')[0];
  const groups = view.objects('TaskGroups').map((group): GroupFacts => {
    const header = group.place;
    const update = group.objects('Update')[0];
    const reschedule = group.objects('ReschedulePolicy')[0];
    const migrate = group.objects('Migrate')[0];
    const facts: GroupFacts = {
      view: group,
      name: stringOf(group.field('Name')),
      count: groupCount(group),
      restart: new EffectiveBlock([group.objects('RestartPolicy')[0]], restartDefaults(jobType), header),
      reschedule: jobType === 'system' && !jobReschedule && !reschedule ? undefined : new EffectiveBlock([jobReschedule, reschedule], rescheduleDefaults(jobType), header),
      update: jobUpdate || update ? new EffectiveBlock([jobUpdate, update], updateDefaults, header) : undefined,
      migrate: jobMigrate || migrate ? new EffectiveBlock([jobMigrate, migrate], migrateDefaults, header) : undefined,
      ephemeralDisk: new EffectiveBlock([group.objects('EphemeralDisk')[0]], ephemeralDiskDefaults, header),
      tasks: [],
      ports: [],
    };
    const groupRestart = group.objects('RestartPolicy')[0];
    (facts.tasks as TaskFacts[]).push(
      ...group.objects('Tasks').map((task) => ({
        view: task,
        restart: task.objects('RestartPolicy')[0] ? new EffectiveBlock([groupRestart, task.objects('RestartPolicy')[0]], restartDefaults(jobType), task.place) : undefined,
        name: stringOf(task.field('Name')),
        group: facts,
        resources: new EffectiveBlock([task.objects('Resources')[0]], resourceDefaults, task.place),
        logs: new EffectiveBlock([task.objects('LogConfig')[0]], logDefaults, task.place),
      })),
    );
    const networks = [...group.objects('Networks'), ...facts.tasks.flatMap((task) => task.view.objects('Resources').flatMap((r) => r.objects('Networks')))];
    (facts.ports as Array<GroupFacts['ports'][number]>).push(...networks.flatMap((network) => [...network.objects('ReservedPorts'), ...network.objects('DynamicPorts')].map((port) => ({ port, network }))));
    return facts;
  });
  return {
    view,
    type,
    typeField,
    periodic: periodicView ? new EffectiveBlock([periodicView], periodicDefaults, periodicView.place) : undefined,
    groups,
    tasks: groups.flatMap((group) => group.tasks),
    services: groups.flatMap((group) => [
      ...group.view.objects('Services').map((service) => ({ service, group, task: undefined })),
      ...group.tasks.flatMap((task) => task.view.objects('Services').map((service) => ({ service, group, task: task.view }))),
    ]),
    levels: [
      { view, level: 'job' as const },
      ...groups.flatMap((group) => [{ view: group.view, level: 'group' as const }, ...group.tasks.map((task) => ({ view: task.view, level: 'task' as const }))]),
    ],
  };
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

