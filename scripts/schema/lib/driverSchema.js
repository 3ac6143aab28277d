// @ts-check
'use strict';
// Builds drivers/<name>.schema.json: the `config {}` block of a task for the built-in drivers,
// keyed by HCL name, from each driver's hclspec at the pinned tag (x-since from older tags).

const fs = require('node:fs');
const path = require('node:path');
const { parseTaskConfigSpec } = require('./driverSpec');
const { orderKeys } = require('./overlay');
const { versionLabel } = require('./history');

const DRIVERS = [
  { name: 'docker', file: 'drivers/docker/config.go' },
  { name: 'exec', file: 'drivers/exec/driver.go' },
  { name: 'raw_exec', file: 'drivers/rawexec/driver.go' },
  { name: 'java', file: 'drivers/java/driver.go' },
  { name: 'qemu', file: 'drivers/qemu/driver.go' },
];

/** JSON Schema and HCL kind for an hclspec attribute type such as `list(map(string))`. */
function attrSchema(hclType) {
  const scalar = { string: 'string', bool: 'boolean', number: 'number' };
  if (scalar[hclType]) return { kind: 'attribute', schema: { type: scalar[hclType] } };
  let m = /^list\((string|bool|number)\)$/.exec(hclType);
  if (m) return { kind: 'attribute', schema: { type: 'array', items: { type: scalar[m[1]] } } };
  m = /^map\((string|bool|number)\)$/.exec(hclType);
  if (m) return { kind: 'mapAttribute', schema: { type: 'object', additionalProperties: { type: scalar[m[1]] } } };
  m = /^list\(map\((string|bool|number)\)\)$/.exec(hclType);
  if (m) {
    // written as `name { k = v }` or `name = { k = v }`; the API keeps a list of maps
    const values = { type: 'object', additionalProperties: { type: scalar[m[1]] } };
    return { kind: 'mapAttribute', schema: { type: ['object', 'array'], additionalProperties: values.additionalProperties, items: values } };
  }
  throw new Error(`unsupported hclspec type ${hclType}`);
}

/** Every dotted path of a spec tree (for x-since), e.g. "mount", "mount.bind_options.propagation". */
function specPaths(body, prefix = '', out = new Set()) {
  for (const [key, node] of Object.entries(body)) {
    const p = prefix ? `${prefix}.${key}` : key;
    out.add(p);
    if (node.body) specPaths(node.body, p, out);
  }
  return out;
}

function buildOne(driver, spec, since, words, warn) {
  /** @type {Record<string, any>} */
  const definitions = {};
  /** @type {Map<object, string>} block bodies already emitted, so aliases share one definition */
  const emitted = new Map();
  const objectOf = (body, prefix, wordsBody) => {
    const properties = {};
    const required = [];
    for (const key of Object.keys(body).sort()) {
      const node = body[key];
      const p = prefix ? `${prefix}.${key}` : key;
      const w = wordsBody?.[key] ?? {};
      if (!w.description) warn(`no description for ${driver}.config.${p}`);
      let prop;
      if (node.kind === 'block' || node.kind === 'blocks') {
        // the API keeps a block as a list of objects; HCL JSON also takes one object
        const shared = emitted.get(node.body);
        if (!shared) {
          emitted.set(node.body, p);
          const inner = objectOf(node.body, p, w.properties);
          definitions[p] = orderKeys({ ...inner, type: ['object', 'array'], items: { $ref: `#/definitions/${p}` } });
          if (node.kind === 'block') definitions[p].maxItems = 1;
        }
        prop = /** @type {Record<string, any>} */ ({ $ref: `#/definitions/${shared ?? p}` });
      } else {
        const { kind, schema } = attrSchema(node.hclType);
        prop = { ...schema, 'x-hclKind': kind };
      }
      const { properties: _nested, required: req, ...rest } = w;
      Object.assign(prop, { 'x-hcl': key, 'x-since': since.get(`${driver}:${p}`) }, rest);
      if (node.kind === 'block' || node.kind === 'blocks') prop['x-hclKind'] = node.kind;
      if (node.default !== undefined && prop.default === undefined) prop.default = node.default;
      if (node.required || req) required.push(key);
      properties[key] = orderKeys(prop);
    }
    for (const key of Object.keys(wordsBody ?? {})) {
      if (!(key in body)) warn(`driver overlay ${driver}.config.${prefix ? prefix + '.' : ''}${key} matches no option`);
    }
    return { type: 'object', properties, ...(required.length ? { required } : {}), additionalProperties: false };
  };
  const root = objectOf(spec, '', words.properties);
  return { root, definitions };
}

/**
 * @param {object} args
 * @param {import('./gitTree').GitTree} args.tree
 * @param {string[]} args.tags oldest first, pinned tag last
 * @param {{ tag: string }} args.pin the tag the schema is generated from
 * @param {string} args.overlayDir
 * @param {Record<string, unknown>} args.provenance
 * @param {(message: string) => void} args.warn
 */
function buildDriverSchemas({ tree, tags, pin, overlayDir, provenance, warn }) {
  /** @type {Map<string, string>} "driver:path" -> since */
  const since = new Map();
  for (const tag of tags) {
    for (const d of DRIVERS) {
      const src = tree.readFile(tag, d.file);
      if (!src || !src.includes('taskConfigSpec')) continue;
      for (const p of specPaths(parseTaskConfigSpec(src))) {
        const key = `${d.name}:${p}`;
        if (!since.has(key)) since.set(key, versionLabel(tag, tags[0]));
      }
    }
  }
  /** @type {Record<string, any>} */
  const out = {};
  for (const d of DRIVERS) {
    const src = tree.readFile(pin.tag, d.file);
    if (!src) throw new Error(`${d.file} does not exist at ${pin.tag}`);
    const overlayFile = path.join(overlayDir, `${d.name}.json`);
    const words = fs.existsSync(overlayFile) ? JSON.parse(fs.readFileSync(overlayFile, 'utf8')) : {};
    if (!words.description) warn(`no description for driver ${d.name}`);
    const { root, definitions } = buildOne(d.name, parseTaskConfigSpec(src), since, words, warn);
    // anything else in the overlay (e.g. java's "class or jar_path" rule) is passed through
    const { description: _d, properties: _p, ...extra } = words;
    out[d.name] = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      $id: `https://nomad-jobs.local/schema/drivers/${d.name}.schema.json`,
      title: `Nomad ${d.name} task driver config`,
      description: words.description,
      ...provenance,
      'x-driver': d.name,
      'x-source': `${d.file} (taskConfigSpec)`,
      ...root,
      ...extra,
      ...(Object.keys(definitions).length ? { definitions: sortKeys(definitions) } : {}),
    };
  }
  return out;
}

function sortKeys(obj) {
  return Object.fromEntries(Object.keys(obj).sort().map((k) => [k, obj[k]]));
}

module.exports = { buildDriverSchemas };
