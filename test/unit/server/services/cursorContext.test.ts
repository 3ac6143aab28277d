import * as assert from 'assert';
import { cursorContext, type CompletionPlace } from '../../../../server/src/services/completion/cursorContext';
import { readOutline } from '../../../../server/src/services/completion/tolerantOutline';
import { withCaret } from './support/caret';

interface Case {
  name: string;
  source: string;
  place: CompletionPlace;
  blocks: string[];
  prefix: string;
}

const CASES: Case[] = [
  {
    name: 'a half-typed name in an unclosed task body',
    source: 'job "x" {\n  group "g" {\n    task "t" {\n      dri|\n',
    place: { kind: 'body' },
    blocks: ['job x', 'group g', 'task t'],
    prefix: 'dri',
  },
  {
    name: 'a name on the line after an attribute with no value yet',
    source: 'job "x" {\n  count =\n  grou|\n}\n',
    place: { kind: 'body' },
    blocks: ['job x'],
    prefix: 'grou',
  },
  {
    name: 'the value of an attribute, outside quotes',
    source: 'job "x" {\n  type = |\n}\n',
    place: { kind: 'value', path: ['type'], inString: false, inList: false },
    blocks: ['job x'],
    prefix: '',
  },
  {
    name: 'a partial string value, which is replaced as a whole',
    source: 'job "x" { group "g" { task "t" {\n  driver = "raw_e|"\n} } }\n',
    place: { kind: 'value', path: ['driver'], inString: true, inList: false },
    blocks: ['job x', 'group g', 'task t'],
    prefix: 'raw_e',
  },
  {
    name: 'a string inside a list',
    source: 'job "x" {\n  datacenters = ["dc1", "|"]\n}\n',
    place: { kind: 'value', path: ['datacenters'], inString: true, inList: true },
    blocks: ['job x'],
    prefix: '',
  },
  {
    name: 'a traversal such as var.',
    source: 'job "x" {\n  priority = var.|\n}\n',
    place: { kind: 'value', path: ['priority'], inString: false, inList: false },
    blocks: ['job x'],
    prefix: 'var.',
  },
  {
    name: 'a quoted label after a block type',
    source: 'job "x" {\n  group "g" {\n    task "|\n',
    place: { kind: 'blockLabel', blockType: 'task', labelIndex: 0, inString: true },
    blocks: ['job x', 'group g'],
    prefix: '',
  },
  {
    name: 'a key inside a map attribute',
    source: 'job "x" {\n  meta = {\n    team = "a"\n    |\n  }\n}\n',
    place: { kind: 'objectKey', path: ['meta'] },
    blocks: ['job x'],
    prefix: '',
  },
  {
    name: 'a value inside a map attribute',
    source: 'job "x" {\n  meta = {\n    team = "|"\n  }\n}\n',
    place: { kind: 'value', path: ['meta', 'team'], inString: true, inList: false },
    blocks: ['job x'],
    prefix: '',
  },
  {
    name: 'an interpolation in a constraint attribute',
    source: 'job "x" {\n  constraint {\n    attribute = "${attr.kernel.na|}"\n  }\n}\n',
    place: { kind: 'interpolation', path: ['attribute'] },
    blocks: ['job x', 'constraint'],
    prefix: 'attr.kernel.na',
  },
  {
    name: 'an interpolation inside a heredoc',
    source: 'job "x" {\n  template {\n    data = <<EOF\nport=${NOMAD_PO|}\nEOF\n  }\n}\n',
    place: { kind: 'interpolation', path: ['data'] },
    blocks: ['job x', 'template'],
    prefix: 'NOMAD_PO',
  },
  {
    name: 'plain heredoc text',
    source: 'job "x" {\n  template {\n    data = <<EOF\ngroup |\nEOF\n  }\n}\n',
    place: { kind: 'none' },
    blocks: ['job x', 'template'],
    prefix: '',
  },
  {
    name: 'a comment',
    source: 'job "x" {\n  # group |\n}\n',
    place: { kind: 'none' },
    blocks: ['job x'],
    prefix: '',
  },
  {
    name: 'a block comment never closed, which the user is still typing',
    source: 'job "x" {\n  /* a note\n  grou|\n}\n',
    place: { kind: 'none' },
    blocks: ['job x'],
    prefix: 'grou',
  },
  {
    name: 'the line after a string left open with a backslash at its end (strings never span lines)',
    source: 'job "x" {\n  command = "run \\\n  grou|\n}\n',
    place: { kind: 'body' },
    blocks: ['job x'],
    prefix: 'grou',
  },
  {
    name: 'a literal $ before the $${ escape, which opens no interpolation',
    source: 'job "x" {\n  meta {\n    a = "$$${not|}"\n  }\n}\n',
    place: { kind: 'value', path: ['a'], inString: true, inList: false },
    blocks: ['job x', 'meta'],
    prefix: '$$${not',
  },
  {
    name: 'after a closed heredoc, a list with braces inside strings, and a for expression',
    source: 'job "x" {\n  t {\n    d = <<-EOT\n    }\n    EOT\n  }\n  a = ["}", "{"]\n  b = {for k, v in var.m : k => v}\n  gr|\n}\n',
    place: { kind: 'body' },
    blocks: ['job x'],
    prefix: 'gr',
  },
];

describe('completion cursor context (tolerant reading of the text)', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const { text, offset } = withCaret(c.source);
      const context = cursorContext(text, offset);
      assert.deepStrictEqual(context.place, c.place);
      assert.deepStrictEqual(
        context.blocks.map((b) => [b.type, ...b.labels].join(' ')),
        c.blocks,
      );
      assert.strictEqual(context.prefix, c.prefix);
      assert.strictEqual(text.slice(context.replaceStart, offset), c.prefix);
    });
  }

  it('replaces the whole word under the cursor, not only the part before it', () => {
    const { text, offset } = withCaret('job "x" {\n  dat|acenters = []\n}\n');
    const context = cursorContext(text, offset);
    assert.strictEqual(text.slice(context.replaceStart, context.replaceEnd), 'datacenters');
  });

  it('outlines blocks with labels, ranges and plain attribute values, including those after the cursor', () => {
    const text = [
      'variable "region" { default = "eu" }',
      'locals {',
      '  name = "web-${var.region}"',
      '}',
      'job "web" {',
      '  group "app" {',
      '    network {',
      '      port "http" { to = 8080 }',
      '    }',
      '    task "server" {',
      '      config {',
      '        image = "nginx"',
      '      }',
      '      driver = "docker"',
      '    }',
      '  }',
      '}',
    ].join('\n');
    const { root } = readOutline(text, text.indexOf('image'));
    assert.deepStrictEqual(
      root.blocks.map((b) => [b.type, b.labels]),
      [
        ['variable', ['region']],
        ['locals', []],
        ['job', ['web']],
      ],
    );
    const locals = root.blocks[1];
    assert.deepStrictEqual(
      locals.attributes.map((a) => [a.name, a.valueText, a.stringValue]),
      [['name', '"web-${var.region}"', undefined]],
    );
    const task = root.blocks[2].blocks[0].blocks[1];
    assert.strictEqual(task.type, 'task');
    assert.deepStrictEqual(
      task.attributes.map((a) => [a.name, a.stringValue]),
      [['driver', 'docker']],
    );
    assert.strictEqual(text.slice(task.start, task.end).split('\n').length, 6);
    const port = root.blocks[2].blocks[0].blocks[0].blocks[0];
    assert.deepStrictEqual([port.type, port.labels, port.attributes[0].valueText], ['port', ['http'], '8080']);
  });

  it('leaves unclosed blocks open to the end of the text', () => {
    const text = 'job "x" {\n  group "g" {\n    count = 1\n';
    const { root } = readOutline(text, text.length);
    assert.strictEqual(root.blocks[0].end, undefined);
    assert.strictEqual(root.blocks[0].blocks[0].end, undefined);
    assert.deepStrictEqual(root.blocks[0].blocks[0].attributes.map((a) => a.name), ['count']);
  });
});
