// Validation reuses findings of unchanged bodies across edits (schemaWalker's
// cache) and the parser updates the AST in place: after any series of edits
// the diagnostics must equal those of a fresh parse and validation.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService, type NomadLanguageService, type ParsedJobDocument } from '../../../server/src/languageService';
import { seededRandom } from '../../support/random';
import { repoRoot } from '../../support/repoPaths';

const ROOT = repoRoot;

describe('Diagnostics after edits', function () {
  this.timeout(60_000); // dozens of full parses for comparison: a bound, not a speed test
  let editing: NomadLanguageService;
  let fresh: NomadLanguageService;
  before(async () => {
    editing = await createLanguageService();
    fresh = await createLanguageService();
  });

  it('equal a fresh validation, edit after edit', () => {
    const base = fs.readFileSync(path.join(ROOT, 'test/fixtures/valid/service-connect.nomad.hcl'), 'utf8');
    const edits: Array<[RegExp | string, string]> = [
      ['cpu    = 500', 'cpu    = "lots"'],
      ['cpu    = "lots"', 'cpu    = 500'],
      ['interval = "10s"', 'interval = "10 s"'],
      ['interval = "10 s"', 'interval = "10s"'],
      ['priority    = 60', 'priority    = 60\n  prioritty = 1'],
      ['\n  prioritty = 1', ''],
      ['type        = "service"', 'type        = "servce"'],
      ['type        = "servce"', 'type        = "service"'],
      ['      kill_signal  = "SIGTERM"', '      kill_signal  = "SIGTERM"\n      kill_signal  = "SIGINT"'],
      ['\n      kill_signal  = "SIGINT"', ''],
      ['driver = "docker"', 'driver = "podman"'],
      ['driver = "podman"', 'driver = "docker"'],
      ['image = local.image', 'image = var.missing'],
      ['image = var.missing', 'image = local.image'],
      ['    count = var.replicas', '    count = var.replicas\n    resources {}'],
      ['\n    resources {}', ''],
    ];
    const random = seededRandom(99);
    let document = TextDocument.create('file:///edit.nomad.hcl', 'nomad', 1, base);
    let previous: ParsedJobDocument = editing.parseJobDocument(document);
    editing.doValidation(document, previous);
    for (let round = 0; round < 40; round++) {
      const applicable = edits.filter(([from]) => document.getText().includes(from as string));
      const [from, to] = applicable[Math.floor(random() * applicable.length)];
      document = TextDocument.create(document.uri, 'nomad', document.version + 1, document.getText().replace(from, to));
      const parsed = editing.parseJobDocument(document, previous);
      previous.dispose();
      previous = parsed;
      const reference = fresh.parseJobDocument(TextDocument.create('file:///fresh.nomad.hcl', 'nomad', 1, document.getText()));
      assert.deepStrictEqual(editing.doValidation(document, parsed), fresh.doValidation(document, reference), `round ${round}: ${String(from)} -> ${to}`);
      reference.dispose();
    }
    previous.dispose();
  });
});
