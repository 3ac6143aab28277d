// A simplified version of Nomad's job diff, enough for plan and versions
// responses to carry the structure real servers send: job fields, objects
// (Update, Config, ...), task groups matched by name, tasks matched by name,
// `Meta[key]` and `args[0]` style field names, and — in contextual mode —
// unchanged fields of an edited object listed with Type "None".
import type { FieldDiff, Job, JobDiff, ObjectDiff, TaskDiff, TaskGroupDiff } from '../../../client/src/nomad/types';

type Obj = Record<string, unknown>;
type DiffType = 'None' | 'Added' | 'Deleted' | 'Edited';

const JOB_IGNORED = new Set([
  'ID', 'Name', 'Status', 'StatusDescription', 'Stable', 'Version', 'CreateIndex', 'ModifyIndex', 'JobModifyIndex',
  'SubmitTime', 'TaskGroups', 'Update', 'NomadTokenID', 'ConsulToken', 'VaultToken', 'Payload', 'Dispatched', 'ParentID',
]);
const SINGULAR: Record<string, string> = {
  Affinities: 'Affinity', Constraints: 'Constraint', Services: 'Service', Templates: 'Template', Artifacts: 'Artifact',
  Spreads: 'Spread', Networks: 'Network', Checks: 'Check', VolumeMounts: 'VolumeMount',
};

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPrimitive = (v: unknown): boolean => v === null || v === undefined || typeof v !== 'object';
const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const orNull = <T>(list: T[]): T[] | null => (list.length ? list : null);

function field(name: string, old: unknown, next: unknown, oldPresent: boolean, newPresent: boolean): FieldDiff {
  let type: DiffType = 'None';
  if (!oldPresent && newPresent) type = 'Added';
  else if (oldPresent && !newPresent) type = 'Deleted';
  else if (text(old) !== text(next)) type = 'Edited';
  return { Annotations: null, Name: name, New: newPresent ? text(next) : '', Old: oldPresent ? text(old) : '', Type: type };
}

/** Flattens nested values into `a.b` / `args[0]` keyed primitives, like Nomad's flatmap. */
function flatten(value: unknown, prefix: string, out: Map<string, unknown>): Map<string, unknown> {
  if (Array.isArray(value)) value.forEach((item, i) => flatten(item, `${prefix}[${i}]`, out));
  else if (isObj(value)) for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  else if (value !== null && value !== undefined && prefix) out.set(prefix, value);
  return out;
}

function fieldDiffs(old: Map<string, unknown>, next: Map<string, unknown>, contextual: boolean): FieldDiff[] {
  const names = [...new Set([...old.keys(), ...next.keys()])].sort();
  return names
    .map((name) => field(name, old.get(name), next.get(name), old.has(name), next.has(name)))
    .filter((diff) => contextual || diff.Type !== 'None');
}

function objectType(old: unknown, next: unknown, changed: boolean): DiffType {
  if (old === null || old === undefined) return 'Added';
  if (next === null || next === undefined) return 'Deleted';
  return changed ? 'Edited' : 'None';
}

function objectDiff(name: string, old: unknown, next: unknown, contextual: boolean): ObjectDiff | undefined {
  if ((old === null || old === undefined) && (next === null || next === undefined)) return undefined;
  const fields = fieldDiffs(flatten(old, '', new Map()), flatten(next, '', new Map()), false);
  const type = objectType(old, next, fields.length > 0);
  if (type === 'None') return undefined;
  const shown = type === 'Edited' && contextual ? fieldDiffs(flatten(old, '', new Map()), flatten(next, '', new Map()), true) : fields;
  return { Fields: orNull(shown), Name: name, Objects: null, Type: type };
}

/** A set of primitives (Datacenters) as one object whose fields are the added and removed members. */
function setDiff(name: string, old: unknown[], next: unknown[]): ObjectDiff | undefined {
  const before = new Set(old.map(text));
  const after = new Set(next.map(text));
  const fields: FieldDiff[] = [];
  for (const v of after) if (!before.has(v)) fields.push(field(name, '', v, false, true));
  for (const v of before) if (!after.has(v)) fields.push(field(name, v, '', true, false));
  if (!fields.length) return undefined;
  return { Fields: fields, Name: name, Objects: null, Type: old.length === 0 ? 'Added' : next.length === 0 ? 'Deleted' : 'Edited' };
}

/** Field and object diffs of one level (job, group or task), skipping `ignored` keys. */
function levelDiff(old: Obj | null, next: Obj | null, ignored: Set<string>, contextual: boolean): { fields: FieldDiff[]; objects: ObjectDiff[] } {
  const fields: FieldDiff[] = [];
  const objects: ObjectDiff[] = [];
  const a = old ?? {};
  const b = next ?? {};
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    if (ignored.has(key)) continue;
    const [x, y] = [a[key], b[key]];
    const arrays = Array.isArray(x) || Array.isArray(y);
    if (arrays && [x, y].every((v) => v == null || (Array.isArray(v) && v.every(isPrimitive)))) {
      const diff = setDiff(key, (x as unknown[]) ?? [], (y as unknown[]) ?? []);
      if (diff) objects.push(diff);
    } else if (arrays) {
      const xs = (x as unknown[]) ?? [];
      const ys = (y as unknown[]) ?? [];
      for (let i = 0; i < Math.max(xs.length, ys.length); i++) {
        const diff = objectDiff(SINGULAR[key] ?? key, xs[i], ys[i], contextual);
        if (diff) objects.push(diff);
      }
    } else if ((isObj(x) || isObj(y)) && ['Meta', 'Env'].includes(key)) {
      const prefixed = (v: unknown): Map<string, unknown> =>
        new Map(Object.entries(isObj(v) ? v : {}).map(([k, val]) => [`${key}[${k}]`, val]));
      fields.push(...fieldDiffs(prefixed(x), prefixed(y), false));
    } else if (isObj(x) || isObj(y)) {
      const diff = objectDiff(key, x, y, contextual);
      if (diff) objects.push(diff);
    } else if (old && next && text(x) !== text(y)) {
      fields.push(field(key, x, y, true, true));
    } else if (!old || !next) {
      if (x !== null && x !== undefined && x !== '') fields.push(field(key, x, y, true, false));
      if (y !== null && y !== undefined && y !== '') fields.push(field(key, x, y, false, true));
    }
  }
  return { fields, objects };
}

function byName(list: unknown): Map<string, Obj> {
  return new Map(((list as Obj[] | null) ?? []).map((item) => [String(item.Name), item]));
}

function taskDiffs(old: unknown, next: unknown, contextual: boolean): TaskDiff[] {
  const [a, b] = [byName(old), byName(next)];
  return [...new Set([...a.keys(), ...b.keys()])].sort().map((name) => {
    const { fields, objects } = levelDiff(a.get(name) ?? null, b.get(name) ?? null, new Set(['Name']), contextual);
    const type = objectType(a.get(name), b.get(name), fields.length + objects.length > 0);
    return { Annotations: null, Fields: orNull(fields), Name: name, Objects: orNull(objects), Type: type };
  });
}

function groupDiffs(old: unknown, next: unknown, contextual: boolean): TaskGroupDiff[] {
  const [a, b] = [byName(old), byName(next)];
  return [...new Set([...a.keys(), ...b.keys()])].sort().map((name) => {
    const [x, y] = [a.get(name) ?? null, b.get(name) ?? null];
    const { fields, objects } = levelDiff(x, y, new Set(['Name', 'Tasks']), contextual);
    const tasks = taskDiffs(x?.Tasks, y?.Tasks, contextual);
    const changed = fields.length + objects.length > 0 || tasks.some((t) => t.Type !== 'None');
    return { Fields: orNull(fields), Name: name, Objects: orNull(objects), Tasks: orNull(tasks), Type: objectType(x, y, changed), Updates: null };
  });
}

/** Diff from `old` to `next` (either may be null for a new or removed job). */
export function jobDiff(old: Job | null, next: Job | null, contextual: boolean): JobDiff {
  const { fields, objects } = levelDiff(old as Obj | null, next as Obj | null, JOB_IGNORED, contextual);
  const groups = groupDiffs(old?.TaskGroups, next?.TaskGroups, contextual);
  const changed = fields.length + objects.length > 0 || groups.some((g) => g.Type !== 'None');
  return {
    Fields: orNull(fields),
    ID: String(next?.ID ?? old?.ID ?? ''),
    Objects: orNull(objects),
    TaskGroups: orNull(groups),
    Type: objectType(old, next, changed),
  };
}
