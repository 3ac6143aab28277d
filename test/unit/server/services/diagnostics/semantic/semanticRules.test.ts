// Every semantic rule against its fixture, in HCL and in API JSON: the valid
// neighbour is clean, the mistake is reported with the rule's code,
// severity and message on the marked place, and nothing else is reported.
import * as assert from 'assert';
import * as fs from 'fs';
import { findNodeAtLocation, parseTree, type Node as JsonNode } from 'jsonc-parser';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { semanticRules } from '../../../../../../server/src/services/diagnostics/semantic/semanticRules';
import { readRepoJson, repoFile } from '../../../../../support/repoPaths';
import { listDiagnostics, marked, validate } from '../../../support';
import { ruleFixtures, type RuleFixture } from './ruleFixtures';

/** API JSON of each fixture's jobs, recorded from Nomad v1.0.18's /v1/jobs/parse (scripts/record-semantic-fixtures.js). */
const recordedApiJobs = readRepoJson<Record<string, { valid: unknown; invalid: unknown }>>('test/unit/server/services/diagnostics/semantic/fixtures/api-jobs.json');

function settingsFor(fixture: RuleFixture) {
  return { schemaVersion: fixture.version ?? 'auto' };
}

function assertFinding(diagnostics: readonly Diagnostic[], fixture: RuleFixture, ranges: readonly Range[]): void {
  const found = diagnostics.filter((d) => d.code === fixture.rule);
  assert.deepStrictEqual(found.map((d) => d.range), ranges, `ranges of ${fixture.rule}:\n${listDiagnostics(diagnostics)}`);
  for (const finding of found) {
    assert.match(String(finding.message), fixture.message);
    assert.strictEqual(finding.severity, fixture.severity === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error, `severity of ${fixture.rule}`);
  }
  const others = diagnostics.filter((d) => d.code !== fixture.rule && d.severity !== DiagnosticSeverity.Hint);
  assert.deepStrictEqual(others, [], `unexpected diagnostics:\n${listDiagnostics(others)}`);
}

describe('Semantic rules', () => {
  it('has a fixture for every rule, and every fixture names a rule', () => {
    const ids = semanticRules.map((rule) => rule.id);
    assert.strictEqual(new Set(ids).size, ids.length, 'rule ids are unique');
    const covered = new Set(ruleFixtures.map((fixture) => fixture.rule));
    assert.deepStrictEqual(ids.filter((id) => !covered.has(id)), [], 'rules without a fixture');
    assert.deepStrictEqual([...covered].filter((id) => !ids.includes(id)), [], 'fixtures of unknown rules');
    for (const rule of semanticRules) assert.ok(rule.summary.length > 0, `${rule.id} has a summary`);
  });

  it('lists every rule in server/src/README.md', () => {
    const readme = fs.readFileSync(repoFile('server/src/README.md'), 'utf8');
    assert.deepStrictEqual(semanticRules.filter((rule) => !readme.includes(`| \`${rule.id}\` |`)).map((rule) => rule.id), []);
  });

  for (const fixture of ruleFixtures) {
    describe(fixture.rule, () => {
      it('HCL: the valid neighbour is clean', async () => {
        const { diagnostics } = await validate(fixture.valid, { settings: settingsFor(fixture) });
        const problems = diagnostics.filter((d) => d.severity !== DiagnosticSeverity.Hint);
        assert.deepStrictEqual(problems, [], listDiagnostics(problems));
      });

      it('HCL: the mistake is reported where it is written', async () => {
        const { text, ranges } = marked(fixture.invalid);
        const { diagnostics } = await validate(text, { settings: settingsFor(fixture) });
        assertFinding(diagnostics, fixture, ranges);
      });

      const recorded = recordedApiJobs[fixture.rule];
      if (fixture.api && recorded) {
        const apiPath = fixture.api;
        it('API JSON: the valid neighbour gets no semantic finding', async () => {
          const { diagnostics } = await validate(apiText(recorded.valid), { languageId: 'json', uri: 'file:///job.json', settings: settingsFor(fixture) });
          const semantic = diagnostics.filter((d) => semanticRules.some((rule) => rule.id === d.code));
          assert.deepStrictEqual(semantic, [], listDiagnostics(semantic));
        });

        it('API JSON: the mistake is reported on its property', async () => {
          const text = apiText(recorded.invalid);
          const { diagnostics } = await validate(text, { languageId: 'json', uri: 'file:///job.json', settings: settingsFor(fixture) });
          const expected = expectedJsonRange(text, apiPath);
          const found = diagnostics.filter((d) => d.code === fixture.rule);
          assert.deepStrictEqual(found.map((d) => d.range), [expected], `ranges of ${fixture.rule}:\n${listDiagnostics(diagnostics)}`);
          assert.match(String(found[0].message), fixture.message);
        });
      }
    });
  }
});

function apiText(job: unknown): string {
  return JSON.stringify({ Job: job }, null, 2);
}

/**
 * Where a finding about the node at `apiPath` (below Job) sits: on the value
 * of a field, on the key of a property holding an object, or on the `{` of
 * an object in a list.
 */
function expectedJsonRange(text: string, apiPath: ReadonlyArray<string | number>): Range {
  const root = parseTree(text) as JsonNode;
  const document = TextDocument.create('file:///job.json', 'json', 1, text);
  const node = findNodeAtLocation(root, ['Job', ...apiPath]);
  assert.ok(node, `no node at ${apiPath.join('.')}`);
  const span = (start: number, length: number): Range => ({ start: document.positionAt(start), end: document.positionAt(start + length) });
  if (node.type !== 'object') return span(node.offset, node.length);
  if (node.parent?.type === 'property') {
    const key = node.parent.children?.[0] as JsonNode;
    return span(key.offset, key.length);
  }
  return span(node.offset, 1);
}

