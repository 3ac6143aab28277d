import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { HclParser, type HclSyntaxTree } from '../../../server/src/hcl/hclParser';
import { findSingleEdit } from '../../../server/src/hcl/textEdit';
import { LineIndex } from '../../../server/src/hcl/lineIndex';
import { seededRandom } from '../../support/random';

const BASE = `variable "image" {
  default = "nginx"
}

job "web" {
  datacenters = ["dc1"]

  group "frontend" {
    count = 2

    task "server" {
      driver = "docker"
      config {
        image = var.image
        args  = ["-p", "8080"]
      }
      resources {
        cpu    = 500
        memory = 256
      }
    }
  }

  group "backend" {
    task "api" {
      driver = "exec"
      config {
        command = "/bin/api"
      }
    }
  }
}
`;

describe('findSingleEdit', () => {
  it('describes an insertion, a deletion and a replacement', () => {
    assert.deepStrictEqual(pick(findSingleEdit('abc', 'abXc')), [2, 2, 3]);
    assert.deepStrictEqual(pick(findSingleEdit('abc', 'ac')), [1, 2, 1]);
    assert.deepStrictEqual(pick(findSingleEdit('a\nbc', 'a\nXY')), [2, 4, 4]);
    assert.strictEqual(findSingleEdit('same', 'same'), undefined);
  });

  it('gives rows and columns as tree-sitter counts them', () => {
    const edit = findSingleEdit('one\ntwo\nthree', 'one\ntwo\nthr33');
    assert.deepStrictEqual(edit?.startPosition, { row: 2, column: 3 });
    assert.deepStrictEqual(edit?.newEndPosition, { row: 2, column: 5 });
  });

  it('never splits a surrogate pair', () => {
    const edit = findSingleEdit('a😀b', 'a😁b');
    assert.deepStrictEqual(pick(edit), [1, 3, 3]);
  });
});

/** Plain data of an AST, ranges included (they are computed on access, so deepStrictEqual alone would not see them). */
function snapshot(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snapshot);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = snapshot((value as Record<string, unknown>)[key]);
  if ('range' in value) out.range = (value as { range: unknown }).range;
  return out;
}

function pick(edit: ReturnType<typeof findSingleEdit>): number[] | undefined {
  return edit && [edit.startIndex, edit.oldEndIndex, edit.newEndIndex];
}

describe('Incremental HCL parsing', function () {
  this.timeout(60_000); // parses a file dozens of times; a generous bound, not a speed test
  let parser: HclParser;
  before(async () => {
    parser = await HclParser.create();
  });

  function parseFresh(text: string): HclSyntaxTree {
    return parser.parse(TextDocument.create('file:///t', 'nomad', 1, text));
  }

  it('gives the same AST as a full parse after edits that keep the file valid', () => {
    const random = seededRandom(20240611);
    const edits: Array<(text: string) => string> = [
      (text) => text.replace(/cpu    = \d+/, `cpu    = ${Math.floor(random() * 4000)}`),
      (text) => text.replace('count = ', `count = 1`),
      (text) => text.replace('      resources {\n', '      resources {\n        memory_max = 512\n'),
      (text) => text.replace(/\n {8}memory_max = 512/, ''),
      (text) => text.replace('"-p"', '"--port"'),
      (text) => text.replace('job "web"', 'job "webapp"'),
      (text) => text.replace('task "api" {\n', 'task "api" {\n      leader = true\n'),
      (text) => text.replace('\n\n  group "backend"', '\n  group "backend"'),
      (text) => text.replace('ü', '').replace('"nginx"', '"ngïnx😀"'),
      (text) => text.replace('datacenters = ["dc1"]', 'datacenters = ["dc1", "dc2"]\n  priority = 70'),
      (text) => text.replace(/\n {2}priority = 70/, ''),
      (text) => text.replace('variable "image" {\n', 'variable "image" {\n  type = string\n'),
      (text) => text.replace(/\r?\n/, '\r\n'),
    ];
    let text = BASE;
    let version = 1;
    let tree = parseFresh(text);
    for (let round = 0; round < 30; round++) {
      const next = edits[Math.floor(random() * edits.length)](text);
      const incremental = parser.parse(TextDocument.create('file:///t', 'nomad', ++version, next), tree);
      const fresh = parseFresh(next);
      assert.deepStrictEqual(snapshot(incremental.file), snapshot(fresh.file), `round ${round}`);
      fresh.dispose();
      tree.dispose();
      tree = incremental;
      text = next;
    }
    tree.dispose();
  });

  it('recovers after an edit breaks the file and another repairs it', () => {
    const broken = BASE.replace('driver = "docker"', 'driver = "dock');
    const first = parseFresh(BASE);
    const second = parser.parse(TextDocument.create('file:///t', 'nomad', 2, broken), first);
    assert.ok(second.file.syntaxErrors.length > 0);
    const third = parser.parse(TextDocument.create('file:///t', 'nomad', 3, BASE), second);
    const fresh = parseFresh(BASE);
    assert.deepStrictEqual(snapshot(third.file), snapshot(fresh.file));
    for (const tree of [first, second, third, fresh]) tree.dispose();
  });
});

describe('LineIndex', function () {
  this.timeout(30_000); // thousands of random edits; a bound against hangs, not a speed test

  it('stays equal to a fresh index through random edits, line breaks of every kind included', () => {
    const random = seededRandom(7);
    const pieces = ['a', 'bc', '\n', '\r\n', '\r', 'é😀', ''];
    let text = 'first\nsecond\r\nthird\rfourth';
    const index = new LineIndex(text);
    for (let round = 0; round < 500; round++) {
      const start = Math.floor(random() * (text.length + 1));
      const oldEnd = Math.min(text.length, start + Math.floor(random() * 4));
      const inserted = pieces[Math.floor(random() * pieces.length)] + pieces[Math.floor(random() * pieces.length)];
      const next = text.slice(0, start) + inserted + text.slice(oldEnd);
      index.update(next, start, oldEnd, start + inserted.length);
      const fresh = new LineIndex(next);
      const document = TextDocument.create('file:///x', 'nomad', 1, next);
      for (let offset = 0; offset <= next.length; offset++) {
        assert.deepStrictEqual(index.positionAt(offset), fresh.positionAt(offset), `round ${round}, offset ${offset}`);
        assert.deepStrictEqual(fresh.positionAt(offset), document.positionAt(offset), `round ${round}, offset ${offset} (LSP)`);
      }
      text = next;
    }
  });
});
