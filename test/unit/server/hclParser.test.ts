import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Attribute, Block, BodyItem, Expression, HclFile } from '../../../server/src/hcl/ast';
import { HclParser } from '../../../server/src/hcl/hclParser';

let parser: HclParser;

function parse(text: string): HclFile {
  const tree = parser.parse(TextDocument.create('file:///t.nomad.hcl', 'nomad', 1, text));
  tree.dispose();
  return tree.file;
}

function block(items: readonly BodyItem[], type: string): Block {
  const found = items.find((item): item is Block => item.kind === 'block' && item.type === type);
  assert.ok(found, `no block ${type}`);
  return found;
}

function attribute(items: readonly BodyItem[], name: string): Attribute {
  const found = items.find((item): item is Attribute => item.kind === 'attribute' && item.name === name);
  assert.ok(found, `no attribute ${name}`);
  return found;
}

function valueOf(text: string): Expression {
  const value = attribute(parse(`x = ${text}\n`).body.items, 'x').value;
  assert.ok(value, `no value for ${text}`);
  return value;
}

function literal(text: string): unknown {
  const value = valueOf(text);
  assert.strictEqual(value.kind, 'literal', `${text} is ${value.kind}`);
  return value.kind === 'literal' ? value.value : undefined;
}

describe('HCL parser: syntax tree to AST', () => {
  before(async () => {
    parser = await HclParser.create();
  });

  it('reads blocks with their type, labels and ranges', () => {
    const file = parse('job "web" {\n  group "g" {\n    count = 2\n  }\n}\n');
    const job = block(file.body.items, 'job');
    assert.deepStrictEqual(job.labels.map((l) => [l.value, l.quoted]), [['web', true]]);
    assert.deepStrictEqual(job.range, { start: { line: 0, character: 0 }, end: { line: 4, character: 1 } });
    assert.deepStrictEqual(job.typeSpan.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } });
    assert.deepStrictEqual(job.labels[0].range, { start: { line: 0, character: 4 }, end: { line: 0, character: 9 } });
    assert.strictEqual(job.closed, true);
    const count = attribute(block(job.body.items, 'group').body.items, 'count');
    assert.deepStrictEqual(count.nameSpan.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 9 } });
    assert.deepStrictEqual(count.value?.kind === 'literal' && count.value.value, 2);
    assert.deepStrictEqual(file.syntaxErrors, []);
  });

  it('accepts bare identifiers as labels', () => {
    const job = block(parse('job web {\n}\n').body.items, 'job');
    assert.deepStrictEqual(job.labels.map((l) => [l.value, l.quoted]), [['web', false]]);
  });

  it('gives UTF-16 columns after non-ASCII text, as LSP positions require', () => {
    const file = parse('job "é😀x" { meta = { k = "ü😀" } }\nz = 1\n');
    const job = block(file.body.items, 'job');
    // é is one UTF-16 unit, 😀 two: the label "é😀x" with quotes spans 6 units.
    assert.deepStrictEqual(job.labels[0].range, { start: { line: 0, character: 4 }, end: { line: 0, character: 10 } });
    assert.strictEqual(job.labels[0].value, 'é😀x');
    const meta = attribute(job.body.items, 'meta');
    assert.deepStrictEqual(meta.nameSpan.range.start, { line: 0, character: 13 });
    assert.deepStrictEqual(job.range.end, { line: 0, character: 35 });
  });

  it('counts lines of CRLF and lone CR text the way LSP does', () => {
    const file = parse('a = 1\r\nb = 2\rc = 3\n');
    assert.deepStrictEqual(attribute(file.body.items, 'b').nameSpan.range.start, { line: 1, character: 0 });
    assert.deepStrictEqual(attribute(file.body.items, 'c').nameSpan.range.start, { line: 2, character: 0 });
  });

  it('reads literal values, unescaping strings', () => {
    assert.deepStrictEqual(literal('"a\\"b\\\\c\\n\\u00e9"'), 'a"b\\c\né');
    assert.deepStrictEqual(literal('"$${not_interpolated} %%{x}"'), '${not_interpolated} %{x}');
    assert.deepStrictEqual(literal('42'), 42);
    assert.deepStrictEqual(literal('1.5e3'), 1500);
    assert.deepStrictEqual(literal('true'), true);
    assert.deepStrictEqual(literal('null'), null);
  });

  it('reads heredocs: plain ones are string literals, indented ones lose their common indent', () => {
    assert.deepStrictEqual(literal('<<EOT\nline 1\n  line 2\nEOT'), 'line 1\n  line 2\n');
    assert.deepStrictEqual(literal('<<-EOT\n    a\n      b\n    EOT'), 'a\n  b\n');
    const templated = valueOf('<<EOT\nhello ${var.who}\nEOT');
    assert.strictEqual(templated.kind, 'template');
  });

  it('classifies expressions that need evaluation', () => {
    assert.strictEqual(valueOf('"x-${var.a}"').kind, 'template');
    assert.strictEqual(valueOf('"%{ if true }y%{ endif }"').kind, 'template');
    assert.strictEqual(valueOf('var.a').kind, 'reference');
    assert.strictEqual(valueOf('upper("a")').kind, 'call');
    assert.strictEqual(valueOf('1 + 2').kind, 'other');
    assert.strictEqual(valueOf('var.a ? 1 : 2').kind, 'other');
    assert.strictEqual(valueOf('[for s in var.l : upper(s)]').kind, 'other');
    assert.strictEqual(valueOf('(1)').kind, 'other');
  });

  it('reads tuples and objects with their keys', () => {
    const tuple = valueOf('["a", 1, var.x]');
    assert.ok(tuple.kind === 'tuple');
    assert.deepStrictEqual(tuple.items.map((i) => i.kind), ['literal', 'literal', 'reference']);
    const object = valueOf('{ a = 1, "b" = 2, (local.k) = 3 }');
    assert.ok(object.kind === 'object');
    assert.deepStrictEqual(object.entries.map((e) => e.key), ['a', 'b', undefined]);
  });

  it('collects var and local references everywhere, with ranges', () => {
    const file = parse('a = "${var.one}"\nb = [for s in local.two : upper(s)]\nc = <<EOT\n${var.three[0]}\nEOT\nd = x[var.four]\ne = foo.bar\n');
    assert.deepStrictEqual(file.references.map((r) => `${r.root}.${r.name}`), ['var.one', 'local.two', 'var.three', 'var.four']);
    assert.deepStrictEqual(file.references[0].range, { start: { line: 0, character: 7 }, end: { line: 0, character: 14 } });
  });

  it('reads dynamic blocks and variable declarations as plain blocks', () => {
    const file = parse('variable "n" {\n  type = number\n}\nlocals {\n  a = 1\n}\njob "j" {\n  dynamic "constraint" {\n    for_each = [1]\n    content {\n      attribute = "x"\n    }\n  }\n}\n');
    const dynamic = block(block(file.body.items, 'job').body.items, 'dynamic');
    assert.deepStrictEqual(dynamic.labels.map((l) => l.value), ['constraint']);
    assert.ok(block(dynamic.body.items, 'content'));
    assert.strictEqual(attribute(block(file.body.items, 'variable').body.items, 'type').value?.kind, 'reference');
  });
});

describe('HCL parser: errors and recovery', () => {
  before(async () => {
    parser = await HclParser.create();
  });

  it('reports syntax errors and keeps the rest of the file', () => {
    const file = parse('job "x" {\n  group "g" {\n    count = = 2\n  }\n  type = "batch"\n}\n');
    assert.ok(file.syntaxErrors.length > 0);
    const job = block(file.body.items, 'job');
    assert.strictEqual(attribute(job.body.items, 'type').value?.kind, 'literal');
  });

  it('reports a missing closing brace', () => {
    const file = parse('job "x" {\n  group "g" {\n');
    assert.ok(file.syntaxErrors.some((e) => e.message.includes('"}"')), JSON.stringify(file.syntaxErrors));
    assert.strictEqual(block(file.body.items, 'job').closed, false);
  });

  it('splits a half-typed name from the block on the next line', () => {
    const file = parse('group "g" {\n  cou\n  task "t" {\n    driver = "docker"\n  }\n}\n');
    const items = block(file.body.items, 'group').body.items;
    assert.deepStrictEqual(items.map((i) => (i.kind === 'block' ? `block ${i.type}` : `attribute ${i.name}`)), ['attribute cou', 'block task']);
    assert.deepStrictEqual(block(items, 'task').labels.map((l) => l.value), ['t']);
    assert.deepStrictEqual(file.syntaxErrors.map((e) => e.range.start), [{ line: 1, character: 2 }]);
  });

  it('reports a value missing after "=" instead of reading the next line as the value', () => {
    const file = parse('group "g" {\n  count =\n  task "t" {\n    driver = "docker"\n  }\n}\n');
    const count = attribute(block(file.body.items, 'group').body.items, 'count');
    assert.strictEqual(count.value, undefined);
    assert.ok(file.syntaxErrors.some((e) => e.message.startsWith('Expected a value') && e.range.start.line === 1));
  });

  it('enforces native HCL newlines between attributes and on single-line blocks', () => {
    const sameLine = parse('a = 1 b = 2\n');
    assert.deepStrictEqual(sameLine.syntaxErrors.map((e) => e.range.start), [{ line: 0, character: 6 }]);
    assert.deepStrictEqual(parse('meta { a = "b" }\n').syntaxErrors, []);
    assert.strictEqual(parse('a { b { c = 1 } }\n').syntaxErrors.length, 1);
  });

  it('requires a block header and its brace on one line', () => {
    assert.strictEqual(parse('job "x"\n{\n}\n').syntaxErrors.length, 1);
  });
});

describe('HCL parser: CPU-time budget', () => {
  // Calls make the file need the tree-sitter parse (a plain file is read without one).
  const text = `job "j" {\n${Array.from({ length: 3000 }, (_, i) => `  a${i} = max(${i}, 1)\n`).join('')}}\n`;
  const document = TextDocument.create('file:///budget.nomad.hcl', 'nomad', 1, text);

  it('gives up on a file it cannot parse within the budget, with one error saying so', async () => {
    const exhausted = await HclParser.create(undefined, 0);
    const tree = exhausted.parse(document);
    tree.dispose();
    assert.deepStrictEqual(tree.file.body.items, []);
    assert.deepStrictEqual(tree.file.syntaxErrors.map((e) => e.message), ['This file is too irregular to parse in reasonable time; fix the syntax near the top to get checks back']);
  });

  it('parses the same file in full within the default budget', async () => {
    const tree = (await HclParser.create()).parse(document);
    tree.dispose();
    assert.deepStrictEqual(tree.file.syntaxErrors, []);
    assert.strictEqual(block(tree.file.body.items, 'job').body.items.length, 3000);
  });
});
