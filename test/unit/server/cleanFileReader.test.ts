// The clean-file reader is only a shortcut: for every text it must give
// exactly the AST the tree walk gives, or decline. These tests compare the two
// on real jobs, the benchmark's generated job and texts built to trip it up.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Parser } from 'web-tree-sitter';
import { convertCleanTree, readPlainText } from '../../../server/src/hcl/cleanFileReader';
import { convertTree } from '../../../server/src/hcl/cstToAst';
import { createHclTreeSitterParser } from '../../../server/src/hcl/treeSitter';
import { HclParser } from '../../../server/src/hcl/hclParser';
import { seededRandom } from '../../support/random';
import { repoRoot } from '../../support/repoPaths';

const ROOT = repoRoot;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generateJob } = require(path.join(ROOT, 'bench/jobspecGenerator.js')) as { generateJob(lines: number): { hcl: string } };

let parser: Parser;
before(async () => {
  parser = await createHclTreeSitterParser();
});

interface Conversions {
  /** With the tree's help (undefined when that reader declined). */
  clean: string | undefined;
  /** From the text alone (undefined when declined). */
  plain: string | undefined;
  /** From the text, with only the attributes it cannot read parsed by tree-sitter (undefined when declined). */
  partial: string | undefined;
  walked: string;
  hasError: boolean;
}

/** Every conversion of `text`, as JSON. */
function convertBoth(text: string): Conversions {
  const tree = parser.parse(text);
  assert.ok(tree);
  try {
    const document = TextDocument.create('file:///t.nomad.hcl', 'nomad', 1, text);
    const clean = tree.rootNode.hasError ? undefined : convertCleanTree(tree.rootNode, document, text);
    const plain = readPlainText(document, text);
    const partial = readPlainText(document, text, (includedRanges) => parser.parse(text, null, { includedRanges }) ?? undefined);
    const walked = convertTree(tree.rootNode, document, text);
    return {
      clean: clean && JSON.stringify(clean.file),
      plain: plain && JSON.stringify(plain.file),
      partial: partial && JSON.stringify(partial.file),
      walked: JSON.stringify(walked.file),
      hasError: tree.rootNode.hasError,
    };
  } finally {
    tree.delete();
  }
}

/**
 * Whatever the readers accept must be what the tree walk gives; the readers without a whole tree must never
 * accept what tree-sitter rejects, and the partial parse must read at least every text the plain reader reads.
 */
function assertAgree(conversions: Conversions, label: string): void {
  const { clean, plain, partial, walked, hasError } = conversions;
  if (clean !== undefined) assert.strictEqual(clean, walked, `the clean reader differs from the tree walk on ${label}`);
  for (const [reader, read] of [['plain', plain], ['partial', partial]] as const) {
    if (read === undefined) continue;
    assert.ok(!hasError, `the ${reader} reader accepted a text tree-sitter rejects: ${label}`);
    assert.strictEqual(read, walked, `the ${reader} reader differs from the tree walk on ${label}`);
  }
  if (plain !== undefined) assert.ok(partial !== undefined, `the partial reader declined a text the plain reader reads: ${label}`);
}

function assertSame(text: string, label = text): Conversions {
  const conversions = convertBoth(text);
  assertAgree(conversions, label);
  return conversions;
}

function hclFiles(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => /\.(nomad\.hcl|nomad|hcl)$/.test(name)).map((name) => path.join(dir, name)) : [];
}

/** Lines that look plain but are not, or that change how the lines around them read. */
const TRICKY_LINES = [
  'a = "\\q"', 'a = 1e5', 'b = "\\u12"', 'c = True', 'grüße = 1', '-a = 1', 'a 1 {', '}', '{', '/* open', '*/', 'k = "x" # c',
  'a = [1,', ']', 'a = "${var.x}"', 'v = "$${x}"', 'x = <<EOT', 'x = <<-EOT', 'EOT', '  EOT', 'EOT;', 'EOTX', 'plain text', '${var.x}',
  'n = 1.5', 'm = -1', 'e = ""', 'd = b-1', 'd = var.a-b', 't = string', 'r = var.x.y', 'l = ["a", "${local.b}"]', 'job web {', 'w = "tab\\there"',
  // Values only tree-sitter reads: the partial parse takes these lines alone.
  'c = max(1, 2)', 'c = f(', ')', 'o = a ? b : c', 'f = [for s in var.l : upper(s)]', 'z = "${upper(var.a)}"', 'w = { a = 1 }', 'v = 1 + 2 # c',
  'u = x /* c */ + 1', 'i = var.a[0]', 'g = f(1) }', 'grüße = max(1, 2)', 'p = (1', 'y = "%{ if true }x%{ endif }"', 'k = f(1) k2 = 2', 'h = <<EOT',
  '${upper(var.x)}', '  + 1', 'x = -var.n', 's = a.*.b',
];

describe('Clean-file reader', () => {
  it('reads every example and valid fixture exactly as the tree walk does', () => {
    const files = [...hclFiles(path.join(ROOT, 'examples')), ...hclFiles(path.join(ROOT, 'test/fixtures/valid'))];
    assert.ok(files.length >= 8, `only ${files.length} files`);
    let read = 0;
    for (const file of files) if (assertSame(fs.readFileSync(file, 'utf8'), path.relative(ROOT, file)).clean !== undefined) read++;
    // The shortcut is worth having only if it applies to ordinary jobs.
    assert.ok(read >= files.length - 1, `the reader declined ${files.length - read} of ${files.length} files`);
  });

  it('reads the benchmark job, with its heredocs and interpolations, exactly as the tree walk does, even without the tree', () => {
    const { clean, plain } = assertSame(generateJob(600).hcl, 'the generated job');
    assert.ok(clean !== undefined && plain !== undefined);
  });

  const tricky: Record<string, string> = {
    'comments everywhere': '# top\njob "a" { # after brace\n  // line\n  /* block\n comment */ count = 1 # trailing\n  type = "batch" // trailing\n}\n',
    'CRLF line ends and tabs': 'job "a" {\r\n\tgroup g {\r\n\t\tcount\t=\t2\r\n\t}\r\n}\r\n',
    'two items on one line': 'job "a" {\n  count = 1 type = "batch"\n}\n',
    'a single-line block': 'job "a" {\n  group "g" { count = 1 }\n  meta { a = "b" }\n}\n',
    'an empty block on one line': 'job "a" {\n  group "g" {}\n}\n',
    'a value continued on the next line': 'job "a" {\n  count = 1\n  + 2\n  type = "x"\n}\n',
    'a name alone, then "= value" on the next line': 'job "a" {\n  count\n  = 2\n}\n',
    'multi-line lists and objects': 'job "a" {\n  datacenters = [\n    "dc1",\n    "dc2",\n  ]\n  meta = {\n    a = "b"\n  }\n}\n',
    'heredocs with and without interpolation': 'job "a" {\n  group "g" {\n    task "t" {\n      template {\n        data = <<EOF\nplain {{ env "X" }}\nEOF\n      }\n      template {\n        data = <<-EOT\n          v=${var.x}\n        EOT\n      }\n    }\n  }\n}\n',
    'templates the text reader handles': 'job "a" {\n  meta {\n    a = "${var.a}"\n    b = "x-${ local.b }-y"\n    c = "${attr.kernel.name}"\n    d = "${NOMAD_ALLOC_DIR}/x"\n    e = ["${var.e.f}", "g", 1]\n    f = "cost: 5$ and 10%"\n  }\n}\n',
    'templates it leaves to the tree': 'job "a" {\n  meta {\n    a = "$${not}"\n    b = "%{ if true }x%{ endif }"\n    c = "${var.a[0]}"\n    d = "${upper(var.a)}"\n    e = "\\t${var.a}"\n    f = "${~ var.a ~}"\n  }\n}\n',
    'escapes and unicode labels': 'job "caf\\u00e9" {\n  group "grüße" {\n    meta {\n      q = "say \\"hi\\""\n    }\n  }\n}\n',
    'unquoted labels and dynamic blocks': 'locals {\n  ports = ["a"]\n}\njob web {\n  group g {\n    dynamic "port" {\n      for_each = local.ports\n      labels   = [port.value]\n      content {\n        to = 80\n      }\n    }\n  }\n}\n',
    'numbers, booleans and null': 'job "a" {\n  priority = -5\n  meta {\n    a = 1.5e3\n    b = true\n    c = null\n  }\n}\n',
    'a byte order mark': '\uFEFFjob "a" {\n  count = 1\n}\n',
    'nothing but comments': '# only\n// comments\n',
    'a block opening on the line where the one before it closed': 'job "a" {\n  group "g" {\n  } group "h" {\n    count = 1\n  }\n}\n',
    'a block comment after a brace': 'job "a" { /* note */\n  count = 1\n}\n',
    'variables and locals with expressions': 'variable "n" {\n  type    = number\n  default = 3\n}\nlocals {\n  twice = var.n * 2\n}\njob "a" {\n  group "g" {\n    count = local.twice\n  }\n}\n',
    'calls, conditionals and multi-line values between plain lines': 'job "a" {\n  group "g" {\n    count = max(1, var.n) # at least one\n    meta {\n      a = "${upper(var.a)}-x"\n      b = var.c ? "y" : "n"\n      ä = 1\n      c = merge(\n        { x = 1 },\n        var.m,\n      )\n      d = [for s in var.l : lower(s)]\n    }\n    task "t" {\n      template {\n        data = <<-EOT\n          ${jsonencode(var.cfg)}\n        EOT\n      }\n    }\n  }\n}\n',
  };
  // Where the text alone is ambiguous the reader must decline and leave the file to the tree walk.
  const declined = new Set(['a value continued on the next line', 'a byte order mark']);
  // Files the partial parse reads though the plain reader declines them.
  const readPartially = new Set(['templates it leaves to the tree', 'variables and locals with expressions', 'calls, conditionals and multi-line values between plain lines']);
  for (const [name, text] of Object.entries(tricky)) {
    it(`agrees with the tree walk on ${name}`, () => {
      const conversions = convertBoth(text);
      assert.strictEqual(conversions.hasError, false, 'the case must be a file tree-sitter parses cleanly');
      assertAgree(conversions, name);
      if (declined.has(name)) assert.strictEqual(conversions.clean, undefined, 'expected the reader to decline');
      else assert.ok(conversions.clean !== undefined, 'expected the reader to read it');
      if (readPartially.has(name)) {
        assert.strictEqual(conversions.plain, undefined, 'expected the plain reader to decline');
        assert.ok(conversions.partial !== undefined, 'expected the partial parse to read it');
      }
    });
  }

  // Texts tree-sitter rejects, though each line looks plain: the plain reader must leave them to the parser.
  const rejected: Record<string, string> = {
    'an escape HCL does not have': 'a = "\\q"\n',
    'a short unicode escape': 'a = "\\u12"\n',
    'an exponent': 'a = 1e5\n',
    'a heredoc never closed': 'a = <<EOT\nx\n',
    'a heredoc marker with more after it': 'a = <<EOT\nx\nEOT;\n',
    'a numeric label': 'a 1 {\n}\n',
    'a brace never closed': 'job "a" {\n  count = 1\n',
    'a brace too many': 'job "a" {\n}\n}\n',
    'a call never closed': 'job "a" {\n  count = max(1,\n  type = "batch"\n}\n',
    'a call closed by the block\'s brace': 'job "a" {\n  count = max(1, 2 }\n',
    'an operator with nothing after it': 'job "a" {\n  count = 1 +\n  type = "batch"\n}\n',
    'a call in a heredoc never closed': 'a = <<EOT\n${f(1)}\n',
  };
  for (const [name, text] of Object.entries(rejected)) {
    it(`leaves ${name} to tree-sitter`, () => {
      const conversions = convertBoth(text);
      assert.ok(conversions.hasError, 'the case must be one tree-sitter rejects');
      assert.strictEqual(conversions.plain, undefined);
      assert.strictEqual(conversions.partial, undefined);
    });
  }

  it('agrees with the tree walk on a thousand line-level mutations of the examples', function () {
    this.timeout(60_000); // about a second on an idle machine
    const random = seededRandom(7);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
    const sources = hclFiles(path.join(ROOT, 'examples')).map((file) => fs.readFileSync(file, 'utf8'));
    // Each keeps the file readable more often than not, and moves things the reader looks at: line ends, comments, braces.
    const mutations: Array<(lines: string[], at: number) => void> = [
      (lines, at) => lines.splice(at, 1),
      (lines, at) => lines.splice(at, 0, lines[at]),
      (lines, at) => lines.splice(at, 2, `${lines[at]} ${lines[at + 1] ?? ''}`),
      (lines, at) => (lines[at] = `${lines[at]} # note`),
      (lines, at) => (lines[at] = `/* c */ ${lines[at]}`),
      (lines, at) => (lines[at] = lines[at].replace(/"([^"$]*)"/, '"$1-${var.x}"')),
      (lines, at) => (lines[at] = lines[at].replace('=', '=\n')),
      (lines, at) => (lines[at] = `\t${lines[at].trim()}\r`),
      (lines, at) => lines.splice(at, 0, pick(TRICKY_LINES)),
    ];
    let compared = 0;
    let readPlain = 0;
    let readPartially = 0;
    for (let round = 0; round < 1000; round++) {
      const lines = pick(sources).split('\n');
      for (let n = 1 + Math.floor(random() * 3); n > 0; n--) pick(mutations)(lines, Math.floor(random() * lines.length));
      const text = lines.join('\n');
      const conversions = convertBoth(text);
      assertAgree(conversions, `mutation round ${round}:\n${text}`);
      if (conversions.clean !== undefined) compared++;
      if (conversions.plain !== undefined) readPlain++;
      if (conversions.plain === undefined && conversions.partial !== undefined) readPartially++;
    }
    assert.ok(compared > 300, `only ${compared} mutated files were read by the reader`);
    assert.ok(readPlain > 200, `only ${readPlain} mutated files were read without a tree`);
    assert.ok(readPartially > 50, `only ${readPartially} mutated files were read with a partial parse alone`);
  });

  it('agrees with the tree walk on thousands of files made of lines that look plain', function () {
    this.timeout(60_000); // about two seconds on an idle machine
    const random = seededRandom(11);
    const soup = [
      ...TRICKY_LINES, 'a = "x"', 'b = 2', 'blk {', 'blk "l" {', 'hello', '  indented', '  X', 'y = <<-X', 'EOT  ', 'EOT # no',
      '\u00a0EOT', 'u = "\\u00e9"', 'k = x.y.z', 'o = 1.', 'p = .5', 's = "%"', 't = "%%{"', 'q = null', '# c', '// d', '',
    ];
    let readPlain = 0;
    let readPartially = 0;
    for (let round = 0; round < 3000; round++) {
      const lines = Array.from({ length: 1 + Math.floor(random() * 12) }, () => soup[Math.floor(random() * soup.length)]);
      const text = lines.join(random() < 0.1 ? '\r\n' : '\n') + (random() < 0.5 ? '\n' : '');
      const conversions = convertBoth(text);
      assertAgree(conversions, JSON.stringify(text));
      if (conversions.plain !== undefined) readPlain++;
      if (conversions.plain === undefined && conversions.partial !== undefined) readPartially++;
    }
    assert.ok(readPlain > 100, `only ${readPlain} texts were read without a tree`);
    assert.ok(readPartially > 100, `only ${readPartially} texts were read with a partial parse alone`);
  });

  it('is what the parser uses for clean files, and it still finds the problems the tree walk finds', async () => {
    const hcl = await HclParser.create();
    const text = tricky['two items on one line'];
    const parsed = hcl.parse(TextDocument.create('file:///t.nomad.hcl', 'nomad', 1, text));
    try {
      assert.deepStrictEqual(parsed.file.syntaxErrors.map((problem) => problem.message), ['Put each attribute and block on its own line']);
      assert.strictEqual(JSON.stringify(parsed.file), convertBoth(text).walked);
    } finally {
      parsed.dispose();
    }
  });
});
