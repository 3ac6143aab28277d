import * as assert from 'assert';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getCodeActions } from '../../../../server/src/services/codeActions/codeActionService';
import { languageService, openDocument } from './support/languageService';

async function actionsFor(text: string, code: string): Promise<{ actions: CodeAction[]; apply(action: CodeAction): string; diagnostic: Diagnostic }> {
  const { document, parsed, service } = await openDocument(text);
  const diagnostics = service.doValidation(document, parsed);
  const diagnostic = diagnostics.find((d) => d.code === code);
  assert.ok(diagnostic, `no ${code} diagnostic among ${diagnostics.map((d) => d.code).join(', ')}`);
  const actions = getCodeActions(document, diagnostic.range, [diagnostic], parsed, service.schema);
  const apply = (action: CodeAction): string => TextDocument.applyEdits(document, action.edit?.changes?.[document.uri] ?? []);
  return { actions, apply, diagnostic };
}

describe('code actions (services/codeActions)', () => {

  // Starting the language service loads tree-sitter's wasm, which takes seconds on a busy machine.
  before(async function () {
    this.timeout(20_000);
    await languageService();
  });
  it('replaces a misspelled attribute name with the suggestion', async () => {
    const { actions, apply } = await actionsFor('job "w" {\n  typ = "batch"\n}\n', 'unknown-attribute');
    assert.deepStrictEqual(actions.map((a) => [a.title, a.isPreferred]), [['Change to "type"', true]]);
    assert.strictEqual(apply(actions[0]), 'job "w" {\n  type = "batch"\n}\n');
  });

  it('keeps the quotes when replacing a misspelled value', async () => {
    const { actions, apply } = await actionsFor('job "w" {\n  type = "servce"\n}\n', 'invalid-enum');
    assert.strictEqual(apply(actions[0]), 'job "w" {\n  type = "service"\n}\n');
  });

  it('inserts a missing driver, one action per built-in driver', async () => {
    const text = 'job "w" {\n  group "g" {\n    task "t" {\n      user = "nobody"\n    }\n  }\n}\n';
    const { actions, apply } = await actionsFor(text, 'missing-required');
    assert.deepStrictEqual(actions.map((a) => a.title), ['Add driver = "docker"', 'Add driver = "exec"', 'Add driver = "java"', 'Add driver = "qemu"', 'Add driver = "raw_exec"']);
    assert.strictEqual(apply(actions[1]), 'job "w" {\n  group "g" {\n    task "t" {\n      driver = "exec"\n      user = "nobody"\n    }\n  }\n}\n');
  });

  it('opens an empty block onto its own lines when inserting into it', async () => {
    const { actions, apply } = await actionsFor('job "w" {\n  group "g" {\n    task "t" {}\n  }\n}\n', 'missing-required');
    assert.strictEqual(apply(actions[0]), 'job "w" {\n  group "g" {\n    task "t" {\n      driver = "docker"\n    }\n  }\n}\n');
  });

  it('removes a duplicate block with its lines', async () => {
    const text = 'job "w" {\n  group "g" {\n    task "t" {\n      driver = "exec"\n      resources {\n        cpu = 100\n      }\n      resources {\n        cpu = 200\n      }\n    }\n  }\n}\n';
    const { actions, apply } = await actionsFor(text, 'duplicate-block');
    assert.strictEqual(actions[0].title, 'Remove this duplicate "resources" block');
    assert.strictEqual(apply(actions[0]), text.replace('      resources {\n        cpu = 200\n      }\n', ''));
  });

  it('declares an undefined variable after the existing ones', async () => {
    const text = 'variable "a" {}\n\njob "w" {\n  datacenters = var.dcs\n}\n';
    const { actions, apply } = await actionsFor(text, 'undefined-variable');
    assert.strictEqual(apply(actions[0]), 'variable "a" {}\n\nvariable "dcs" {}\n\njob "w" {\n  datacenters = var.dcs\n}\n');
  });

  it('rewrites a bare-number duration as a duration string', async () => {
    const text = 'job "w" {\n  group "g" {\n    task "t" {\n      driver = "exec"\n      kill_timeout = 30\n      shutdown_delay = 5000000000\n    }\n  }\n}\n';
    const { document, parsed, service } = await openDocument(text);
    const at = (needle: string) => document.positionAt(text.indexOf(needle) + 2);
    const small = getCodeActions(document, { start: at('kill_timeout'), end: at('kill_timeout') }, [], parsed, service.schema);
    assert.deepStrictEqual(small.map((a) => a.title), ['Write as "30s" (a bare number means nanoseconds)', 'Write 30 ns as "30ns"']);
    assert.match(TextDocument.applyEdits(document, small[0].edit?.changes?.[document.uri] ?? []), /kill_timeout = "30s"/);
    const exact = getCodeActions(document, { start: at('shutdown_delay'), end: at('shutdown_delay') }, [], parsed, service.schema);
    assert.deepStrictEqual(exact.map((a) => a.title), ['Write 5000000000 ns as "5s"']);
    const none = getCodeActions(document, { start: at('driver'), end: at('driver') }, [], parsed, service.schema);
    assert.deepStrictEqual(none, []);
  });
});
