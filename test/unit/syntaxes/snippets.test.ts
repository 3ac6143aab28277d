import * as assert from 'assert';
import { computeFormatEdits } from '../../../server/src/services/format/formatter';
import { parseHcl } from '../server/services/support/hclParser';
import { readRepoJson } from '../../support/repoPaths';
import { expandWithDefaults, readSnippets } from '../server/services/support/snippets';

describe('job snippets (snippets/nomad.json)', () => {
  const snippets = readSnippets();

  // The first parse loads tree-sitter's wasm, which takes seconds on a busy machine.
  before(async function () {
    this.timeout(20_000);
    await parseHcl('');
  });

  it('are contributed for the nomad language', () => {
    const manifest = readRepoJson<{ contributes: { snippets: { language: string; path: string }[] } }>('package.json');
    assert.deepStrictEqual(manifest.contributes.snippets, [{ language: 'nomad', path: './snippets/nomad.json' }]);
  });

  it('cover the service, batch, periodic, parameterized and system jobs', () => {
    const prefixes = Object.values(snippets).flatMap((s) => s.prefix);
    for (const wanted of ['job-service', 'job-batch', 'job-periodic', 'job-parameterized', 'job-system']) {
      assert.ok(prefixes.includes(wanted), `missing ${wanted}`);
    }
  });

  for (const [name, snippet] of Object.entries(snippets)) {
    describe(name, () => {
      it('has a description and a job body', () => {
        assert.ok(snippet.description.length > 20);
        assert.match(snippet.body[0], /^job "\$\{1:[a-z-]+\}" \{$/);
      });

      it('gives a placeholder the same default wherever it repeats', () => {
        const defaults = new Map<string, string>();
        for (const [, index, fallback] of snippet.body.join('\n').matchAll(/\$\{(\d+):([^}]*)\}/g)) {
          const seen = defaults.get(index);
          assert.ok(seen === undefined || seen === fallback, `placeholder ${index}: ${seen} vs ${fallback}`);
          defaults.set(index, fallback);
        }
      });

      it('expands to a job with balanced braces and brackets', () => {
        const text = expandWithDefaults(snippet.body);
        assert.ok(!/\$\d|\$\{\d/.test(text), 'no placeholder left');
        for (const [open, close] of [['{', '}'], ['[', ']']]) {
          assert.strictEqual(text.split(open).length, text.split(close).length, `${open}${close} balanced`);
        }
        assert.match(text, /type\s+= "(service|batch|system)"/);
      });

      it('expands to a job that parses and is already in canonical layout', async () => {
        const text = expandWithDefaults(snippet.body);
        const tree = await parseHcl(text);
        assert.ok(!tree.rootNode.hasError, 'parses without syntax errors');
        assert.deepStrictEqual(computeFormatEdits(text, tree.rootNode), []);
      });
    });
  }
});
