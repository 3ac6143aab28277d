import * as assert from 'node:assert/strict';
import { attributesOf, expressionText, lineOf, scanBody, unquote, type HclBlock } from '../../../../../client/src/features/jobFiles/hclScan';

describe('hclScan', () => {
  it('finds top-level blocks with labels and attributes with their expressions', () => {
    const text = [
      '# a comment',
      'region = "eu" // trailing',
      'variable "image" {',
      '  type = string',
      '}',
      'job "web" {',
      '  datacenters = ["dc1", "dc2"]',
      '}',
    ].join('\n');
    const items = scanBody(text);
    assert.deepEqual(
      items.map((item) => (item.kind === 'block' ? `${item.type}[${item.labels.join(',')}]` : `${item.name}=${expressionText(text, item)}`)),
      ['region="eu"', 'variable[image]', 'job[web]'],
    );
    assert.equal(lineOf(text, items[2].start), 5);
  });

  it('does not mistake braces, quotes and keywords inside strings, heredocs and comments for structure', () => {
    const text = [
      'job "x" {',
      '  template {',
      '    data = <<EOF',
      'job "fake" { }',
      '}}}',
      'EOF',
      '  }',
      '  meta = { note = "a } brace ${upper("}")}" }',
      '  /* job "comment" { */',
      '}',
      'variable "after" {}',
    ].join('\n');
    const top = scanBody(text);
    assert.deepEqual(top.map((item) => (item.kind === 'block' ? item.labels[0] : item.name)), ['x', 'after']);
    const job = top[0] as HclBlock;
    const inner = scanBody(text, job.bodyStart, job.bodyEnd).map((item) => (item.kind === 'block' ? item.type : item.name));
    assert.deepEqual(inner, ['template', 'meta']);
  });

  it('reads multi-line expressions inside brackets as one attribute', () => {
    const text = 'args = [\n  "a",\n  "b",\n]\nnext = 1\n';
    const items = scanBody(text);
    assert.equal(items.length, 2);
    assert.equal(expressionText(text, items[0] as never), '[\n  "a",\n  "b",\n]');
  });

  it('recovers from lines it cannot read and from an unclosed block', () => {
    const text = '!!! garbage\nvariable "v" {\n  default = 1\n';
    const items = scanBody(text);
    assert.equal(items.length, 1);
    const block = items[0] as HclBlock;
    assert.equal(block.bodyEnd, text.length);
    assert.ok(attributesOf(text, block).has('default'));
  });

  it('handles one-line blocks and escaped template markers', () => {
    const text = 'variable "a" { default = "$${not_a_template}" }\nvariable "b" { type = number }\n';
    const [a, b] = scanBody(text) as HclBlock[];
    assert.equal(expressionText(text, attributesOf(text, a).get('default')!), '"$${not_a_template}"');
    assert.equal(expressionText(text, attributesOf(text, b).get('type')!), 'number');
  });

  it('unquotes escapes in string literals', () => {
    assert.equal(unquote('"a\\"b\\\\c\\n"'), 'a"b\\c\n');
  });
});
