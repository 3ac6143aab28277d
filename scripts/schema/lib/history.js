// @ts-check
'use strict';
// Works out, for every struct field on the job tree, the first release that had it (`x-since`)
// and which fields older releases had that the pinned one lost (`x-removedIn`).
// Structs are matched by walking each release's tree from `Job` in step with the pinned tree,
// so a struct that was renamed between releases still lines up with its successor.

const { structOf, hclTag, jsonName } = require('./apiModel');
const { parseGoTypes } = require('./goStructs');

/** Every struct and alias in `api/*.go` (tests excluded) at a tag. */
function loadApiTypes(tree, tag) {
  const files = tree.listFiles(tag, 'api', (p) => p.endsWith('.go') && !p.endsWith('_test.go'));
  return parseGoTypes(tree.readBlobs(files.map((f) => f.oid)));
}

/**
 * Field of `old` that continues `field`: same Go name (so the same API key), else the same HCL
 * name (the jobspec spelling survived a rename of the Go field, e.g. `identity`).
 */
function counterpart(field, oldFields) {
  const byName = oldFields.find((f) => f.name === field.name);
  if (byName) return { prev: byName, sameKey: true };
  const tag = hclTag(field);
  if (!tag) return undefined;
  const prev = oldFields.find((f) => hclTag(f)?.name === tag.name && hclTag(f)?.kind === tag.kind);
  return prev ? { prev, sameKey: false } : undefined;
}

/**
 * Walk `pinTypes` and `oldTypes` together from Job.
 * @returns {Map<string, {fields: Set<string>, hclFields: Set<string>, extra: import('./goStructs').GoField[]}>}
 *   per pinned struct: fields whose API key the old release had, fields whose HCL spelling it had,
 *   and old fields with no successor
 */
function correspond(pinTypes, oldTypes) {
  /** @type {Map<string, {fields: Set<string>, hclFields: Set<string>, extra: import('./goStructs').GoField[]}>} */
  const result = new Map();
  const seen = new Set();
  const visit = (pinName, oldName) => {
    const key = `${pinName}\u0000${oldName}`;
    if (seen.has(key)) return;
    seen.add(key);
    const pin = pinTypes.get(pinName);
    const old = oldTypes.get(oldName);
    if (!pin || pin.kind !== 'struct' || !old || old.kind !== 'struct') return;
    const entry = result.get(pinName) ?? { fields: new Set(), hclFields: new Set(), extra: [] };
    result.set(pinName, entry);
    const matched = new Set();
    for (const field of pin.fields) {
      const match = counterpart(field, old.fields);
      if (!match || jsonName(match.prev) === undefined) continue;
      const { prev, sameKey } = match;
      matched.add(prev);
      if (sameKey) entry.fields.add(field.name);
      if (hclTag(prev) && hclTag(field)) entry.hclFields.add(field.name);
      const pinChild = structOf(field.type, pinTypes);
      const oldChild = structOf(prev.type, oldTypes);
      if (pinChild && oldChild) visit(pinChild, oldChild);
    }
    for (const prev of old.fields) {
      if (!matched.has(prev) && jsonName(prev) !== undefined && !entry.extra.some((e) => e.name === prev.name)) {
        entry.extra.push(prev);
      }
    }
  };
  visit('Job', 'Job');
  return result;
}

/** "v1.0.18" -> "1.0.0" (the baseline), others "vX.Y.Z" -> "X.Y.Z". */
function versionLabel(tag, baseline) {
  return tag === baseline ? '1.0.0' : tag.replace(/^v/, '');
}

/**
 * First release of an unbroken run of releases, ending at the pinned one, that all have the thing.
 * (A field added in a patch release can be missing from the next minor's first releases; the run
 * rule answers "every release from X on has it".)
 */
function sinceOf(presentIn, tags, baseline) {
  let i = tags.length - 1;
  if (!presentIn.has(tags[i])) return undefined;
  while (i > 0 && presentIn.has(tags[i - 1])) i--;
  return versionLabel(tags[i], baseline);
}

/**
 * @param {import('./gitTree').GitTree} tree
 * @param {string[]} tags oldest first; the first is the baseline, the last is the pinned tag
 * @param {Map<string, import('./goStructs').GoType>} pinTypes
 */
function buildHistory(tree, tags, pinTypes) {
  const baseline = tags[0];
  const pinTag = tags[tags.length - 1];
  /** @type {Map<string, Set<string>>} "Struct.Field" / "Struct.Field#hcl" / "Struct" -> tags having it */
  const presence = new Map();
  const mark = (key, tag) => {
    const set = presence.get(key) ?? new Set();
    presence.set(key, set);
    set.add(tag);
  };
  /** @type {Map<string, Map<string, {field: import('./goStructs').GoField, types: Map<string, any>, since: string, lastTag: string, removedIn?: string}>>} */
  const removed = new Map();

  for (const tag of tags) {
    const types = tag === pinTag ? pinTypes : loadApiTypes(tree, tag);
    const label = versionLabel(tag, baseline);
    for (const [structName, { fields, hclFields, extra }] of correspond(pinTypes, types)) {
      mark(structName, tag);
      for (const f of fields) mark(`${structName}.${f}`, tag);
      for (const f of hclFields) mark(`${structName}.${f}#hcl`, tag);
      const gone = removed.get(structName) ?? new Map();
      removed.set(structName, gone);
      for (const field of extra) {
        const known = gone.get(field.name);
        if (known) {
          Object.assign(known, { field, types, lastTag: tag });
          delete known.removedIn;
        } else gone.set(field.name, { field, types, since: label, lastTag: tag });
      }
      for (const info of gone.values()) {
        if (info.lastTag !== tag && info.removedIn === undefined) info.removedIn = label;
      }
    }
  }
  /** @type {Map<string, string>} */
  const since = new Map();
  for (const [key, set] of presence) {
    const v = sinceOf(set, tags, baseline);
    if (v) since.set(key, v);
  }
  return {
    fieldSince: since,
    structSince: since,
    /** When the HCL spelling of a field predates its API key (the Go field was renamed). */
    hclSince: (structName, field) => since.get(`${structName}.${field}#hcl`),
    removed,
  };
}

module.exports = { buildHistory, loadApiTypes, versionLabel };
