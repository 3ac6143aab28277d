// Values read from the text (simpleValues.ts) must be the very nodes the
// expression walk builds from the syntax tree, references included.
import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Parser } from 'web-tree-sitter';
import { ConversionContext } from '../../../server/src/hcl/conversionContext';
import { ExpressionConverter } from '../../../server/src/hcl/cstExpressions';
import { readSimpleValue } from '../../../server/src/hcl/simpleValues';
import { HclScanner } from '../../../common/src/hcl/lexer';
import { createHclTreeSitterParser } from '../../../server/src/hcl/treeSitter';

let parser: Parser;
before(async () => {
  parser = await createHclTreeSitterParser();
});

function context(text: string): ConversionContext {
  return new ConversionContext(TextDocument.create('file:///v.nomad.hcl', 'nomad', 1, text), text);
}

/** The value of `a = <value>` converted by walking the syntax tree, and the references recorded on the way. */
function walked(text: string): string {
  const tree = parser.parse(text);
  assert.ok(tree && !tree.rootNode.hasError, `tree-sitter cannot read ${text}`);
  const cursor = tree.rootNode.descendantsOfType('attribute')[0]!.walk();
  try {
    const ctx = context(text);
    cursor.gotoFirstChild();
    while (cursor.nodeType !== 'expression' && cursor.gotoNextSibling());
    const value = new ExpressionConverter(ctx).convert(cursor);
    return JSON.stringify({ value, references: ctx.references });
  } finally {
    cursor.delete();
    tree.delete();
  }
}

function read(text: string): string | undefined {
  const ctx = context(text);
  const scanner = new HclScanner(text);
  for (let i = 0; i < 3; i++) scanner.next(); // `a`, `=` and the value's first token
  const value = readSimpleValue(scanner, ctx, text.length);
  return value && JSON.stringify({ value, references: ctx.references });
}

describe('Values read from the text', () => {
  const handled = [
    '"plain"', '"esc\\"aped\\n"', '"caf\\u00e9 \\U0001F600"', '42', '-7', '1.5', 'true', 'false', 'null', '"5$ and 10%"',
    '"${var.image}"', '"nginx:${var.tag}"', '"x-${ local.a.b }-y"', '"${attr.kernel.name}"', '"${NOMAD_ALLOC_DIR}/data"',
    '"${var.a}${var.b}"', '"${meta.rack}"', '["a", 1, true, null]', '["--port", "${NOMAD_PORT_http}", "${var.x}"]', '[]',
    'string', 'var.image', 'local.a.b', 'True', 'nullable', '[var.a, "b", trueish]',
    // Token by token: a `$$` that escapes nothing, a trailing comma, a negative fraction.
    '"a$$b"', '[1, -2.5, "c",]',
  ];
  for (const value of handled) {
    it(`reads a = ${value} as the tree walk does`, () => {
      const text = `a = ${value}`;
      const fromText = read(text);
      assert.ok(fromText, 'expected the text reader to handle it');
      assert.strictEqual(fromText, walked(text));
    });
  }

  const leftToTheTree = ['1.5e3', '"\\q"', '"\\u12"', '"$${x}"', '"%{ if a }b%{ endif }"', '"${var.a[0]}"', '"${upper(var.a)}"', '"\\t${var.a}"', '"${~ var.a ~}"', '"${var.a.0}"', 'var.a[0]', 'var.a.0', '1 + 2',
    // Tokens that follow each other but not as one literal: `$$` in a template, spaces inside a path or after `-`, a dangling dot.
    '"a$$b${var.x}"', 'var . x', '- 1', '1.', '["a" "b"]', '[1, [2]]',
  ];
  for (const value of leftToTheTree) {
    it(`leaves a = ${value} to the tree`, () => {
      assert.strictEqual(read(`a = ${value}`), undefined);
    });
  }
});
