// Converts an HCL-JSON jobspec (`{"job": {"web": {"group": {...}}}}`, what
// `nomad job run file.json` reads) into the API JSON Job that the plan and
// register endpoints take. Name mapping comes from hclJsonSpec.ts; anything it
// does not know follows the general snake_case -> PascalCase rule.
import { parseGoDuration } from '../nomad/duration';
import { BlockSpec, DURATIONS, JOB_SPEC, TASK_SPEC, pascalCase } from './hclJsonSpec';

export class JobConversionError extends Error {
  override readonly name = 'JobConversionError';
}

type JsonObject = Record<string, unknown>;

/** API maps of strings: HCL-JSON may hold numbers or booleans there, the API wants strings. */
const STRING_MAPS = new Set(['Meta', 'Env', 'CanaryMeta', 'GetterOptions', 'GetterHeaders']);

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
  const { task: loneTasks, ...rest } = body;
  const job: JsonObject = { ID: id, ...convertBody(rest, JOB_SPEC, 'job') };
  job.Name ??= id;
  if (loneTasks !== undefined) {
    // A task written directly in the job runs in a group of its own, named after it.
    const holder: JsonObject = {};
    convertBlocks('task', loneTasks, TASK_SPEC, holder, 'job');
    const groups = ((holder.Tasks as JsonObject[]) ?? []).map((task) => ({ Name: task.Name, Tasks: [task] }));
    job.TaskGroups = [...groups, ...((job.TaskGroups as JsonObject[] | undefined) ?? [])];
  }
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

function convertBody(hcl: JsonObject, spec: BlockSpec, path: string): JsonObject {
  const api: JsonObject = {};
  for (const [key, value] of Object.entries(hcl)) {
    const where = `${path}.${key}`;
    const mapName = spec.maps?.[key];
    const blockSpec = spec.blocks?.[key];
    if (mapName) api[mapName] = convertMap(value, STRING_MAPS.has(mapName), where);
    else if (blockSpec) convertBlocks(key, value, blockSpec, api, where);
    else if (isObject(value) || (Array.isArray(value) && value.length > 0 && value.every(isObject))) {
      convertBlocks(key, value, { repeat: Array.isArray(value) }, api, where);
    } else api[spec.fields?.[key] ?? pascalCase(key)] = convertValue(key, value, spec, where);
  }
  spec.finish?.(api, hcl);
  return api;
}

function convertBlocks(key: string, value: unknown, spec: BlockSpec, api: JsonObject, path: string): void {
  const apiName = spec.api ?? pascalCase(key);
  const converted: [string | undefined, JsonObject][] = spec.label
    ? labeledEntries(value, path).map(([label, body]) => [label, { [spec.label as string]: label, ...convertBody(body, spec, path) }])
    : unlabeledEntries(value, path).map((body) => [undefined, convertBody(body, spec, path)]);
  for (const [label, object] of converted) {
    if (spec.mapByLabel) api[apiName] = { ...(api[apiName] as JsonObject | undefined), [label as string]: object };
    else if (spec.repeat) api[apiName] = [...((api[apiName] as unknown[] | undefined) ?? []), object];
    else api[apiName] = object;
  }
}

function convertValue(key: string, value: unknown, spec: BlockSpec, path: string): unknown {
  if (typeof value !== 'string' || !(DURATIONS.has(key) || spec.durations?.includes(key))) return value;
  try {
    return Math.round(parseGoDuration(value) * 1e6); // milliseconds -> the API's nanoseconds
  } catch {
    throw new JobConversionError(`${path}: "${value}" is not a duration such as "30s" or "5m".`);
  }
}

/** A free-form map: an object, or (block form) an array of objects merged in order. */
function convertMap(value: unknown, stringValues: boolean, path: string): JsonObject {
  const parts = Array.isArray(value) ? value : [value];
  const merged: JsonObject = {};
  for (const part of parts) {
    if (!isObject(part)) throw new JobConversionError(`${path} must be an object.`);
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

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
