// @ts-check
'use strict';
// The hand-kept overlay: descriptions (our own words), enums, defaults, examples and the few
// HCL facts that live in jobspec2 code rather than in struct tags. Overlay files are JSON
// objects keyed by api struct name; several files are merged so each stays small.

const fs = require('node:fs');
const path = require('node:path');

const KEY_ORDER = [
  'description', '$ref', 'type', 'items', 'properties', 'additionalProperties', 'propertyNames', 'required',
  'enum', 'default', 'examples', 'minimum', 'maximum', 'minItems', 'maxItems', 'pattern', 'contentEncoding',
  'x-hcl', 'x-hclKind', 'x-label', 'x-labelEnum', 'x-duration', 'x-readOnly', 'x-since', 'x-hclSince', 'x-removedIn',
  'x-deprecated', 'x-hclOnly',
];

/** Same object with well-known keys first, in a fixed order, so generated files diff cleanly. */
function orderKeys(obj) {
  const out = {};
  for (const k of KEY_ORDER) if (obj[k] !== undefined) out[k] = obj[k];
  for (const k of Object.keys(obj).sort()) if (out[k] === undefined && obj[k] !== undefined) out[k] = obj[k];
  return out;
}

/** Merge every *.json file of a folder (not recursive) into one struct-keyed object. */
function loadOverlay(dir) {
  /** @type {Record<string, any>} */
  const merged = {};
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const data = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    for (const [name, entry] of Object.entries(data)) {
      if (name.startsWith('$')) continue; // file-level comments
      if (merged[name]) throw new Error(`overlay ${name} is defined twice (${file})`);
      merged[name] = entry;
    }
  }
  return merged;
}

/** Does a JSON Schema type admit `null`? */
function admitsNull(schema) {
  return Array.isArray(schema.type) && schema.type.includes('null');
}

/**
 * Apply overlay words to a generated property.
 * `required: true` moves into the definition's `required` list; enums of optional fields also
 * admit the value Go writes when the field is unset (`null` for pointers, "" for plain strings).
 */
function applyPropertyOverlay(prop, words, required, key, field, warn, where) {
  const out = { ...prop };
  if (words) {
    for (const [k, v] of Object.entries(words)) {
      if (k === 'required') {
        if (v && !required.includes(key)) required.push(key);
        continue;
      }
      out[k] = v;
    }
  }
  if (Array.isArray(out.enum)) {
    const extra = [];
    if (admitsNull(out) && !out.enum.includes(null)) extra.push(null);
    const plainString = out.type === 'string' || (Array.isArray(out.type) && out.type.includes('string'));
    if (plainString && field && !field.typeText.startsWith('*') && !out.enum.includes('')) extra.push('');
    out.enum = [...out.enum, ...extra];
  }
  if (!out.description) warn(`no description for ${where}`);
  return orderKeys(out);
}

module.exports = { loadOverlay, orderKeys, applyPropertyOverlay };
