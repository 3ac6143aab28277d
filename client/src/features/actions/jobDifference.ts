// What reverting would change: a local comparison of two versions of a job.
// Nomad's `versions?diffs=true` only relates each version to the one before
// it, while the user needs "picked version vs current", so we compare the two
// Job objects ourselves. Bookkeeping fields (indexes, times, status) are not
// part of the definition and are skipped; task groups, tasks and other named
// lists are matched by Name so reordering is not reported as a change.
import type { Job } from '../../nomad/types';

export interface FieldChange {
  /** e.g. `TaskGroups[web].Tasks[app].Config.image`. */
  path: string;
  /** Display text of the value in the current version; undefined when absent there. */
  current?: string;
  /** Display text of the value in the candidate version; undefined when absent there. */
  candidate?: string;
}

const BOOKKEEPING = new Set([
  'Version', 'SubmitTime', 'CreateIndex', 'ModifyIndex', 'JobModifyIndex', 'Stable', 'Status', 'StatusDescription',
  'NomadTokenID', 'VaultToken', 'ConsulToken',
]);

/** Every definition field that differs between the current job and a candidate version. */
export function jobDifferences(current: Job, candidate: Job): FieldChange[] {
  const changes: FieldChange[] = [];
  compare(current, candidate, '', changes, true);
  return changes;
}

function compare(a: unknown, b: unknown, path: string, out: FieldChange[], topLevel = false): void {
  // A map that is null on one side (Go's nil map) is compared key by key with an empty one;
  // a whole object missing on one side (a removed group or task) stays one change.
  if (isPlainObject(a) && b !== undefined && isEmpty(b)) b = {};
  if (isPlainObject(b) && a !== undefined && isEmpty(a)) a = {};
  if (isPlainObject(a) && isPlainObject(b)) {
    for (const key of unionKeys(a, b)) {
      if (topLevel && BOOKKEEPING.has(key)) continue;
      compare(a[key], b[key], path ? `${path}.${key}` : key, out);
    }
    return;
  }
  if (isNamedList(a) && isNamedList(b)) {
    const byName = (list: Array<Record<string, unknown>>) => new Map(list.map((item) => [String(item.Name), item]));
    const left = byName(a);
    const right = byName(b);
    for (const name of new Set([...left.keys(), ...right.keys()])) compare(left.get(name), right.get(name), `${path}[${name}]`, out);
    return;
  }
  if (isEmpty(a) && isEmpty(b)) return;
  if (JSON.stringify(a) === JSON.stringify(b)) return;
  out.push({ path, current: display(a), candidate: display(b) });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNamedList(value: unknown): value is Array<Record<string, unknown>> {
  return Array.isArray(value) && value.length > 0 && value.every((item) => isPlainObject(item) && typeof item.Name === 'string');
}

/** Go sends nil as null and empty as [] / {} / "" inconsistently across versions; all mean "nothing". */
function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return isPlainObject(value) && Object.keys(value).length === 0;
}

function unionKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])];
}

function display(value: unknown): string | undefined {
  if (isEmpty(value)) return undefined;
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** One line for a quick pick: the first few changes and how many more there are. */
export function summarizeDifferences(changes: readonly FieldChange[], shown = 3): string {
  if (changes.length === 0) return 'Same definition as the current version';
  const parts = changes.slice(0, shown).map((change) => {
    if (change.current === undefined) return `${change.path} added (${change.candidate})`;
    if (change.candidate === undefined) return `${change.path} removed`;
    return `${change.path}: ${change.current} → ${change.candidate}`;
  });
  const more = changes.length - shown;
  return `Would change ${parts.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
}
