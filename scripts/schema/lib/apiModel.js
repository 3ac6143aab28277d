// @ts-check
'use strict';
// Turns parsed Go types of Nomad's `api` package into JSON Schema fragments and HCL facts:
// the API (JSON) name of a field, its HCL name and kind, and the struct it leads to.

/** @typedef {import('./goStructs').TypeExpr} TypeExpr */
/** @typedef {import('./goStructs').GoField} GoField */
/** @typedef {import('./goStructs').GoType} GoType */

const INT_RANGES = {
  int8: [-128, 127],
  uint8: [0, 255],
  uint16: [0, 65535],
  uint32: [0, 4294967295],
  uint64: [0, undefined],
  uint: [0, undefined],
};

/** Follow `type X = Y` / `type X Y` declarations that are not structs. */
function resolve(type, types) {
  let t = type;
  for (let guard = 0; 'name' in t && guard < 10; guard++) {
    const decl = types.get(t.name);
    if (!decl || decl.kind !== 'alias') break;
    t = decl.target;
  }
  return t;
}

/** Name of the struct a field leads to (through pointers, slices and map values), if any. */
function structOf(type, types) {
  let t = resolve(type, types);
  while (!('name' in t)) {
    if ('ptr' in t) t = resolve(t.ptr, types);
    else if ('slice' in t) t = resolve(t.slice, types);
    else if ('map' in t) t = resolve(t.map, types);
    else return undefined;
  }
  const decl = types.get(t.name);
  return decl && decl.kind === 'struct' ? t.name : undefined;
}

/** The key a field has in API JSON, or undefined when encoding/json skips it. */
function jsonName(field) {
  const tag = field.tags.json;
  if (tag === undefined) return field.name;
  const name = tag.split(',')[0];
  if (name === '-') return undefined;
  return name || field.name;
}

/**
 * What the field's `hcl:"..."` tag says.
 * @returns {{name: string, kind: 'attr' | 'block' | 'label' | 'remain', optional: boolean} | undefined}
 */
function hclTag(field) {
  const tag = field.tags.hcl;
  if (tag === undefined) return undefined;
  const [name, ...opts] = tag.split(',');
  const kind = opts.includes('label') ? 'label'
    : opts.includes('block') ? 'block'
      : opts.includes('remain') ? 'remain'
        : 'attr';
  return { name, kind, optional: opts.includes('optional') };
}

/** Field of a struct that receives a block label, if the struct has one. */
function labelField(structName, types) {
  const decl = types.get(structName);
  if (!decl || decl.kind !== 'struct') return undefined;
  return decl.fields.find((f) => hclTag(f)?.kind === 'label');
}

function withNull(schema) {
  const t = schema.type;
  if (t === undefined) return schema; // `{}` and $ref already admit null (definitions do)
  return { ...schema, type: Array.isArray(t) ? [...new Set([...t, 'null'])] : [t, 'null'] };
}

/**
 * JSON Schema for a Go type as encoding/json writes and reads it.
 * @param {TypeExpr} type
 * @param {Map<string, GoType>} types
 * @param {(structName: string) => string} refTo returns the $ref for a struct (and queues it)
 * @returns {{schema: object, duration: boolean}}
 */
function schemaOf(type, types, refTo) {
  const t = resolve(type, types);
  if ('ptr' in t) {
    const inner = schemaOf(t.ptr, types, refTo);
    return { schema: withNull(inner.schema), duration: inner.duration };
  }
  if ('slice' in t) {
    const elem = resolve(t.slice, types);
    if ('name' in elem && (elem.name === 'byte' || elem.name === 'uint8')) {
      return { schema: { type: ['string', 'null'], contentEncoding: 'base64' }, duration: false };
    }
    const inner = schemaOf(t.slice, types, refTo);
    return { schema: { type: ['array', 'null'], items: inner.schema }, duration: inner.duration };
  }
  if ('map' in t) {
    const inner = schemaOf(t.map, types, refTo);
    return { schema: { type: ['object', 'null'], additionalProperties: inner.schema }, duration: inner.duration };
  }
  if ('any' in t) return { schema: {}, duration: false };
  const name = t.name;
  if (name === 'string') return { schema: { type: 'string' }, duration: false };
  if (name === 'bool') return { schema: { type: 'boolean' }, duration: false };
  if (name === 'float32' || name === 'float64') return { schema: { type: 'number' }, duration: false };
  if (/^u?int(8|16|32|64)?$/.test(name)) {
    const range = INT_RANGES[name];
    const schema = { type: 'integer' };
    if (range && range[0] !== undefined) schema.minimum = range[0];
    if (range && range[1] !== undefined) schema.maximum = range[1];
    return { schema, duration: false };
  }
  if (name === 'time.Duration') return { schema: { type: 'integer' }, duration: true };
  if (name === 'time.Time') return { schema: { type: 'string', format: 'date-time' }, duration: false };
  const decl = types.get(name);
  if (decl && decl.kind === 'struct') return { schema: { $ref: refTo(name) }, duration: false };
  throw new Error(`no JSON mapping for Go type ${name}`);
}

/**
 * The HCL shape of a field: kind plus, for labelled blocks, the API field the label fills.
 * @returns {{kind: string, label?: string} | undefined}
 */
function hclShape(field, types) {
  const tag = hclTag(field);
  if (!tag || tag.kind === 'label' || tag.kind === 'remain') return undefined;
  if (tag.kind === 'attr') return { kind: 'attribute' };
  const t = resolve(field.type, types);
  const inner = 'ptr' in t ? resolve(t.ptr, types) : t;
  const struct = structOf(field.type, types);
  const label = struct ? labelField(struct, types) : undefined;
  const labelName = label ? jsonName(label) : undefined;
  if ('slice' in inner && struct) {
    return labelName ? { kind: 'labeledBlocks', label: labelName } : { kind: 'blocks' };
  }
  if ('map' in inner && struct) return labelName ? { kind: 'mapBlocks', label: labelName } : { kind: 'mapBlocks' };
  // a struct, or a free-form map written as one block of attributes (`config {}`, `meta {}`)
  return { kind: 'block' };
}

module.exports = { resolve, structOf, jsonName, hclTag, hclShape, schemaOf, labelField };
