// @ts-check
'use strict';
// Counts printed after generation (and quoted in the data README): how big the HCL side of the
// schema is, walking block paths from `job` the way a jobspec nests them.

const BLOCK_KINDS = new Set(['block', 'blocks', 'labeledBlocks', 'mapBlocks']);
const ATTRIBUTE_KINDS = new Set(['attribute', 'mapAttribute']);

function refName(prop) {
  const ref = prop.$ref ?? prop.items?.$ref ?? prop.additionalProperties?.$ref;
  return typeof ref === 'string' ? ref.replace('#/definitions/', '') : undefined;
}

/** @param {{definitions: Record<string, any>}} schema */
function countSchema(schema) {
  const defs = schema.definitions;
  const blockPaths = new Set();
  const attributePaths = new Set();
  const blockNames = new Set();
  const blockTypes = new Set(); // struct definitions used as blocks, plus free-form blocks by name
  const attributes = new Set(); // Definition.attribute
  const attributeNames = new Set();
  const hclOnly = new Set();

  const walk = (defName, hclPath, depth) => {
    if (depth > 20) throw new Error(`block nesting too deep at ${hclPath}`);
    for (const [key, prop] of Object.entries(defs[defName].properties)) {
      const kind = prop['x-hclKind'];
      if (!kind) continue;
      if (prop['x-hclOnly']) {
        hclOnly.add(`${defName}.${key}`);
        continue;
      }
      const p = `${hclPath}/${prop['x-hcl']}`;
      if (ATTRIBUTE_KINDS.has(kind)) {
        attributePaths.add(p);
        attributes.add(`${defName}.${prop['x-hcl']}`);
        attributeNames.add(prop['x-hcl']);
      } else if (BLOCK_KINDS.has(kind)) {
        blockPaths.add(p);
        blockNames.add(prop['x-hcl']);
        const target = refName(prop);
        blockTypes.add(target ?? `free-form ${prop['x-hcl']}`);
        if (target) walk(target, p, depth + 1);
      }
    }
  };
  walk('Job', 'job', 0);
  const all = Object.values(defs).flatMap((d) => Object.values(d.properties));
  return {
    definitions: Object.keys(defs).length,
    blockTypes: blockTypes.size,
    blockNames: blockNames.size,
    blockPaths: blockPaths.size + 1, // + the job block itself
    attributes: attributes.size,
    attributeNames: attributeNames.size,
    attributePaths: attributePaths.size,
    hclOnlyConstructs: hclOnly.size,
    apiProperties: all.length,
    readOnlyProperties: all.filter((p) => p['x-readOnly']).length,
    removedProperties: all.filter((p) => p['x-removedIn']).length,
  };
}

module.exports = { countSchema };
