import * as assert from 'assert';
import { readRepoJson } from '../../support/repoPaths';

interface LanguageConfiguration {
  comments: { lineComment: string; blockComment: [string, string] };
  brackets: [string, string][];
  autoClosingPairs: { open: string; close: string; notIn?: string[] }[];
  surroundingPairs: [string, string][];
  indentationRules: { increaseIndentPattern: string; decreaseIndentPattern: string };
  folding: { markers: { start: string; end: string } };
  wordPattern: string;
}

describe('language configuration (syntaxes/language-configuration.json)', () => {
  const config = readRepoJson<LanguageConfiguration>('syntaxes', 'language-configuration.json');
  // VS Code compiles these patterns as JavaScript regular expressions.
  const increase = new RegExp(config.indentationRules.increaseIndentPattern);
  const decrease = new RegExp(config.indentationRules.decreaseIndentPattern);

  it('uses # line comments (what nomad fmt keeps) and /* */ block comments', () => {
    assert.deepStrictEqual(config.comments, { lineComment: '#', blockComment: ['/*', '*/'] });
  });

  it('pairs and auto-closes braces, brackets, parentheses and quotes', () => {
    const pairs = config.brackets.map(([o, c]) => o + c);
    assert.deepStrictEqual(pairs.sort(), ['()', '[]', '{}']);
    const closing = config.autoClosingPairs.map((p) => p.open + p.close);
    for (const pair of ['{}', '[]', '()', '""']) assert.ok(closing.includes(pair), pair);
    assert.deepStrictEqual(config.autoClosingPairs.find((p) => p.open === '"')?.notIn, ['string', 'comment']);
  });

  it('indents after an opening block, list or call and outdents on the closer', () => {
    for (const line of ['job "web" {', '  group "app" {', '  args = [', '  value = format(', '  env = {']) {
      assert.ok(increase.test(line), line);
    }
    for (const line of ['  count = 1', '  resources { cpu = 100 }', '  # a comment {', '  args = ["a"]']) {
      assert.ok(!increase.test(line), line);
    }
    for (const line of ['}', '  }', '  ]', ')']) assert.ok(decrease.test(line), line);
    assert.ok(!decrease.test('  count = 1'));
  });

  it('folds # region markers', () => {
    assert.ok(new RegExp(config.folding.markers.start).test('  # region networking'));
    assert.ok(new RegExp(config.folding.markers.end).test('  # endregion'));
  });

  it('treats hyphenated and underscored names as one word', () => {
    const words = 'driver = "raw_exec" # my-service NOMAD_ALLOC_DIR'.match(new RegExp(config.wordPattern, 'g'));
    assert.deepStrictEqual(words, ['driver', 'raw_exec', 'my-service', 'NOMAD_ALLOC_DIR']);
  });
});
