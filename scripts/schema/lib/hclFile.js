// @ts-check
'use strict';
// Builds hcl-file.json: the top level of a jobspec file (`variable`, `variables`, `locals`,
// `job`) and `dynamic` blocks. The words live in overlay/hcl/hcl-file.json; this module stamps
// the pinned version on it and checks its names against jobspec2's body schemas at that tag.

const fs = require('node:fs');
const path = require('node:path');

/** Names listed as `Name: "x"` / `Type: "x"` inside the Go variable `varName` (an hcl.BodySchema). */
function schemaNames(src, varName) {
  const start = src.indexOf(`var ${varName} = `);
  if (start < 0) return undefined;
  const end = src.indexOf('\n}\n', start);
  const body = src.slice(start, end);
  const names = [...body.matchAll(/(?:Name|Type):\s*"(\w+)"/g)].map((m) => m[1]);
  const consts = [...body.matchAll(/Type:\s*(\w+Label)\b/g)].map((m) => m[1]);
  for (const c of consts) {
    const def = new RegExp(`${c}\\s*=\\s*"(\\w+)"`).exec(src);
    if (def) names.push(def[1]);
  }
  return names.sort();
}

function sameNames(a, b) {
  return JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
}

function buildHclFile({ tree, pin, overlayDir, provenance, warn }) {
  const template = JSON.parse(fs.readFileSync(path.join(overlayDir, 'hcl', 'hcl-file.json'), 'utf8'));
  const variablesSrc = tree.readFile(pin.tag, 'jobspec2/types.variables.go') ?? '';
  const configSrc = tree.readFile(pin.tag, 'jobspec2/types.config.go') ?? '';
  /** @type {[string, string[] | undefined, string[]][]} */
  const checks = [
    ['top-level blocks', schemaNames(configSrc, 'jobConfigSchema'), Object.keys(template.properties)],
    ['variable block', schemaNames(variablesSrc, 'variableBlockSchema'), Object.keys(template.definitions.variable.properties)],
    ['validation block', schemaNames(variablesSrc, 'variableValidationBlockSchema'), Object.keys(template.definitions.validation.properties)],
  ];
  for (const [what, source, ours] of checks) {
    if (!source) warn(`hcl-file: could not find the ${what} schema in jobspec2 at ${pin.tag}`);
    else if (!sameNames(source, ours)) warn(`hcl-file: ${what} has ${source.join(', ')} in jobspec2 but ${ours.join(', ')} in the template`);
  }
  const { $comment, ...rest } = template;
  return {
    $schema: rest.$schema,
    $id: rest.$id,
    title: rest.title,
    description: rest.description,
    ...provenance,
    ...rest,
  };
}

module.exports = { buildHclFile };
