// Completion items leave their documentation to completionItem/resolve: lists carry
// a small key per field, and the markdown is built for the one item shown.
import * as assert from 'assert';
import type { CompletionItem } from 'vscode-languageserver';
import { resolveCompletionItem } from '../../../../server/src/services/completion/completionDocs';
import { complete, itemOf } from './support/completion';
import { languageService } from './support/languageService';

const markdownOf = (item: CompletionItem): string => {
  const documentation = item.documentation;
  assert.ok(documentation && typeof documentation === 'object', `documentation of ${item.label}`);
  assert.strictEqual(documentation.kind, 'markdown');
  return documentation.value;
};

describe('completion documentation on resolve', () => {
  before(async function () {
    this.timeout(20_000);
    await languageService();
  });

  it('lists fields without documentation, each with a small key instead', async () => {
    const items = await complete('job "web" {\n  |\n}\n');
    assert.ok(items.length > 20);
    for (const item of items.filter((i) => i.label !== 'dynamic')) {
      assert.strictEqual(item.documentation, undefined, String(item.label));
      assert.deepStrictEqual(Object.keys(item.data as object).sort(), ['name', 'property'], String(item.label));
    }
    // What goes over the wire per item stays small.
    assert.ok(JSON.stringify(itemOf(items, 'datacenters').data).length < 50);
  });

  it('resolves a native HCL field to its markdown, named as written there', async () => {
    const { schema } = await languageService();
    const items = await complete('job "web" {\n  group "g" {\n    task "t" {\n      |\n    }\n  }\n}\n');
    const resolved = resolveCompletionItem(itemOf(items, 'kill_timeout'), schema);
    const markdown = markdownOf(resolved);
    assert.match(markdown, /^\*\*kill_timeout\*\* \(duration\)/);
    assert.match(markdown, /Default: `"5s"`/);
    assert.strictEqual(resolved.label, 'kill_timeout');
    assert.deepStrictEqual(resolved.textEdit, itemOf(items, 'kill_timeout').textEdit, 'everything else stays');
  });

  it('resolves API JSON and HCL-JSON fields under the name each shape uses', async () => {
    const { schema } = await languageService();
    const api = await complete('{"Job": {"ID": "web", "|"}}', 'json');
    assert.match(markdownOf(resolveCompletionItem(itemOf(api, 'TaskGroups'), schema)), /^\*\*TaskGroups\*\*[\s\S]*In HCL: `group`/);
    const hclJson = await complete('{"job": {"web": {"|"}}}', 'json');
    assert.match(markdownOf(resolveCompletionItem(itemOf(hclJson, 'group'), schema)), /^\*\*group\*\* \(labeled block\)/);
  });

  it('returns items it has no key for unchanged', async () => {
    const { schema } = await languageService();
    const plain: CompletionItem = { label: 'x' };
    assert.strictEqual(resolveCompletionItem(plain, schema), plain);
    for (const data of [{ property: -1, name: 'x' }, { property: 1e9, name: 'x' }, { property: 'a', name: 'x' }, null]) {
      const item: CompletionItem = { label: 'x', data };
      assert.strictEqual(resolveCompletionItem(item, schema), item, JSON.stringify(data));
    }
  });
});
