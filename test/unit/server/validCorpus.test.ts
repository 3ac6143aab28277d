// Zero false positives: every valid job we have must come out clean. Hints
// (deprecated fields, shown struck through and not in the Problems view)
// are allowed; errors, warnings and information are not.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { listDiagnostics, validate } from './support';
import { repoRoot } from '../../support/repoPaths';

const ROOT = repoRoot;
const CORPUS = [path.join(ROOT, 'test/fixtures/valid'), path.join(ROOT, 'examples')];

function jobFiles(): string[] {
  return CORPUS.filter((dir) => fs.existsSync(dir)).flatMap((dir) =>
    fs.readdirSync(dir).filter((name) => /\.(hcl|nomad|json)$/.test(name)).map((name) => path.join(dir, name)),
  );
}

describe('Valid jobs come out clean', () => {
  const files = jobFiles();

  it('finds the corpus', () => {
    assert.ok(files.length >= 10, `only ${files.length} files in ${CORPUS.join(', ')}`);
  });

  for (const file of files) {
    it(path.relative(ROOT, file), async () => {
      const text = fs.readFileSync(file, 'utf8');
      const { diagnostics, parsed } = await validate(text, { languageId: file.endsWith('.json') ? 'json' : 'nomad', uri: `file://${file}` });
      assert.notStrictEqual(parsed.shape, 'not-a-job');
      const problems = diagnostics.filter((d) => d.severity !== DiagnosticSeverity.Hint);
      assert.deepStrictEqual(problems, [], listDiagnostics(problems));
    });
  }
});
