import * as assert from 'assert';
import type { Connection, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { DocumentValidator } from '../../../server/src/lsp/documentValidator';
import { guard } from '../../../server/src/lsp/guard';
import { ParsedDocuments } from '../../../server/src/lsp/parsedDocuments';
import { SettingsCache } from '../../../server/src/lsp/settingsCache';
import { ValidationScheduler } from '../../../server/src/lsp/validationScheduler';
import { languageService } from './support';

function collectingLogger(): { error(message: string): void; messages: string[] } {
  const messages: string[] = [];
  return { messages, error: (message) => messages.push(message) };
}

describe('Server pieces', () => {
  it('guard turns a throwing or rejecting handler into a logged fallback', async () => {
    const logger = collectingLogger();
    const sync = guard(logger, 'sync', (): number => {
      throw new Error('boom');
    }, -1);
    assert.strictEqual(sync(), -1);
    const asynchronous = guard(logger, 'async', async (): Promise<number> => {
      throw new Error('later');
    }, Promise.resolve(-2));
    assert.strictEqual(await asynchronous(), -2);
    assert.strictEqual(logger.messages.length, 2);
    assert.match(logger.messages[0], /sync failed: boom/);
  });

  it('ParsedDocuments parses once per version and frees replaced trees', async () => {
    const parsedDocuments = new ParsedDocuments(await languageService());
    const v1 = TextDocument.create('file:///a.nomad.hcl', 'nomad', 1, 'job "a" {\n}\n');
    const first = parsedDocuments.get(v1);
    assert.strictEqual(parsedDocuments.get(v1), first);
    const v2 = TextDocument.update(v1, [{ text: 'job "b" {\n}\n' }], 2);
    const second = parsedDocuments.get(v2);
    assert.notStrictEqual(second, first);
    assert.ok(first.shape === 'hcl' && first.syntaxTree.syntaxTree === undefined, 'the replaced version was disposed');
    parsedDocuments.forget(v2.uri);
    assert.ok(second.shape === 'hcl' && second.syntaxTree.syntaxTree === undefined);
  });

  it('ParsedDocuments keeps syntax trees only for the most recently edited documents', async () => {
    const parsedDocuments = new ParsedDocuments(await languageService(), 1);
    const a1 = TextDocument.create('file:///a.nomad.hcl', 'nomad', 1, 'job "a" {\n  group "g" {\n  }\n}\n');
    const b1 = TextDocument.create('file:///b.nomad.hcl', 'nomad', 1, 'job "b" {\n}\n');
    const a = parsedDocuments.get(a1);
    assert.ok(a.shape === 'hcl' && a.syntaxTree.syntaxTree === undefined, 'a plain file is read without a syntax tree');
    parsedDocuments.prepareForEdits(a1);
    assert.ok(a.syntaxTree.syntaxTree !== undefined, 'made when the server prepares for edits');
    const b = parsedDocuments.get(b1);
    parsedDocuments.prepareForEdits(b1);
    assert.ok(a.syntaxTree.syntaxTree === undefined, 'the idle document gave its tree up');
    assert.ok(b.shape === 'hcl' && b.syntaxTree.syntaxTree !== undefined);
    assert.strictEqual(a.hcl.body.items.length, 1, 'its AST stays usable');
    const a2 = parsedDocuments.get(TextDocument.update(a1, [{ range: { start: { line: 0, character: 5 }, end: { line: 0, character: 6 } }, text: 'z' }], 2));
    assert.ok(a2.shape === 'hcl' && a2.hcl.body.items[0].kind === 'block' && a2.hcl.body.items[0].labels[0].value === 'z');
    parsedDocuments.dispose();
  });

  it('the scheduler runs one validation per burst and keeps going when one document fails', async () => {
    const logger = collectingLogger();
    const calls: string[] = [];
    let resolveDone: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (resolveDone = resolve));
    const scheduler = new ValidationScheduler(async (uri) => {
      calls.push(uri);
      if (calls.length === 2) resolveDone();
      if (uri === 'file:///broken') throw new Error('validator bug');
    }, logger, 1);
    scheduler.schedule('file:///broken');
    scheduler.schedule('file:///fine');
    scheduler.schedule('file:///fine');
    scheduler.schedule('file:///fine');
    await done;
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepStrictEqual(calls.sort(), ['file:///broken', 'file:///fine']);
    assert.strictEqual(logger.messages.length, 1);
    assert.match(logger.messages[0], /file:\/\/\/broken.*validator bug/);
    scheduler.dispose();
  });

  describe('DocumentValidator', () => {
    function setup(document: TextDocument, settings: Record<string, unknown> = {}) {
      const sent: PublishDiagnosticsParams[] = [];
      const connection = {
        sendDiagnostics: async (params: PublishDiagnosticsParams) => {
          sent.push(params);
        },
        workspace: { getConfiguration: async () => settings },
      } as unknown as Connection;
      const documents = { get: (uri: string) => (uri === document.uri ? document : undefined) } as unknown as TextDocuments<TextDocument>;
      return { sent, connection, documents };
    }

    it('publishes diagnostics with the document version, following settings and the cluster version', async () => {
      const document = TextDocument.create('file:///p.nomad.hcl', 'nomad', 7, 'job "x" {\n  node_pool = "a"\n  group "g" {\n  }\n}\n');
      const { sent, connection, documents } = setup(document, { schemaVersion: 'auto' });
      const service = await languageService();
      const validator = new DocumentValidator(connection, documents, service, new ParsedDocuments(service), new SettingsCache(connection, true));
      await validator.validate(document.uri);
      assert.deepStrictEqual(sent.map((p) => [p.version, p.diagnostics.length]), [[7, 0]]);
      validator.setClusterVersion('1.5.3');
      await validator.validate(document.uri);
      assert.deepStrictEqual(sent[1].diagnostics.map((d) => d.code), ['needs-newer-nomad']);
    });

    it('leaves JSON syntax errors to the editor in json documents', async () => {
      const document = TextDocument.create('file:///j.json', 'json', 1, '{"job": {"x": {,}}}');
      const { sent, connection, documents } = setup(document);
      const service = await languageService();
      const validator = new DocumentValidator(connection, documents, service, new ParsedDocuments(service), new SettingsCache(connection, false));
      await validator.validate(document.uri);
      assert.ok(!sent[0].diagnostics.some((d) => d.code === 'syntax-error'));
    });
  });
});
