// Converts an HCL-JSON jobspec (`{"job": {"web": {"group": {...}}}}`, what
// `nomad job run file.json` reads) into the API JSON Job that the plan and
// register endpoints take. Names, kinds and durations come from the jobspec
// schema (jobSchemaIndex.ts); the few rules that Nomad's parser applies in
// code (constraint shorthands, static ports, a task outside a group, ...)
// are the finishers below.
import { parseGoDuration } from '../../nomad/duration';
import { JobConversionError } from './jobConversionError';
import { hclField, type HclField } from './jobSchemaIndex';

type JsonObject = Record<string, unknown>;

export function hclJsonToApiJob(root: unknown): JsonObject {
  if (!isObject(root) || root.job === undefined) throw new JobConversionError('An HCL-JSON job file needs a top-level "job" object.');
  for (const key of ['variable', 'variables', 'locals']) {
    if (key in root) {
      throw new JobConversionError(
        `This HCL-JSON file declares "${key}", which only Nomad's HCL parser can evaluate. Use an HCL job file (.nomad.hcl) for variables.`,
      );
    }
  }
  const jobs = labeledEntries(root.job, 'job');
  if (jobs.length !== 1) throw new JobConversionError(`A job file holds exactly one job; this one has ${jobs.length}.`);
  const [id, body] = jobs[0];
  const job: JsonObject = { ID: id, ...convertBody(body, 'Job', `job "${id}"`) };
  job.Name ??= id;
  return job;
}

/** API JSON is either `{"Job": {...}}` or the bare Job object. */
export function unwrapApiJob(root: unknown): JsonObject {
  const job = isObject(root) && isObject(root.Job) ? root.Job : root;
  if (!isObject(job) || typeof job.ID !== 'string' || job.ID === '') {
    throw new JobConversionError('An API JSON job needs an "ID" (either at the top level or inside "Job").');
  }
  return job;
}

/** Post-processing per struct; receives the HCL-only values and returns the names it took care of. */
type Finisher = (api: JsonObject, hclOnly: JsonObject, path: string) => string[];

const OPERATOR_TAKES: Record<string, 'RTarget' | 'LTarget' | undefined> = {
  version: 'RTarget', semver: 'RTarget', regexp: 'RTarget', set_contains: 'RTarget', set_contains_all: 'RTarget',
  set_contains_any: 'RTarget', distinct_property: 'LTarget', distinct_hosts: undefined, is_set: undefined, is_not_set: undefined,
};

/** `distinct_hosts = true`, `version = ">= 1.2"`, ...: shorthands that set the operator. */
const operatorShorthands: Finisher = (api, hclOnly) => {
  for (const [name, value] of Object.entries(hclOnly)) {
    if (value === false || value === '' || value === null) continue;
    api.Operand = name;
    const side = OPERATOR_TAKES[name];
    if (side) api[side] = String(value);
  }
  api.Operand ??= '=';
  return Object.keys(hclOnly).filter((name) => name in OPERATOR_TAKES);
};

/** A `vault` block beside tasks applies to each task that has none of its own. */
function inheritVault(tasks: unknown, vault: unknown, path: string): void {
  if (vault === undefined) return;
  const converted = convertBody(lastEntry(vault, `${path}.vault`), 'Vault', `${path}.vault`);
  for (const task of (tasks as JsonObject[] | undefined) ?? []) task.Vault ??= converted;
}

const FINISHERS: Record<string, Finisher> = {
  Constraint: operatorShorthands,
  Affinity: operatorShorthands,
  NetworkResource: (api) => {
    // Ports with a static value are reserved; the others are dynamic.
    const ports = (api.DynamicPorts as JsonObject[] | undefined) ?? [];
    const reserved = ports.filter((port) => typeof port.Value === 'number' && port.Value > 0);
    const dynamic = ports.filter((port) => !reserved.includes(port));
    if (reserved.length) api.ReservedPorts = [...((api.ReservedPorts as unknown[] | undefined) ?? []), ...reserved];
    if (dynamic.length) api.DynamicPorts = dynamic;
    else delete api.DynamicPorts;
    return [];
  },
  PeriodicConfig: (api) => {
    if (api.Spec !== undefined || api.Specs !== undefined) api.SpecType ??= 'cron';
    return [];
  },
  Task: (api) => {
    // `scaling "cpu"` / `scaling "mem"`: the label names the vertical policy type.
    for (const policy of (api.ScalingPolicies as JsonObject[] | undefined) ?? []) {
      if (policy.Type === 'cpu' || policy.Type === 'mem') policy.Type = `vertical_${policy.Type}`;
    }
    return [];
  },
  TaskGroup: (api, hclOnly, path) => {
    if (isObject(api.Scaling)) api.Scaling.Type ??= 'horizontal';
    inheritVault(api.Tasks, hclOnly.vault, path);
    return ['vault'];
  },
  Job: (api, hclOnly, path) => {
    if (hclOnly.task !== undefined) {
      // A task written directly in the job runs in a group of its own, named after it.
      const holder: JsonObject = {};
      assign(holder, hclField('TaskGroup', 'task') as HclField, hclOnly.task, `${path}.task`);
      const groups = ((holder.Tasks as JsonObject[]) ?? []).map((task) => ({ Name: task.Name, Tasks: [task] }));
      api.TaskGroups = [...groups, ...((api.TaskGroups as JsonObject[] | undefined) ?? [])];
    }
    for (const group of (api.TaskGroups as JsonObject[] | undefined) ?? []) inheritVault(group.Tasks, hclOnly.vault, path);
    return ['task', 'vault'];
  },
};

function convertBody(hcl: JsonObject, definition: string, path: string): JsonObject {
  const api: JsonObject = {};
  const hclOnly: JsonObject = {};
  for (const [key, value] of Object.entries(hcl)) {
    const field = hclField(definition, key);
    if (!field) throw new JobConversionError(`${path}: "${key}" is not something Nomad accepts here.`);
    if (field.hclOnly) hclOnly[key] = value;
    else assign(api, field, value, `${path}.${key}`);
  }
  const handled = FINISHERS[definition]?.(api, hclOnly, path) ?? [];
  const left = Object.keys(hclOnly).filter((key) => !handled.includes(key));
  if (left.length) {
    throw new JobConversionError(`${path}: "${left[0]}" is not supported in HCL-JSON files here; write the job in HCL (.nomad.hcl) instead.`);
  }
  return api;
}

function assign(api: JsonObject, field: HclField, value: unknown, path: string): void {
  const body = (entry: JsonObject): JsonObject => convertBody(entry, field.definition as string, path);
  switch (field.kind) {
    case 'attribute':
      api[field.api] = field.duration ? duration(value, path) : value;
      return;
    case 'mapAttribute':
      api[field.api] = freeMap(value, field.stringValues, path);
      return;
    case 'block':
      api[field.api] = field.definition ? body(lastEntry(value, path)) : freeMap(value, field.stringValues, path);
      return;
    case 'blocks':
      api[field.api] = [...((api[field.api] as unknown[] | undefined) ?? []), ...unlabeledEntries(value, path).map(body)];
      return;
    case 'labeledBlocks':
    case 'mapBlocks': {
      const labelField = field.label ?? 'Name';
      for (const [label, entry] of labeledEntries(value, path)) {
        const converted = { [labelField]: label, ...convertBody(entry, field.definition as string, `${path} "${label}"`) };
        if (field.kind === 'mapBlocks') api[field.api] = { ...(api[field.api] as JsonObject | undefined), [label]: converted };
        else api[field.api] = [...((api[field.api] as unknown[] | undefined) ?? []), converted];
      }
    }
  }
}

function duration(value: unknown, path: string): unknown {
  if (typeof value !== 'string') return value;
  try {
    return Math.round(parseGoDuration(value) * 1e6); // milliseconds -> the API's nanoseconds
  } catch {
    throw new JobConversionError(`${path}: "${value}" is not a duration such as "30s" or "5m".`);
  }
}

/** A free-form map: an object, or (block form) an array of objects merged in order. */
function freeMap(value: unknown, stringValues: boolean, path: string): JsonObject {
  const merged: JsonObject = {};
  for (const part of unlabeledEntries(value, path)) {
    for (const [key, item] of Object.entries(part)) {
      merged[key] = stringValues && item !== null && typeof item !== 'object' ? String(item) : item;
    }
  }
  return merged;
}

/** HCL-JSON writes labeled blocks as `{"label": {...}}`, `{"label": [{...}]}` or an array of either. */
function labeledEntries(value: unknown, path: string): [string, JsonObject][] {
  const entries: [string, JsonObject][] = [];
  for (const holder of Array.isArray(value) ? value : [value]) {
    if (!isObject(holder)) throw new JobConversionError(`${path} must be an object keyed by its label.`);
    for (const [label, bodies] of Object.entries(holder)) {
      for (const body of Array.isArray(bodies) ? bodies : [bodies]) {
        if (!isObject(body)) throw new JobConversionError(`${path} "${label}" must be an object.`);
        entries.push([label, body]);
      }
    }
  }
  return entries;
}

function unlabeledEntries(value: unknown, path: string): JsonObject[] {
  const bodies = Array.isArray(value) ? value : [value];
  for (const body of bodies) if (!isObject(body)) throw new JobConversionError(`${path} must be an object.`);
  return bodies as JsonObject[];
}

/** A block that may appear once: the last one written wins. */
function lastEntry(value: unknown, path: string): JsonObject {
  const entries = unlabeledEntries(value, path);
  return entries[entries.length - 1] ?? {};
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
