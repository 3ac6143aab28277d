import * as assert from 'assert';
import type { CompletionItem } from 'vscode-languageserver';
import { NO_CLUSTER_FACTS } from '../../../../../common/src/protocol/clusterFacts';
import { complete, itemOf } from '../support/completion';
import { languageService } from '../support/languageService';

/** Labels in the order the editor shows them (by sortText, then label). */
function shownOrder(items: CompletionItem[]): string[] {
  return [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((item) => item.label);
}

const TASK_BODY = 'job "web" {\n  group "app" {\n    task "server" {\n      driver = "docker"\n      |\n    }\n  }\n}\n';

describe('completion follows the target Nomad version (services/completion/versionOrder)', () => {
  before(async function () {
    this.timeout(20_000);
    await languageService();
  });

  it('puts fields newer than a 1.0.18 target after every field it knows, marked with the version they need', async () => {
    const items = await complete(TASK_BODY, 'nomad', NO_CLUSTER_FACTS, '1.0.18');
    const order = shownOrder(items);
    const action = itemOf(items, 'action');
    assert.deepStrictEqual(action.labelDetails, { description: 'needs Nomad 1.7.0' });
    const firstNewer = order.findIndex((label) => itemOf(items, label).labelDetails !== undefined);
    assert.ok(firstNewer > 0, 'known fields come first');
    assert.ok(order.slice(firstNewer).every((label) => itemOf(items, label).labelDetails), `every field after ${order[firstNewer]} is marked newer: ${order.join(', ')}`);
    assert.ok(order.indexOf('action') > order.indexOf('resources'), 'action (1.7) after resources');
    assert.strictEqual(itemOf(items, 'resources').labelDetails, undefined);
  });

  it('marks nothing without a target version, or when the target knows the field', async () => {
    for (const target of [undefined, '1.9.0']) {
      const items = await complete(TASK_BODY, 'nomad', NO_CLUSTER_FACTS, target);
      assert.strictEqual(itemOf(items, 'action').labelDetails, undefined, `target ${target}`);
    }
  });

  it('uses the API versions for API JSON', async () => {
    const items = await complete('{"Job": {"ID": "x", "TaskGroups": [{"Name": "g", "Tasks": [{"Name": "t", |}]}]}}', 'json', NO_CLUSTER_FACTS, '1.0.18');
    const action = items.find((item) => item.label === 'Actions');
    assert.ok(action, 'Actions is offered');
    assert.match(action.labelDetails?.description ?? '', /^needs Nomad 1\.7/);
  });
});
