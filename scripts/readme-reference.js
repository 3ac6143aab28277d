// Renders the README's "Settings" and "Commands" sections from package.json, so the
// reference can't drift from the manifest. `node scripts/readme-reference.js` rewrites
// README.md in place; test/unit/docs/readme.test.ts fails when it is out of date.
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');

/** Where a command shows up, read from the menus it is contributed to. */
function placesOf(command, menus) {
  const places = [];
  const named = (menu) => (menus[menu] || []).some((entry) => entry.command === command);
  const hiddenFromPalette = (menus.commandPalette || []).some((e) => e.command === command && e.when === 'false');
  if (!hiddenFromPalette) places.push('palette');
  if (named('view/title')) places.push('Jobs view toolbar');
  // Tree rows: named after the view each entry's `when` clause is for.
  const trees = { 'nomad.jobs': 'Jobs tree', 'nomad.nodes': 'Nodes view' };
  const rows = (menus['view/item/context'] || []).filter((entry) => entry.command === command);
  for (const [view, place] of Object.entries(trees)) {
    if (rows.some((entry) => (entry.when || '').includes(`view == ${view}`)) && !places.includes(place)) places.push(place);
  }
  if (named('editor/title') || named('editor/context') || named('editor/title/context')) places.push('editor');
  if (named('explorer/context')) places.push('file explorer');
  return places.join(', ');
}

function typeOf(schema) {
  if (schema.enum) return schema.enum.map((v) => `\`${JSON.stringify(v)}\``).join(' \\| ');
  return Array.isArray(schema.type) ? schema.type.join(' \\| ') : schema.type;
}

function cell(text) {
  return String(text ?? '').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

function settingsTable(manifest) {
  const properties = manifest.contributes.configuration.properties;
  const rows = Object.keys(properties)
    .sort()
    .map((key) => {
      const schema = properties[key];
      const fallback = schema.default === undefined ? '' : `\`${JSON.stringify(schema.default)}\``;
      return `| \`${key}\` | ${typeOf(schema)} | ${fallback} | ${cell(schema.markdownDescription || schema.description)} |`;
    });
  return ['| setting | type | default | what it does |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

function commandsTable(manifest) {
  const menus = manifest.contributes.menus || {};
  const rows = manifest.contributes.commands.map(
    (c) => `| ${cell(`${c.category ? c.category + ': ' : ''}${c.title}`)} | \`${c.command}\` | ${placesOf(c.command, menus)} |`,
  );
  return ['| command | id | where |', '| --- | --- | --- |', ...rows].join('\n');
}

/** README text with the generated blocks between their markers replaced. */
function renderReadme(readme, manifest) {
  const blocks = { settings: settingsTable(manifest), commands: commandsTable(manifest) };
  return readme.replace(
    /<!-- reference:(\w+) -->[\s\S]*?<!-- \/reference:\1 -->/g,
    (whole, name) => (name in blocks ? `<!-- reference:${name} -->\n${blocks[name]}\n<!-- /reference:${name} -->` : whole),
  );
}

module.exports = { renderReadme };

if (require.main === module) {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const file = path.join(root, 'README.md');
  fs.writeFileSync(file, renderReadme(fs.readFileSync(file, 'utf8'), manifest));
  console.log('README.md reference tables updated');
}
