// How HCL names in a jobspec map to API JSON fields, for the blocks that job
// files commonly use. Anything not listed falls back to the general rule
// (snake_case -> PascalCase, with Nomad's acronyms), which is what Nomad's own
// api structs follow for most fields. Facts come from Nomad's api structs and
// jobspec2 decoder; a schema-driven table can replace this one later.

export interface BlockSpec {
  /** API field the block (or blocks) go to; default: PascalCase of the HCL name. */
  api?: string;
  /** Repeatable: the API field is an array. */
  repeat?: boolean;
  /** Labeled block: the API field that receives the label. */
  label?: string;
  /** Labeled blocks gathered into an API map keyed by label (`volume "x"`). */
  mapByLabel?: boolean;
  /** Attribute renames where the general rule gives the wrong API name. */
  fields?: Record<string, string>;
  /** Free-form maps copied with their keys untouched: HCL name -> API name. */
  maps?: Record<string, string>;
  /** Attributes holding durations only in this block (the global list is in DURATIONS). */
  durations?: string[];
  blocks?: Record<string, BlockSpec>;
  /** Rewrites the converted object where HCL and API shapes differ. */
  finish?: (api: Record<string, unknown>, hcl: Record<string, unknown>) => void;
}

/** Attribute names that hold a duration wherever they appear (API: integer nanoseconds). */
export const DURATIONS = new Set([
  'interval', 'timeout', 'delay', 'max_delay', 'min_healthy_time', 'healthy_deadline', 'progress_deadline', 'stagger',
  'kill_timeout', 'shutdown_delay', 'stop_after_client_disconnect', 'max_client_disconnect', 'grace', 'splay',
]);

/** Words that the API spells in capitals. */
export const ACRONYMS: Record<string, string> = {
  id: 'ID', cpu: 'CPU', mb: 'MB', dns: 'DNS', tls: 'TLS', http: 'HTTP', grpc: 'GRPC', url: 'URL', ip: 'IP', ttl: 'TTL',
  cidr: 'CIDR', iops: 'IOPS', csi: 'CSI',
};

const TARGET_FIELDS = { attribute: 'LTarget', value: 'RTarget', operator: 'Operand' };
/** Shorthand attributes of constraint/affinity that set the operator: name -> which side receives the value. */
const OPERATOR_SHORTHANDS: Record<string, 'RTarget' | 'LTarget' | 'none'> = {
  version: 'RTarget', semver: 'RTarget', regexp: 'RTarget', set_contains: 'RTarget', set_contains_all: 'RTarget',
  set_contains_any: 'RTarget', distinct_property: 'LTarget', distinct_hosts: 'none', is_set: 'none', is_not_set: 'none',
};

function applyOperatorShorthands(api: Record<string, unknown>, hcl: Record<string, unknown>): void {
  for (const [name, side] of Object.entries(OPERATOR_SHORTHANDS)) {
    const value = hcl[name];
    if (value === undefined || value === false || value === '') continue;
    delete api[pascalCase(name)];
    api.Operand = name;
    if (side !== 'none') api[side] = String(value);
  }
  api.Operand ??= '=';
}

/** `port "x" { static = 80 }` is a reserved port; ports without `static` are dynamic. */
function splitPorts(api: Record<string, unknown>): void {
  const ports = (api.DynamicPorts as Record<string, unknown>[] | undefined) ?? [];
  const reserved = ports.filter((port) => typeof port.Value === 'number' && port.Value > 0);
  const dynamic = ports.filter((port) => !reserved.includes(port));
  if (reserved.length) api.ReservedPorts = [...((api.ReservedPorts as unknown[]) ?? []), ...reserved];
  if (dynamic.length) api.DynamicPorts = dynamic;
  else delete api.DynamicPorts;
}

export function pascalCase(name: string): string {
  return name
    .split('_')
    .map((word) => ACRONYMS[word] ?? word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

const constraint: BlockSpec = { api: 'Constraints', repeat: true, fields: TARGET_FIELDS, finish: applyOperatorShorthands };
const affinity: BlockSpec = { api: 'Affinities', repeat: true, fields: TARGET_FIELDS, finish: applyOperatorShorthands };
const spread: BlockSpec = { api: 'Spreads', repeat: true, blocks: { target: { api: 'SpreadTarget', repeat: true, label: 'Value' } } };
const network: BlockSpec = {
  api: 'Networks',
  repeat: true,
  fields: { mbits: 'MBits' },
  blocks: {
    port: { api: 'DynamicPorts', repeat: true, label: 'Label', fields: { static: 'Value' } },
    reserved_ports: { api: 'ReservedPorts', repeat: true, label: 'Label', fields: { static: 'Value' } },
    dns: { api: 'DNS' },
  },
  finish: splitPorts,
};
const check: BlockSpec = {
  api: 'Checks',
  repeat: true,
  fields: { port: 'PortLabel', task: 'TaskName' },
  maps: { header: 'Header' },
  blocks: { check_restart: { api: 'CheckRestart' } },
};
const service: BlockSpec = {
  api: 'Services',
  repeat: true,
  fields: { port: 'PortLabel', task: 'TaskName' },
  maps: { meta: 'Meta', canary_meta: 'CanaryMeta', tagged_addresses: 'TaggedAddresses' },
  blocks: { check },
};
const restart: BlockSpec = { api: 'RestartPolicy' };
const update: BlockSpec = { api: 'Update' };
const migrate: BlockSpec = { api: 'Migrate' };
const reschedule: BlockSpec = { api: 'ReschedulePolicy' };

export const TASK_SPEC: BlockSpec = {
  api: 'Tasks',
  repeat: true,
  label: 'Name',
  maps: { config: 'Config', env: 'Env', meta: 'Meta' },
  blocks: {
    constraint,
    affinity,
    service,
    restart,
    resources: {
      api: 'Resources',
      fields: { memory: 'MemoryMB', memory_max: 'MemoryMaxMB', disk: 'DiskMB' },
      blocks: { network, device: { api: 'Devices', repeat: true, label: 'Name', blocks: { constraint, affinity } } },
    },
    template: {
      api: 'Templates',
      repeat: true,
      fields: {
        source: 'SourcePath', destination: 'DestPath', data: 'EmbeddedTmpl', left_delimiter: 'LeftDelim',
        right_delimiter: 'RightDelim', env: 'Envvars', error_on_missing_key: 'ErrMissingKey',
      },
      blocks: { wait: { api: 'Wait', durations: ['min', 'max'] } },
    },
    artifact: {
      api: 'Artifacts',
      repeat: true,
      fields: { source: 'GetterSource', destination: 'RelativeDest', mode: 'GetterMode' },
      maps: { options: 'GetterOptions', headers: 'GetterHeaders' },
    },
    logs: { api: 'LogConfig', fields: { max_file_size: 'MaxFileSizeMB' } },
    lifecycle: { api: 'Lifecycle' },
    vault: { api: 'Vault' },
    volume_mount: { api: 'VolumeMounts', repeat: true },
    dispatch_payload: { api: 'DispatchPayload' },
  },
};

const group: BlockSpec = {
  api: 'TaskGroups',
  repeat: true,
  label: 'Name',
  maps: { meta: 'Meta' },
  blocks: {
    task: TASK_SPEC,
    constraint,
    affinity,
    spread,
    network,
    service,
    restart,
    update,
    migrate,
    reschedule,
    ephemeral_disk: { api: 'EphemeralDisk', fields: { size: 'SizeMB' } },
    volume: { api: 'Volumes', mapByLabel: true, label: 'Name', blocks: { mount_options: { api: 'MountOptions' } } },
    scaling: { api: 'Scaling', maps: { policy: 'Policy' }, finish: (api) => void (api.Type ??= 'horizontal') },
  },
};

/** The body of `job "<id>" { ... }` (the converter sets ID and Name from the label). */
export const JOB_SPEC: BlockSpec = {
  maps: { meta: 'Meta' },
  blocks: {
    group,
    constraint,
    affinity,
    spread,
    update,
    migrate,
    reschedule,
    periodic: {
      api: 'Periodic',
      fields: { cron: 'Spec' },
      finish: (api) => void (api.Spec !== undefined && (api.SpecType ??= 'cron')),
    },
    parameterized: { api: 'ParameterizedJob' },
  },
};
