// Thousands of broken job files through the whole engine (parse, incremental
// re-parse, validation) for every shape: nothing may throw, every range must
// lie inside its document, and no file may keep the engine busy for over a
// second of CPU (a bound against hangs, far above normal times; speed is
// measured by npm run bench). The crafted worst cases of the hang guard are
// spliced into the mutants too.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { NomadLanguageService, ParsedJobDocument } from '../../../server/src/languageService';
import { languageService } from './support';
import { seededRandom } from '../../support/random';
import { cpuMillis } from '../../support/cpuTime';
import { HANG_BOUND_CPU_MS, WORST_CASES } from '../../support/worstCases';
import { repoRoot } from '../../support/repoPaths';

const ROOT = repoRoot;
const SEED_DIRS = [path.join(ROOT, 'test/fixtures/valid'), path.join(ROOT, 'examples')];
const MUTANTS_PER_SEED = 50;
const MAX_LENGTH = 120_000;
const NOISE = ['{', '}', '[', ']', '(', ')', '"', '=', ',', '.', ':', '$', '${', '%{', '}', '#', '//', '/*', '*/', '<<EOF\n', '<<-X\n', '\n', '\r\n', '\r', ' ', '\t', '\\', 'job', 'group "g" {', 'task', 'dynamic', 'var.', 'local.', '-', '?', '...', '=>', 'é', '😀', '\u0000', '\ufeff', '\ud800', '"a', '0x', '1e999'];

type Random = () => number;
type Mutation = (text: string, random: Random) => string;

const pickInt = (random: Random, below: number): number => Math.floor(random() * below);
const at = (text: string, random: Random): number => pickInt(random, text.length + 1);

const mutations: Record<string, Mutation> = {
  truncate: (text, random) => text.slice(0, at(text, random)),
  deleteRange: (text, random) => {
    const start = at(text, random);
    return text.slice(0, start) + text.slice(start + pickInt(random, 200));
  },
  insertNoise: (text, random) => {
    let out = text;
    for (let i = 0, n = 1 + pickInt(random, 6); i < n; i++) {
      const position = at(out, random);
      out = out.slice(0, position) + NOISE[pickInt(random, NOISE.length)] + out.slice(position);
    }
    return out;
  },
  duplicateSlice: (text, random) => {
    const start = at(text, random);
    const slice = text.slice(start, start + pickInt(random, 400));
    const position = at(text, random);
    return text.slice(0, position) + slice + text.slice(position);
  },
  swapLines: (text, random) => {
    const lines = text.split('\n');
    const a = pickInt(random, lines.length);
    const b = pickInt(random, lines.length);
    [lines[a], lines[b]] = [lines[b], lines[a]];
    return lines.join('\n');
  },
  deepBlocks: (text, random) => {
    const depth = 50 + pickInt(random, 1000);
    return `${'a {\n'.repeat(depth)}x = 1\n${'}\n'.repeat(random() < 0.5 ? depth : pickInt(random, depth))}${text}`;
  },
  deepValues: (text, random) => {
    const depth = 50 + pickInt(random, 3000);
    const open = ['[', '(', '{ a = '][pickInt(random, 3)];
    const position = at(text, random);
    return `${text.slice(0, position)}x = ${open.repeat(depth)}1${text.slice(position)}`;
  },
  deepJson: (_text, random) => {
    const depth = 100 + pickInt(random, 5000);
    return `{"job": ${'{"a": '.repeat(depth)}1${'}'.repeat(random() < 0.5 ? depth : 0)}}`;
  },
  hugeString: (text, random) => {
    const position = at(text, random);
    const huge = `x = "${'y'.repeat(10_000 + pickInt(random, 30_000))}${random() < 0.5 ? '"' : ''}\n`;
    return text.slice(0, position) + huge + text.slice(position);
  },
  invalidUtf8: (text, random) => {
    const bytes = Buffer.from(text, 'utf8');
    for (let i = 0, n = 1 + pickInt(random, 20); i < n; i++) bytes[pickInt(random, bytes.length)] = 0x80 + pickInt(random, 0x80);
    return new TextDecoder('utf-8').decode(bytes);
  },
  worstCase: (text, random) => {
    const position = at(text, random);
    // A piece of one, at most 20,000 characters: the cases in full are the hang guard's job, and fuzzing finds what their pieces do.
    const worst = WORST_CASES[pickInt(random, WORST_CASES.length)].text;
    return text.slice(0, position) + worst.slice(0, 1000 + pickInt(random, 19_000)) + text.slice(position);
  },
  lineEndings: (text, random) => (random() < 0.5 ? text.replace(/\n/g, '\r\n') : text.replace(/\n/g, '\r')),
};

function seeds(): Array<{ name: string; text: string; languageId: string }> {
  return SEED_DIRS.filter((dir) => fs.existsSync(dir)).flatMap((dir) =>
    fs.readdirSync(dir).filter((name) => /\.(hcl|json)$/.test(name)).map((name) => ({
      name,
      text: fs.readFileSync(path.join(dir, name), 'utf8'),
      languageId: name.endsWith('.json') ? 'json' : 'nomad',
    })),
  );
}

function assertInside(document: TextDocument, diagnostics: readonly Diagnostic[], context: string): void {
  const lines = document.getText().split(/\r\n|\r|\n/);
  for (const { range } of diagnostics) {
    const { start, end } = range;
    const ok =
      start.line >= 0 && end.line < lines.length && (start.line < end.line || (start.line === end.line && start.character <= end.character)) &&
      start.character >= 0 && start.character <= lines[start.line].length && end.character <= lines[end.line].length;
    assert.ok(ok, `${context}: range ${JSON.stringify(range)} outside the document (${lines.length} lines)`);
  }
}

function check(service: NomadLanguageService, document: TextDocument, previous: ParsedJobDocument | undefined, context: string): ParsedJobDocument {
  let parsed: ParsedJobDocument | undefined;
  let diagnostics: Diagnostic[] = [];
  const used = cpuMillis(() => {
    parsed = service.parseJobDocument(document, previous, { languageId: document.languageId });
    diagnostics = service.doValidation(document, parsed, { schemaVersion: '1.4.0', reportJsonSyntaxErrors: true });
  });
  assertInside(document, diagnostics, context);
  assert.ok(used < HANG_BOUND_CPU_MS, `${context}: ${used.toFixed(0)} ms of CPU`);
  return parsed as ParsedJobDocument;
}

describe('Fuzz: broken job files through the engine', function () {
  this.timeout(300_000); // the whole run; each file has its own hang bound above

  it('never throws, keeps ranges inside the document and never hangs', async () => {
    const service = await languageService();
    const random = seededRandom(0x5eed);
    const names = Object.keys(mutations);
    let checked = 0;
    for (const seed of seeds()) {
      // One document edited over and over: exercises incremental re-parsing from broken states too.
      let previous: ParsedJobDocument | undefined;
      let text = seed.text;
      for (let i = 0; i < MUTANTS_PER_SEED; i++) {
        const name = names[pickInt(random, names.length)];
        const fresh = random() < 0.3;
        text = mutations[name](fresh ? seed.text : text, random);
        if (text.length > MAX_LENGTH) text = text.slice(0, MAX_LENGTH);
        const context = `${seed.name} #${i} (${name})`;
        const document = TextDocument.create(`file:///fuzz/${seed.name}`, seed.languageId, i + 1, text);
        const parsed = check(service, document, previous, context);
        previous?.dispose();
        previous = parsed;
        // The same text again as a fresh document, and in the other language mode.
        check(service, TextDocument.create(`file:///fuzz/other-${seed.name}`, seed.languageId === 'json' ? 'nomad' : 'json', 1, text), undefined, `${context} other mode`).dispose();
        checked += 2;
      }
      previous?.dispose();
    }
    assert.ok(checked >= 2000, `only ${checked} files checked`);
  });
});
