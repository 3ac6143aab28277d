import * as assert from 'node:assert/strict';
import { attributesOf, lineOf, readOutline, stringValue, valueText, type OutlineBlock } from '../../../../common/src/hcl/outline';

function summary(text: string, items = readOutline(text).items): string[] {
  return items.map((item) => (item.kind === 'block' ? `${item.type}[${item.labels.map((l) => l.value).join(',')}]` : `${item.name}=${valueText(text, item)}`));
}

describe('HCL outline', () => {
  it('finds top-level blocks with labels and attributes with their values', () => {
    const text = ['# a comment', 'region = "eu" // trailing', 'variable "image" {', '  type = string', '}', 'job web {', '  datacenters = ["dc1", "dc2"]', '}'].join('\n');
    const items = readOutline(text).items;
    assert.deepEqual(summary(text, items), ['region="eu"', 'variable[image]', 'job[web]']);
    assert.equal(lineOf(text, items[2].start), 5);
    const job = items[2] as OutlineBlock;
    assert.equal(job.labels[0].quoted, false);
    assert.deepEqual(summary(text, job.items), ['datacenters=["dc1", "dc2"]']);
    assert.equal(text.slice(job.bodyEnd, job.end), '}');
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
    const top = readOutline(text).items;
    assert.deepEqual(summary(text, top), ['job[x]', 'variable[after]']);
    assert.deepEqual(
      (top[0] as OutlineBlock).items.map((item) => (item.kind === 'block' ? item.type : item.name)),
      ['template', 'meta'],
    );
  });

  it('reads <<- heredocs whose content holds braces and an indented closing marker', () => {
    const text = 'variable "v" {\n  default = <<-EOT\n    {\n    EOT\n}\njob "web" {}\n';
    assert.deepEqual(summary(text), ['variable[v]', 'job[web]']);
  });

  it('reads multi-line values inside brackets as one attribute', () => {
    const text = 'args = [\n  "a",\n  "b",\n]\nnext = 1\n';
    assert.deepEqual(summary(text), ['args=[\n  "a",\n  "b",\n]', 'next=1']);
  });

  it('recovers from lines it cannot read, a stray brace and an unclosed block', () => {
    const text = '!!! garbage\n}\nvariable "v" {\n  default = 1\n  = oops\n';
    const items = readOutline(text).items;
    assert.equal(items.length, 1);
    const block = items[0] as OutlineBlock;
    assert.equal(block.closed, false);
    assert.equal(block.bodyEnd, text.length);
    assert.deepEqual([...attributesOf(block).keys()], ['default']);
  });

  it('reads one-line blocks and a missing value', () => {
    const text = 'variable "a" { default = "$${not_a_template}" }\nvariable "b" { type = number }\nc =\n';
    const [a, b, c] = readOutline(text).items;
    assert.equal(stringValue(text, attributesOf(a as OutlineBlock).get('default')!), '${not_a_template}');
    assert.equal(valueText(text, attributesOf(b as OutlineBlock).get('type')!), 'number');
    assert.equal(c.kind === 'attribute' && valueText(text, c), '');
  });

  it('gives plain string values unescaped, and nothing for templates or other expressions', () => {
    const text = 'a = "x\\"y\\n"\nb = "${x}"\nc = 1\nd = ""\n';
    const attributes = attributesOf(readOutline(text));
    assert.deepEqual(
      ['a', 'b', 'c', 'd'].map((name) => stringValue(text, attributes.get(name)!)),
      ['x"y\n', undefined, undefined, ''],
    );
  });
});
