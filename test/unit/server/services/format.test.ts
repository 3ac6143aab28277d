import * as assert from 'assert';
import * as fs from 'fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Node } from 'web-tree-sitter';
import { applyOffsetEdits, computeFormatEdits, formatDocument } from '../../../../server/src/services/format/formatter';
import { parseHcl } from './support/hclParser';
import { repoFile } from '../../../support/repoPaths';

async function format(text: string): Promise<string> {
  const tree = await parseHcl(text);
  return applyOffsetEdits(text, computeFormatEdits(text, tree.rootNode));
}

/** Every token's text in order, with the node type of its parent: equal for two files that mean the same. */
function leaves(node: Node, out: string[] = []): string[] {
  if (node.type === 'heredoc_template' || node.type === 'comment' || node.childCount === 0) {
    out.push(`${node.parent?.type}:${node.text}`);
    return out;
  }
  for (const child of node.children) if (child) leaves(child, out);
  return out;
}

function textsOfType(node: Node, type: string): string[] {
  return node.descendantsOfType(type).map((n) => n?.text ?? '');
}

const messy = fs.readFileSync(repoFile('test', 'unit', 'server', 'services', 'fixtures', 'format', 'messy.nomad.hcl'), 'utf8');
const canonical = fs.readFileSync(
  repoFile('test', 'unit', 'server', 'services', 'fixtures', 'format', 'messy.formatted.nomad.hcl'),
  'utf8',
);

// Expected layouts. Apart from blank-line normalisation and heredoc bodies (kept as written),
// these agree with hclwrite, the formatter behind `nomad fmt` and `terraform fmt`.
const CASES: { name: string; input: string; expected: string }[] = [
  {
    name: 'aligns = across a run of single-line attributes',
    input: 'a=1\nbungle = 2\nzz   = "x"\n',
    expected: 'a      = 1\nbungle = 2\nzz     = "x"\n',
  },
  {
    name: 'a blank line, a comment line or a multi-line value ends an alignment run',
    input: 'a = 1\nbb = 2\n\nccc = 3\n# note\ndddd = 4\ne = [\n1,\n]\nffffff = 5\n',
    expected: 'a  = 1\nbb = 2\n\nccc = 3\n# note\ndddd = 4\ne = [\n  1,\n]\nffffff = 5\n',
  },
  {
    name: 'aligns trailing comments after the aligned values',
    input: 'a = 1 # one\nbungle = "bonce" # two\nzebra = "striped" # three\n',
    expected: 'a      = 1         # one\nbungle = "bonce"   # two\nzebra  = "striped" # three\n',
  },
  {
    name: 'counts columns in characters a reader sees, not UTF-16 units',
    input: 'é = 1 # a\nbungle = "🇬🇧" # b\nzebra = "striped" # c\n',
    expected: 'é      = 1         # a\nbungle = "🇬🇧"       # b\nzebra  = "striped" # c\n',
  },
  {
    name: 'indents two spaces per open block and replaces tabs',
    input: 'job "x" {\n\tgroup "g" {\ncount = 1\n        }\n}\n',
    expected: 'job "x" {\n  group "g" {\n    count = 1\n  }\n}\n',
  },
  {
    name: 'keeps at most one blank line, none at the top, after { or before }',
    input: '\n\njob "x" {\n\n  a = 1\n\n\n\n  b = 2\n\n}\n\n\n',
    expected: 'job "x" {\n  a = 1\n\n  b = 2\n}\n',
  },
  {
    name: 'spaces binary operators but not unary minus, negation, dots, calls or indexes',
    input: 'a = 1+2*-3\nb = !x&&y||z\nc = foo . bar [0]\nd = max( 1 ,-2 , 3 )\ne = x==y ? -1 : 1\n',
    expected: 'a = 1 + 2 * -3\nb = !x && y || z\nc = foo.bar[0]\nd = max(1, -2, 3)\ne = x == y ? -1 : 1\n',
  },
  {
    name: 'pads inline braces but not brackets, and writes an empty block as {}',
    input: 'o = {a=1,b=[ 1,2 ]}\nblock   {  }\nx "l" {a = 1}\n',
    expected: 'o = { a = 1, b = [1, 2] }\nblock {}\nx "l" { a = 1 }\n',
  },
  {
    name: 'tightens interpolations and directives in quoted strings but keeps their literal text',
    input: 'a = "  keep  ${ var.x }  spaces %{ if y }yes%{ endif } "\n',
    expected: 'a = "  keep  ${var.x}  spaces %{if y}yes%{endif} "\n',
  },
  {
    name: 'formats for expressions and splats',
    input: 'a = [for k,v in var.m: upper(k) if v!=null]\nb = x[*].y\nc = x.*.y\n',
    expected: 'a = [for k, v in var.m : upper(k) if v != null]\nb = x[*].y\nc = x.*.y\n',
  },
  {
    name: 'indents multi-line lists, calls and objects by bracket depth',
    input: 'x = merge(\nvar.a,\n{\nb = 1\ncc = 2\n},\n)\n',
    expected: 'x = merge(\n  var.a,\n  {\n    b  = 1\n    cc = 2\n  },\n)\n',
  },
  {
    name: 'keeps a heredoc body byte for byte while aligning the line that opens it',
    input: 'template {\ndata = <<-EOT\n   ${ x }   \n\tweird\n  EOT\ndestination = "local/x"\n}\n',
    expected: 'template {\n  data        = <<-EOT\n   ${ x }   \n\tweird\n  EOT\n  destination = "local/x"\n}\n',
  },
  {
    name: 'moves comments with their lines but keeps their text, including trailing spaces',
    input: 'job "x" {\n      # lead   \n  /* multi\n     line */\n  a = 1 // tail\n}\n',
    expected: 'job "x" {\n  # lead   \n  /* multi\n     line */\n  a = 1 // tail\n}\n',
  },
  {
    name: 'keeps CRLF line endings',
    input: 'job "x" {\r\n\r\n\r\n  a   = 1 # one\r\n  bb = 2\r\n}\r\n',
    expected: 'job "x" {\r\n  a  = 1 # one\r\n  bb = 2\r\n}\r\n',
  },
  {
    name: 'does not add a final newline that was not there',
    input: 'a   = 1',
    expected: 'a = 1',
  },
];

describe('formatter (services/format)', () => {

  // The first parse loads tree-sitter's wasm, which takes seconds on a busy machine.
  before(async function () {
    this.timeout(20_000);
    await parseHcl('');
  });
  for (const { name, input, expected } of CASES) {
    it(name, async () => {
      assert.strictEqual(await format(input), expected);
    });
  }

  it('lays out a realistic messy job exactly like the canonical fixture', async () => {
    assert.strictEqual(await format(messy), canonical);
  });

  it('is idempotent: formatted text needs no further edits', async () => {
    for (const text of [canonical, ...CASES.map((c) => c.expected)]) {
      const tree = await parseHcl(text);
      assert.deepStrictEqual(computeFormatEdits(text, tree.rootNode), [], JSON.stringify(text));
    }
  });

  it('preserves meaning: same syntax tree and same tokens after formatting', async () => {
    for (const input of [messy, ...CASES.map((c) => c.input)]) {
      const before = (await parseHcl(input)).rootNode;
      const after = (await parseHcl(await format(input))).rootNode;
      assert.strictEqual(after.toString(), before.toString());
      assert.deepStrictEqual(leaves(after), leaves(before));
    }
  });

  it('keeps every comment and heredoc byte for byte', async () => {
    const before = (await parseHcl(messy)).rootNode;
    const after = (await parseHcl(await format(messy))).rootNode;
    assert.ok(textsOfType(before, 'comment').length >= 5);
    assert.deepStrictEqual(textsOfType(after, 'comment'), textsOfType(before, 'comment'));
    assert.deepStrictEqual(textsOfType(after, 'heredoc_template'), textsOfType(before, 'heredoc_template'));
  });

  it('refuses to format a file with syntax errors', async () => {
    for (const broken of ['job "x" {\n  a   = 1\n', 'job "x" {\n  a = \n}\n', 'job "x" {\n  a  =  "unclosed\n}\n']) {
      const tree = await parseHcl(broken);
      assert.ok(tree.rootNode.hasError, `expected a syntax error in ${JSON.stringify(broken)}`);
      assert.deepStrictEqual(computeFormatEdits(broken, tree.rootNode), []);
    }
  });

  it('leaves alone a heredoc tree-sitter accepts but Nomad does not read as one (blanks after the marker)', async () => {
    const text = 'job "x" {\n  meta {\n    a = <<EOT  \n  x   =   1\nEOT\n  }\n}\n';
    const tree = await parseHcl(text);
    assert.ok(!tree.rootNode.hasError);
    assert.deepStrictEqual(computeFormatEdits(text, tree.rootNode), []);
  });

  it('returns small edits on the changed lines only, never a whole-document replace', async () => {
    const text = 'job "x" {\n  group "g" {\n    count = 1\n      meta  = {}\n  }\n}\n';
    const tree = await parseHcl(text);
    const edits = computeFormatEdits(text, tree.rootNode);
    assert.deepStrictEqual(edits, [{ start: text.indexOf('      meta') + 4, end: text.indexOf('meta'), newText: '' }]);
  });

  it('formats only the requested range', async () => {
    const text = 'job "x" {\ngroup "a" {\ncount=1\n}\ngroup "b" {\ncount=2\n}\n}\n';
    const document = TextDocument.create('file:///x.nomad.hcl', 'nomad', 1, text);
    const root = (await parseHcl(text)).rootNode;
    const all = formatDocument(document, root);
    const inRange = formatDocument(document, root, { start: { line: 4, character: 0 }, end: { line: 6, character: 1 } });
    assert.ok(inRange.length > 0 && inRange.length < all.length);
    for (const edit of inRange) {
      assert.ok(edit.range.start.line >= 4 && edit.range.end.line <= 6, JSON.stringify(edit));
    }
    const formattedRange = TextDocument.applyEdits(document, inRange);
    assert.strictEqual(formattedRange, 'job "x" {\ngroup "a" {\ncount=1\n}\n  group "b" {\n    count = 2\n  }\n}\n');
  });
});
