// The clean-file reader is only a shortcut: for every text it must give
// exactly the AST the tree walk gives, or decline. These tests compare the two
// on real jobs, the benchmark's generated job and texts built to trip it up.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Parser } from 'web-tree-sitter';
import { convertCleanTree } from '../../../server/src/hcl/cleanFileReader';
import { convertTree } from '../../../server/src/hcl/cstToAst';
import { createHclTreeSitterParser } from '../../../server/src/hcl/treeSitter';
import { HclParser } from '../../../server/src/hcl/hclParser';
import { seededRandom } from './random';

const ROOT = path.resolve(__dirname, '../../../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generateJob } = require(path.join(ROOT, 'bench/jobspecGenerator.js')) as { generateJob(lines: number): { hcl: string } };

let parser: Parser;
before(async () => {
  parser = await createHclTreeSitterParser();
});

/** Both conversions of `text`; `clean` is undefined when the reader declined. */
function convertBoth(text: string): { clean: string | undefined; walked: string; hasError: boolean } {
  const tree = parser.parse(text);
  assert.ok(tree);
  try {
    const document = TextDocument.create('file:///t.nomad.hcl', 'nomad', 1, text);
    const clean = tree.rootNode.hasError ? undefined : convertCleanTree(tree.rootNode, document, text);
    const walked = convertTree(tree.rootNode, document, text);
    return { clean: clean && JSON.stringify(clean.file), walked: JSON.stringify(walked.file), hasError: tree.rootNode.hasError };
  } finally {
    tree.delete();
  }
}

function assertSame(text: string, label = text): boolean {
  const { clean, walked } = convertBoth(text);
  if (clean !== undefined) assert.strictEqual(clean, walked, `the clean reader differs from the tree walk on ${label}`);
  return clean !== undefined;
}

function hclFiles(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => /\.(nomad\.hcl|nomad|hcl)$/.test(name)).map((name) => path.join(dir, name)) : [];
}

describe('Clean-file reader', () => {
  it('reads every example and valid fixture exactly as the tree walk does', () => {
    const files = [...hclFiles(path.join(ROOT, 'examples')), ...hclFiles(path.join(ROOT, 'test/fixtures/valid'))];
    assert.ok(files.length >= 8, `only ${files.length} files`);
    let read = 0;
    for (const file of files) if (assertSame(fs.readFileSync(file, 'utf8'), path.relative(ROOT, file))) read++;
    // The shortcut is worth having only if it applies to ordinary jobs.
    assert.ok(read >= files.length - 1, `the reader declined ${files.length - read} of ${files.length} files`);
  });

  it('reads the benchmark job, with its heredocs and interpolations, exactly as the tree walk does', () => {
    assert.ok(assertSame(generateJob(600).hcl, 'the generated job'));
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
    'variables and locals with expressions': 'variable "n" {\n  type    = number\n  default = 3\n}\nlocals {\n  twice = var.n * 2\n}\njob "a" {\n  group "g" {\n    count = local.twice\n  }\n}\n',
  };
  // Where the text alone is ambiguous the reader must decline and leave the file to the tree walk.
  const declined = new Set(['a value continued on the next line', 'a byte order mark']);
  for (const [name, text] of Object.entries(tricky)) {
    it(`agrees with the tree walk on ${name}`, () => {
      const { clean, walked, hasError } = convertBoth(text);
      assert.strictEqual(hasError, false, 'the case must be a file tree-sitter parses cleanly');
      if (declined.has(name)) assert.strictEqual(clean, undefined, 'expected the reader to decline');
      else assert.strictEqual(clean, walked);
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
    ];
    let compared = 0;
    for (let round = 0; round < 1000; round++) {
      const lines = pick(sources).split('\n');
      for (let n = 1 + Math.floor(random() * 3); n > 0; n--) pick(mutations)(lines, Math.floor(random() * lines.length));
      const text = lines.join('\n');
      const { clean, walked } = convertBoth(text);
      if (clean === undefined) continue;
      assert.strictEqual(clean, walked, `differs on mutation round ${round}:\n${text}`);
      compared++;
    }
    assert.ok(compared > 300, `only ${compared} mutated files were read by the reader`);
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
