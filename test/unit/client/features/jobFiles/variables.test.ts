import * as assert from 'node:assert/strict';
import {
  assignmentFromInput,
  environmentValues,
  findVariableDeclarations,
  hclValue,
  mergeVariables,
  missingVariables,
} from '../../../../../client/src/features/jobFiles/variables';

const JOB = [
  'variable "image" {',
  '  type        = string',
  '  description = "Container \\"image\\" to run"',
  '}',
  'variable "count" {',
  '  type    = number',
  '  default = 1',
  '}',
  'variable "tags" { type = list(string) }',
  'variables {',
  '  region = "eu"',
  '}',
  'job "web" {',
  '  variable = "not a declaration"',
  '}',
].join('\n');

describe('job variables', () => {
  it('finds declarations with type, description, default and line', () => {
    const declarations = findVariableDeclarations(JOB);
    assert.deepEqual(
      declarations.map((d) => [d.name, d.hasDefault, d.type, d.description, d.line]),
      [
        ['image', false, 'string', 'Container "image" to run', 0],
        ['count', true, 'number', undefined, 4],
        ['tags', false, 'list(string)', undefined, 8],
        ['region', true, undefined, undefined, 10],
      ],
    );
  });

  it('requires only variables without default and without a value from any source', () => {
    const declarations = findVariableDeclarations(JOB);
    const fromFile = { origin: 'web.vars.hcl', text: 'image = "nginx"\nunrelated = 2\n' };
    assert.deepEqual(missingVariables(declarations, [fromFile]).map((d) => d.name), ['tags']);
    assert.deepEqual(missingVariables(declarations, []).map((d) => d.name), ['image', 'tags']);
  });

  it('takes NOMAD_VAR_ values for declared variables only', () => {
    const declarations = findVariableDeclarations(JOB);
    const sources = environmentValues(declarations, { NOMAD_VAR_image: 'redis', NOMAD_VAR_other: 'x', PATH: '/bin' });
    assert.deepEqual(sources, [{ origin: 'NOMAD_VAR_image', text: 'image = "redis"\n' }]);
  });

  it('quotes string-like values and escapes template markers, but passes other types as expressions', () => {
    const [image, count, tags] = findVariableDeclarations(JOB);
    assert.equal(hclValue(image, 'a "b" ${c} %{d}'), '"a \\"b\\" $${c} %%{d}"');
    assert.equal(hclValue(count, '3'), '"3"');
    assert.equal(hclValue(tags, '["a", "b"]'), '["a", "b"]');
    assert.equal(hclValue({ name: 'u', hasDefault: false, line: 0 }, 'x'), '"x"');
    assert.deepEqual(assignmentFromInput(tags, '[]', 'prompt'), { origin: 'prompt', text: 'tags = []\n' });
  });

  it('merges sources so a later value wins, and remembers where each line came from', () => {
    const merged = mergeVariables([
      { origin: 'a.auto.vars.hcl', text: 'image = "old"\ntags = [\n  "x",\n]\n' },
      { origin: 'web.vars.hcl', text: '\n\nimage = "new"\n' },
    ]);
    assert.equal(merged.text, 'image = "new"\ntags = [\n  "x",\n]\n');
    assert.deepEqual(merged.origins, [
      { origin: 'web.vars.hcl', line: 2 },
      { origin: 'a.auto.vars.hcl', line: 1 },
      { origin: 'a.auto.vars.hcl', line: 2 },
      { origin: 'a.auto.vars.hcl', line: 3 },
    ]);
    assert.deepEqual(mergeVariables([]), { text: '', origins: [] });
  });
});
