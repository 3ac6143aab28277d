import * as assert from 'assert';
import * as oniguruma from 'vscode-oniguruma';
import type { IGrammar } from 'vscode-textmate';
import { readRepoJson } from '../../support/repoPaths';
import { loadNomadGrammar, onigLib, tokenize, type Token } from '../server/services/support/textmate';

interface RawRule {
  include?: string;
  match?: string;
  begin?: string;
  end?: string;
  patterns?: RawRule[];
  captures?: Record<string, RawRule>;
  beginCaptures?: Record<string, RawRule>;
  endCaptures?: Record<string, RawRule>;
}

interface RawGrammar extends RawRule {
  scopeName: string;
  repository: Record<string, RawRule>;
}

function* walkRules(rule: RawRule): Generator<RawRule> {
  yield rule;
  for (const child of rule.patterns ?? []) yield* walkRules(child);
  for (const captures of [rule.captures, rule.beginCaptures, rule.endCaptures]) {
    for (const capture of Object.values(captures ?? {})) yield* walkRules(capture);
  }
}

const SAMPLE = `# Web tier
job "web" {
  datacenters = ["dc1", var.region]
  type        = "service"
  // one group only
  group "app" {
    count = 3 /* scaled by hand */
    enabled = true

    task "server" {
      driver = "docker"
      config {
        image = "nginx:\${var.version}"
        args  = [for a in local.args : upper(a) if a != null]
      }
      template {
        data = <<-EOF
          port={{ env "NOMAD_PORT_http" }} \${NOMAD_ALLOC_DIR}
          %{ if var.debug }debug%{ endif }
        EOF
      }
      check_restart {
        grace = "1m30s"
      }
      constraint {
        attribute = "\${attr.kernel.name}"
        operator  = "!="
        value     = "windows\\n"
      }
      env = { LOG_LEVEL = "info", ratio = 0x1F * 2.5e3 }
    }
  }
}`;

describe('TextMate grammar (syntaxes/nomad.tmLanguage.json)', () => {
  const raw = readRepoJson<RawGrammar>('syntaxes', 'nomad.tmLanguage.json');
  let grammar: IGrammar;
  let lines: Token[][];

  before(async function () {
    this.timeout(20_000); // loading the oniguruma wasm takes seconds on a busy machine
    grammar = await loadNomadGrammar();
    lines = tokenize(grammar, SAMPLE);
  });

  /** The scopes of the first token on a 0-based line whose text is exactly `text` (after `skip` earlier matches). */
  function scopesOf(line: number, text: string, skip = 0): string[] {
    const matches = lines[line].filter((t) => t.text === text);
    const token = matches[skip];
    assert.ok(token, `no token ${JSON.stringify(text)} on line ${line}: ${JSON.stringify(lines[line].map((t) => t.text))}`);
    return token.scopes;
  }

  function assertScope(line: number, text: string, scope: string, skip = 0): void {
    const scopes = scopesOf(line, text, skip);
    assert.ok(scopes.includes(scope), `${JSON.stringify(text)} on line ${line} has ${scopes.join(' ')}, expected ${scope}`);
  }

  it('is the grammar package.json points at', () => {
    const manifest = readRepoJson<{ contributes: { grammars: { language: string; scopeName: string; path: string }[] } }>(
      'package.json',
    );
    const entry = manifest.contributes.grammars.find((g) => g.language === 'nomad');
    assert.deepStrictEqual(entry, { language: 'nomad', scopeName: raw.scopeName, path: './syntaxes/nomad.tmLanguage.json' });
  });

  it('resolves every include and uses every repository rule', () => {
    const used = new Set<string>();
    const rules = [...walkRules(raw), ...Object.values(raw.repository).flatMap((r) => [...walkRules(r)])];
    for (const rule of rules) {
      if (!rule.include) continue;
      assert.match(rule.include, /^#/, `only local includes are expected, got ${rule.include}`);
      const name = rule.include.slice(1);
      assert.ok(raw.repository[name], `include ${rule.include} has no repository entry`);
      used.add(name);
    }
    assert.deepStrictEqual(Object.keys(raw.repository).filter((k) => !used.has(k)), []);
  });

  it('has only regular expressions oniguruma compiles', async () => {
    await onigLib();
    const rules = Object.values(raw.repository).flatMap((r) => [...walkRules(r)]);
    for (const rule of rules) {
      for (const source of [rule.match, rule.begin, rule.end]) {
        // A backreference to the begin match (\\2 in the heredoc end) is substituted before compiling, as the engine does.
        if (source) assert.doesNotThrow(() => new oniguruma.OnigScanner([source.replace(/\\(\d)/g, 'X')]), source);
      }
    }
  });

  it('marks comments of all three kinds', () => {
    assertScope(0, ' Web tier', 'comment.line.number-sign.nomad');
    assertScope(4, ' one group only', 'comment.line.double-slash.nomad');
    assertScope(6, ' scaled by hand ', 'comment.block.nomad');
  });

  it('marks block types and their labels', () => {
    assertScope(1, 'job', 'entity.name.type.block.nomad');
    assertScope(1, 'web', 'entity.name.label.nomad');
    assertScope(5, 'group', 'entity.name.type.block.nomad');
    assertScope(9, 'server', 'entity.name.label.nomad');
    assertScope(11, 'config', 'entity.name.type.block.nomad');
    assert.ok(scopesOf(11, 'config').includes('meta.block.nomad'));
  });

  it('marks attribute names but not == or => operators as assignments', () => {
    assertScope(2, 'datacenters', 'entity.other.attribute-name.nomad');
    assertScope(3, 'type', 'entity.other.attribute-name.nomad');
    assertScope(7, 'enabled', 'entity.other.attribute-name.nomad');
    assertScope(13, 'args', 'entity.other.attribute-name.nomad');
    assertScope(13, '!=', 'keyword.operator.comparison.nomad');
  });

  it('marks literals: strings, numbers, booleans, null, durations', () => {
    assertScope(3, 'service', 'string.quoted.double.nomad');
    assertScope(6, '3', 'constant.numeric.nomad');
    assertScope(7, 'true', 'constant.language.boolean.nomad');
    assertScope(13, 'null', 'constant.language.null.nomad');
    assertScope(22, '1m30s', 'constant.numeric.duration.nomad');
    assertScope(29, '0x1F', 'constant.numeric.hex.nomad');
    assertScope(29, '2.5e3', 'constant.numeric.nomad');
  });

  it('marks interpolation inside strings with expressions inside', () => {
    assertScope(12, '${', 'punctuation.definition.interpolation.begin.nomad');
    assertScope(12, 'var', 'variable.language.nomad');
    assertScope(12, 'version', 'variable.other.member.nomad');
    assert.ok(scopesOf(12, 'version').includes('string.quoted.double.nomad'), 'interpolation stays inside the string');
    assertScope(25, 'attr', 'variable.language.nomad');
    assertScope(25, 'kernel', 'variable.other.member.nomad');
    assertScope(27, '\\n', 'constant.character.escape.nomad');
  });

  it('marks for expressions and function calls', () => {
    assertScope(13, 'for', 'keyword.control.nomad');
    assertScope(13, 'in', 'keyword.control.nomad');
    assertScope(13, 'if', 'keyword.control.nomad');
    assertScope(13, 'upper', 'support.function.builtin.nomad');
    assertScope(13, 'local', 'variable.language.nomad');
  });

  it('keeps a heredoc as one string with interpolation and directives, and resumes after its marker', () => {
    assertScope(16, '<<-', 'keyword.operator.heredoc.nomad');
    assertScope(16, 'EOF', 'keyword.control.heredoc.nomad');
    const body = lines[17];
    assert.ok(body.every((t) => t.scopes.includes('string.unquoted.heredoc.nomad')), 'every heredoc body token is string');
    assertScope(17, 'NOMAD_ALLOC_DIR', 'variable.language.runtime.nomad');
    assertScope(18, 'if', 'keyword.control.nomad');
    assertScope(18, 'endif', 'keyword.control.nomad');
    assertScope(19, 'EOF', 'keyword.control.heredoc.nomad');
    assert.ok(!scopesOf(20, '}').includes('string.unquoted.heredoc.nomad'), 'the heredoc ends at its marker');
  });

  it('treats an inline object as keys and values, not as a block', () => {
    assertScope(29, 'LOG_LEVEL', 'entity.other.attribute-name.nomad');
    assertScope(29, 'ratio', 'entity.other.attribute-name.nomad');
    assertScope(29, '*', 'keyword.operator.arithmetic.nomad');
    assert.ok(scopesOf(29, '{').includes('punctuation.section.braces.begin.nomad'));
  });

  it('closes every block: the last brace is back at the top level', () => {
    const last = lines[lines.length - 1];
    assert.deepStrictEqual(last.map((t) => t.scopes), [['source.nomad', 'meta.block.nomad', 'punctuation.section.block.end.nomad']]);
  });

  it('ends an unclosed string at the line end so later lines keep their colours', () => {
    const [, next] = tokenize(grammar, 'image = "nginx\ncount = 2');
    assert.ok(next.find((t) => t.text === 'count')?.scopes.includes('entity.other.attribute-name.nomad'));
  });
});
