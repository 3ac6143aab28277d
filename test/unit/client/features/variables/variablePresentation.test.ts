// The Variables view's rows and documents without VS Code: folders by path
// prefix, rows that never show a value, locks only where the cluster has them,
// and reading an edited document back into items.
import * as assert from 'assert';
import { entriesUnder, itemsText, parseItemsText, variableView } from '../../../../../client/src/features/variables/variablePresentation';
import { formatVariableRef, parseVariableRef } from '../../../../../client/src/features/variables/variableUri';
import type { VariableMetadata } from '../../../../../client/src/nomad/variables';

const meta = (path: string, extra: Partial<VariableMetadata> = {}): VariableMetadata => ({
  Namespace: 'default',
  Path: path,
  CreateIndex: 10,
  ModifyIndex: 12,
  CreateTime: 1_795_773_000_000_000_000,
  ModifyTime: 1_795_773_000_000_000_000,
  ...extra,
});

describe('Variables view presentation', () => {
  const all = ['nomad/jobs/web', 'nomad/jobs/web/task', 'nomad/jobs/api', 'app', 'app/db', 'zeta'].map((p) => meta(p));

  it('lists one level below a prefix: folders with their counts first, then variables', () => {
    const top = entriesUnder('', all);
    assert.deepStrictEqual(top.map((e) => (e.kind === 'folder' ? `${e.name}/ (${e.count})` : e.name)), ['app/ (1)', 'nomad/ (3)', 'app', 'zeta']);
    const jobs = entriesUnder('nomad/jobs/', all);
    assert.deepStrictEqual(jobs.map((e) => `${e.kind}:${e.name}`), ['folder:web', 'variable:api', 'variable:web']);
    assert.strictEqual(jobs[0].kind === 'folder' && jobs[0].prefix, 'nomad/jobs/web/');
  });

  it('a row shows path, time and lock, never items', () => {
    const locked = meta('app/db', { Lock: { ID: 'secret-lock-id', TTL: '15s', LockDelay: '5s' } });
    const view = variableView({ kind: 'variable', name: 'db', variable: locked }, 1_795_773_300_000, true);
    assert.strictEqual(view.description, 'locked · 5m ago');
    assert.strictEqual(view.contextValue, 'variable:locked');
    assert.strictEqual(view.icon?.id, 'lock');
    assert.match(String(view.tooltip), /TTL 15s, lock delay 5s/);
    assert.ok(!String(view.tooltip).includes('secret-lock-id'), 'the lock id is not shown');
    const older = variableView({ kind: 'variable', name: 'db', variable: locked }, 1_795_773_300_000, false);
    assert.deepStrictEqual([older.contextValue, older.icon?.id], ['variable', 'key']);
  });

  it('writes items as a JSON object and reads edits back, explaining what is wrong', () => {
    assert.strictEqual(itemsText({ user: 'app', password: 'x' }), '{\n  "user": "app",\n  "password": "x"\n}\n');
    assert.deepStrictEqual(parseItemsText('{"a": "1", "b": ""}'), { items: { a: '1', b: '' } });
    assert.match((parseItemsText('{"a": 1}') as { problem: string }).problem, /Item "a" is not a string/);
    assert.match((parseItemsText('{}') as { problem: string }).problem, /at least one item/);
    assert.match((parseItemsText('["a"]') as { problem: string }).problem, /one JSON object/);
    assert.match((parseItemsText('{"a": "1",') as { problem: string }).problem, /not valid JSON/);
    assert.match((parseItemsText('{"": "1"}') as { problem: string }).problem, /needs a name/);
  });

  it('addresses a variable by cluster, namespace and path, and its cluster copy apart from it', () => {
    const ref = { cluster: 'prod eu', namespace: 'team-a', path: 'nomad/jobs/web' };
    const uri = formatVariableRef(ref);
    assert.strictEqual(uri.path, '/nomad/jobs/web.json');
    assert.deepStrictEqual(parseVariableRef(uri.path, uri.query), ref);
    const copy = formatVariableRef({ ...ref, clusterCopy: true });
    assert.deepStrictEqual(parseVariableRef(copy.path, copy.query), { ...ref, clusterCopy: true });
    assert.strictEqual(parseVariableRef('/x.txt', uri.query), undefined);
  });
});
