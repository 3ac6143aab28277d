import * as assert from 'assert';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { hclDocumentSymbols } from '../../../../server/src/services/symbols/documentSymbols';
import { apiJsonDocumentSymbols } from '../../../../server/src/services/symbols/jsonSymbols';
import { findDefinition, findReferences } from '../../../../server/src/services/symbols/navigation';
import { languageService, openDocument } from './support/languageService';

const kindName = (kind: SymbolKind): string => Object.entries(SymbolKind).find(([, value]) => value === kind)?.[0] ?? String(kind);

/** `name [kind] lines` per symbol, indented by depth. */
function outline(symbols: DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [
    `${'  '.repeat(depth)}${s.name} [${kindName(s.kind)}] ${s.range.start.line}-${s.range.end.line}`,
    ...outline(s.children ?? [], depth + 1),
  ]);
}

const JOB = [
  'variable "region" {', //   0
  '  default = "eu"', //      1
  '}', //                     2
  'locals {', //              3
  '  name = "web-${var.region}"', // 4
  '}', //                     5
  'job "web" {', //           6
  '  region = var.region', // 7
  '  group "app" {', //       8
  '    volume "data" {', //   9
  '      type = "host"', //   10
  '    }', //                 11
  '    task "server" {', //   12
  '      driver = "docker"', // 13
  '      service {', //       14
  '        name = local.name', // 15
  '      }', //               16
  '    }', //                 17
  '  }', //                   18
  '}', //                     19
].join('\n');

describe('document symbols and navigation (services/symbols)', () => {

  // Starting the language service loads tree-sitter's wasm, which takes seconds on a busy machine.
  before(async function () {
    this.timeout(20_000);
    await languageService();
  });
  it('outlines every block as written, with kinds by what the block is', async () => {
    const { parsed } = await openDocument(JOB);
    assert.strictEqual(parsed.shape, 'hcl');
    if (parsed.shape !== 'hcl') return;
    assert.deepStrictEqual(outline(hclDocumentSymbols(parsed.hcl)), [
      'variable "region" [Variable] 0-2',
      'locals [Namespace] 3-5',
      '  name [Constant] 4-4',
      'job "web" [Module] 6-19',
      '  group "app" [Namespace] 8-18',
      '    volume "data" [Struct] 9-11',
      '    task "server" [Class] 12-17',
      '      service [Interface] 14-16',
    ]);
  });

  it('outlines an API JSON job with HCL-style names', async () => {
    const job = { Job: { ID: 'web', TaskGroups: [{ Name: 'app', Tasks: [{ Name: 'server', Driver: 'docker', Services: [{ Name: 'svc' }] }] }] } };
    const { document, parsed, service } = await openDocument(JSON.stringify(job, null, 2), 'json');
    assert.strictEqual(parsed.shape, 'api-json');
    if (parsed.shape !== 'api-json') return;
    const names = outline(apiJsonDocumentSymbols(document, parsed.job, service.schema)).map((line) => line.replace(/ \d+-\d+$/, ''));
    assert.deepStrictEqual(names, ['job "web" [Module]', '  group "app" [Namespace]', '    task "server" [Class]', '      service [Interface]']);
  });

  it('goes from a use of var.x or local.x to its declaration, and back to every use', async () => {
    const { document, parsed } = await openDocument(JOB);
    if (parsed.shape !== 'hcl') return assert.fail('expected HCL');
    const at = (line: number, text: string): number => document.offsetAt({ line, character: JOB.split('\n')[line].indexOf(text) + 1 });
    const definition = findDefinition(document.uri, parsed.hcl, at(7, 'var.region'));
    assert.deepStrictEqual(definition?.range.start, { line: 0, character: 9 });
    const localDefinition = findDefinition(document.uri, parsed.hcl, at(15, 'local.name'));
    assert.deepStrictEqual(localDefinition?.range.start, { line: 4, character: 2 });
    const uses = findReferences(document.uri, parsed.hcl, at(0, '"region"'), false).map((l) => l.range.start.line);
    assert.deepStrictEqual(uses, [4, 7]);
    const withDeclaration = findReferences(document.uri, parsed.hcl, at(7, 'var.region'), true).map((l) => l.range.start.line);
    assert.deepStrictEqual(withDeclaration, [0, 4, 7]);
    assert.strictEqual(findDefinition(document.uri, parsed.hcl, at(13, 'docker')), undefined);
  });
});
