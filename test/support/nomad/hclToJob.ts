// Turns parsed HCL (hclParser.ts) into the API JSON of a job: block and
// argument names map to Nomad's JSON fields (`group` -> TaskGroups, `memory`
// -> MemoryMB, durations -> nanoseconds). Names not listed fall back to
// snake_case -> PascalCase, which matches Nomad for most simple fields.
import { parseGoDuration } from '../../../client/src/nomad/duration';
import { Block, Body, Expr, hclError, HclError, parseHcl } from './hclParser';

type Obj = Record<string, unknown>;

interface Schema {
  /** hcl argument -> JSON field. */
  fields?: Record<string, string>;
  /** hcl block -> how it nests. */
  blocks?: Record<string, BlockRule>;
  /** Values added when the block is present (e.g. SpecType for cron). */
  implied?: Obj;
}

interface BlockRule {
  json: string;
  /** Repeated blocks become a list; otherwise the block is one object. */
  list?: boolean;
  /** Field receiving the first label (group "web" -> Name). */
  label?: string;
  /** Keys kept verbatim (config, env, meta). */
  raw?: boolean;
  schema?: Schema;
}

const DURATIONS = new Set([
  'KillTimeout', 'ShutdownDelay', 'MinHealthyTime', 'HealthyDeadline', 'ProgressDeadline', 'Stagger', 'Interval',
  'Delay', 'MaxDelay', 'Timeout', 'StopAfterClientDisconnect', 'Splay',
]);

const RAW = (json: string): BlockRule => ({ json, raw: true });
const CONSTRAINT: Schema = { fields: { attribute: 'LTarget', value: 'RTarget', operator: 'Operand' }, implied: { Operand: '=' } };
const SERVICE: Schema = {
  fields: { port: 'PortLabel' },
  blocks: { check: { json: 'Checks', list: true, schema: { fields: { port: 'PortLabel' } } }, meta: RAW('Meta') },
};
const COMMON_BLOCKS: Record<string, BlockRule> = {
  constraint: { json: 'Constraints', list: true, schema: CONSTRAINT },
  affinity: { json: 'Affinities', list: true, schema: CONSTRAINT },
  spread: { json: 'Spreads', list: true },
  meta: RAW('Meta'),
  restart: { json: 'RestartPolicy' },
  reschedule: { json: 'ReschedulePolicy' },
  update: { json: 'Update' },
  service: { json: 'Services', list: true, schema: SERVICE },
};
const TASK: Schema = {
  blocks: {
    ...COMMON_BLOCKS,
    config: RAW('Config'),
    env: RAW('Env'),
    resources: { json: 'Resources', schema: { fields: { cpu: 'CPU', memory: 'MemoryMB', memory_max: 'MemoryMaxMB', disk: 'DiskMB' } } },
    template: {
      json: 'Templates',
      list: true,
      schema: { fields: { data: 'EmbeddedTmpl', destination: 'DestPath', source: 'SourcePath', change_mode: 'ChangeMode', change_signal: 'ChangeSignal' } },
    },
    artifact: { json: 'Artifacts', list: true, schema: { fields: { source: 'GetterSource', destination: 'RelativeDest' }, blocks: { options: RAW('GetterOptions') } } },
    logs: { json: 'LogConfig', schema: { fields: { max_files: 'MaxFiles', max_file_size: 'MaxFileSizeMB' } } },
    dispatch_payload: { json: 'DispatchPayload' },
    lifecycle: { json: 'Lifecycle' },
  },
};
const GROUP: Schema = {
  blocks: {
    ...COMMON_BLOCKS,
    task: { json: 'Tasks', list: true, label: 'Name', schema: TASK },
    ephemeral_disk: { json: 'EphemeralDisk', schema: { fields: { size: 'SizeMB' } } },
    network: { json: 'Networks', list: true },
    migrate: { json: 'Migrate' },
  },
};
const JOB: Schema = {
  blocks: {
    ...COMMON_BLOCKS,
    group: { json: 'TaskGroups', list: true, label: 'Name', schema: GROUP },
    periodic: { json: 'Periodic', schema: { fields: { cron: 'Spec' }, implied: { SpecType: 'cron' } } },
    parameterized: { json: 'ParameterizedJob' },
  },
};

const pascal = (name: string): string => name.split('_').map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('');

class Evaluator {
  constructor(private readonly variables: Map<string, unknown>) {}

  value(expr: Expr): unknown {
    switch (expr.kind) {
      case 'literal':
        return expr.value;
      case 'template':
        return expr.text.replace(/\$\{\s*var\.([A-Za-z_][\w-]*)\s*\}/g, (_m, name: string) => String(this.variable(name, expr)));
      case 'list':
        return expr.items.map((item) => this.value(item));
      case 'object':
        return Object.fromEntries(expr.entries.map(([k, v]) => [k, this.value(v)]));
      case 'ref':
        if (expr.path[0] !== 'var' || expr.path.length !== 2) {
          throw hclError(expr.range, 'Unknown variable', `There is no variable named "${expr.path[0]}".`);
        }
        return this.variable(expr.path[1], expr);
    }
  }

  private variable(name: string, expr: Expr): unknown {
    if (!this.variables.has(name)) {
      throw hclError(expr.range, 'Unsupported attribute', `This object does not have an attribute named "${name}".`);
    }
    return this.variables.get(name);
  }

  /** A body's arguments and blocks as JSON, following `schema`. */
  body(body: Body, schema: Schema): Obj {
    const out: Obj = { ...schema.implied };
    for (const attr of body.attributes) {
      const json = schema.fields?.[attr.name] ?? pascal(attr.name);
      const value = this.value(attr.value);
      out[json] = DURATIONS.has(json) && typeof value === 'string' ? parseGoDuration(value) * 1e6 : value;
    }
    for (const block of body.blocks) {
      const rule = schema.blocks?.[block.type] ?? { json: pascal(block.type) };
      const value = rule.raw ? this.raw(block.body) : this.body(block.body, rule.schema ?? {});
      if (rule.label && block.labels[0] !== undefined) value[rule.label] = block.labels[0];
      if (rule.list) out[rule.json] = [...((out[rule.json] as unknown[]) ?? []), value];
      else out[rule.json] = value;
    }
    return out;
  }

  /** Verbatim keys; nested blocks become lists of objects (docker's `port_map {}` style). */
  private raw(body: Body): Obj {
    const out: Obj = {};
    for (const attr of body.attributes) out[attr.name] = this.value(attr.value);
    for (const block of body.blocks) out[block.type] = [...((out[block.type] as unknown[]) ?? []), this.raw(block.body)];
    return out;
  }
}

/** `name = "value"` lines, the format of Nomad's -var-file and the parse endpoint's Variables. */
function parseVariableText(text: string): Map<string, unknown> {
  const body = parseHcl(text);
  const evaluator = new Evaluator(new Map());
  return new Map(body.attributes.map((attr) => [attr.name, evaluator.value(attr.value)]));
}

function declaredVariables(body: Body, given: Map<string, unknown>): Map<string, unknown> {
  const values = new Map<string, unknown>();
  const literal = new Evaluator(new Map());
  for (const block of body.blocks.filter((b) => b.type === 'variable')) {
    const name = block.labels[0];
    const fallback = block.body.attributes.find((attr) => attr.name === 'default');
    if (given.has(name)) values.set(name, given.get(name));
    else if (fallback) values.set(name, literal.value(fallback.value));
    else throw hclError(block.range, `Unset variable "${name}"`, 'A used variable must be set or have a default value.');
  }
  return values;
}

/** HCL source -> API job JSON (before canonicalization). Throws HclError with Nomad-style text. */
export function hclToJob(source: string, variables = '', hclV1 = false): Obj {
  const body = parseHcl(source, hclV1);
  const values = declaredVariables(body, variables.trim() ? parseVariableText(variables) : new Map());
  const jobs = body.blocks.filter((b: Block) => b.type === 'job');
  if (jobs.length !== 1) {
    throw new HclError(jobs.length === 0 ? 'input.hcl: Missing job block; A job block is required.' : 'input.hcl: Duplicate job block; Only one job block is allowed.');
  }
  const [job] = jobs;
  const out = new Evaluator(values).body(job.body, JOB);
  out.ID = job.labels[0];
  out.Name ??= job.labels[0];
  return out;
}
