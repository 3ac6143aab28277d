// @ts-check
'use strict';
// Builds the `definitions` of job.schema.json: one per api struct reachable from Job, with
// HCL facts from the struct tags, history from older releases and words from the overlay.

const { schemaOf, jsonName, hclTag, hclShape } = require('./apiModel');
const { orderKeys, applyPropertyOverlay } = require('./overlay');
const { compareVersions } = require('./gitTree');

/** Text used when the overlay has no words for a field that older releases had. */
function removedSentence(version) {
  return `Dropped in Nomad ${version}; current servers ignore it.`;
}

/**
 * @param {object} args
 * @param {Map<string, import('./goStructs').GoType>} args.types pinned api types
 * @param {ReturnType<import('./history').buildHistory>} args.history
 * @param {Record<string, any>} args.overlay struct name -> overlay entry
 * @param {(msg: string) => void} args.warn
 */
function buildDefinitions({ types, history, overlay, warn }) {
  /** @type {Record<string, any>} */
  const definitions = {};
  const queue = ['Job'];
  const queued = new Set(queue);
  const refTo = (name) => {
    if (!queued.has(name)) {
      queued.add(name);
      queue.push(name);
    }
    return `#/definitions/${name}`;
  };

  while (queue.length > 0) {
    const name = /** @type {string} */ (queue.shift());
    const decl = types.get(name);
    if (!decl || decl.kind !== 'struct') throw new Error(`${name} is not a struct`);
    const words = overlay[name] ?? {};
    const definition = {
      description: words.description,
      type: ['object', 'null'],
      properties: {},
      additionalProperties: false,
      'x-since': history.structSince.get(name),
    };
    if (!words.description) warn(`no description for definition ${name}`);
    /** @type {string[]} */
    const required = [];
    const propWords = words.properties ?? {};

    for (const field of decl.fields) {
      const key = jsonName(field);
      if (key === undefined) continue;
      const { schema, duration } = schemaOf(field.type, types, refTo);
      const prop = { ...schema };
      const tag = hclTag(field);
      const shape = hclShape(field, types);
      if (shape && tag) {
        prop['x-hcl'] = tag.name;
        prop['x-hclKind'] = shape.kind;
        if (shape.label) prop['x-label'] = shape.label;
        if (tag.kind === 'attr' && !tag.optional) required.push(key);
      }
      if (duration) prop['x-duration'] = true;
      if (field.readOnly) prop['x-readOnly'] = true;
      prop['x-since'] = history.fieldSince.get(`${name}.${field.name}`);
      const hclSince = history.hclSince(name, field.name);
      if (prop['x-hcl'] && hclSince && compareVersions(hclSince, prop['x-since']) < 0) prop['x-hclSince'] = hclSince;
      if (field.deprecated && !(propWords[key] ?? {})['x-deprecated']) {
        warn(`${name}.${key} is marked deprecated in the source but the overlay has no x-deprecated sentence`);
      }
      definition.properties[key] = applyPropertyOverlay(prop, propWords[key], required, key, field, warn, `${name}.${key}`);
    }

    addRemovedFields(name, definition, history, propWords, types, warn);
    addHclOnly(name, definition, words.hclOnly ?? {}, refTo, warn);

    for (const key of Object.keys(propWords)) {
      if (!(key in definition.properties)) warn(`overlay ${name}.${key} matches no field`);
    }
    if (required.length > 0) definition.required = required;
    for (const [k, v] of Object.entries(words)) {
      if (k.startsWith('x-')) definition[k] = v;
    }
    definitions[name] = orderKeys(definition);
  }
  return definitions;
}

/** Fields older releases had and the pinned one does not: kept so old JSON still reads well. */
function addRemovedFields(name, definition, history, propWords, types, warn) {
  const gone = history.removed.get(name);
  if (!gone) return;
  for (const info of gone.values()) {
    const key = jsonName(info.field);
    if (key === undefined || key in definition.properties) continue;
    let schema;
    try {
      // struct types are only kept when the pinned release still has a definition for them
      ({ schema } = schemaOf(info.field.type, info.types, (s) => {
        if (!types.has(s)) throw new Error('gone');
        return `#/definitions/${s}`;
      }));
    } catch {
      schema = {};
    }
    const prop = { ...schema };
    if (info.field.readOnly) prop['x-readOnly'] = true;
    prop['x-since'] = info.since;
    prop['x-removedIn'] = info.removedIn;
    const words = propWords[key] ?? {};
    if (!words.description) warn(`no description for removed field ${name}.${key}`);
    prop['x-deprecated'] = words['x-deprecated'] ?? removedSentence(info.removedIn);
    definition.properties[key] = applyPropertyOverlay(prop, words, [], key, info.field, warn, `${name}.${key}`);
  }
}

/** HCL-only constructs (shorthands, job/group level `vault`, ...), keyed by their HCL name. */
function addHclOnly(name, definition, entries, refTo, warn) {
  const names = Object.keys(entries);
  if (names.length === 0) return;
  for (const hclName of names) {
    const { ref, kind, label, ...rest } = entries[hclName];
    /** @type {Record<string, any>} */
    let prop;
    if (ref) {
      const target = { $ref: refTo(ref) };
      prop = kind === 'block' ? target : { type: ['array', 'null'], items: target };
    } else prop = {};
    Object.assign(prop, rest, { 'x-hcl': hclName, 'x-hclKind': kind, 'x-hclOnly': true });
    if (label) prop['x-label'] = label;
    if (!prop.description) warn(`no description for HCL-only ${name}.${hclName}`);
    if (hclName in definition.properties) throw new Error(`HCL-only ${name}.${hclName} collides with a field`);
    definition.properties[hclName] = orderKeys(prop);
  }
  // API JSON must not carry these keys: they only exist in HCL
  definition.propertyNames = { not: { enum: names } };
}

module.exports = { buildDefinitions };
