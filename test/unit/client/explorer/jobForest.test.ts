import * as assert from 'assert';
import { buildJobForest, childrenOf, filterJobForest } from '../../../../client/src/explorer/presentation/jobForest';
import { job } from './fixtures';

describe('job forest', () => {
  const parent = job('param', { Type: 'batch', ParameterizedJob: true });
  const older = job('param/dispatch-1700000000-aaaa', { ParentID: 'param', SubmitTime: 1_700_000_000_000_000_000 });
  const newer = job('param/dispatch-1700000100-bbbb', { ParentID: 'param', SubmitTime: 1_700_000_100_000_000_000 });
  const web = job('web');

  it('puts dispatched children under their parent, newest first', () => {
    const forest = buildJobForest([parent, older, newer, web]);
    assert.deepStrictEqual(forest.roots.map((j) => j.ID), ['param', 'web']);
    assert.deepStrictEqual(childrenOf(forest, parent).map((j) => j.ID), [newer.ID, older.ID]);
    assert.strictEqual(forest.total, 4);
  });

  it('keeps a child at the top level when its parent is not listed', () => {
    const forest = buildJobForest([older, web]);
    assert.deepStrictEqual(forest.roots.map((j) => j.ID), [older.ID, 'web']);
  });

  it('does not adopt a child into a same-named job of another namespace', () => {
    const elsewhere = job('param', { Namespace: 'dev', ParameterizedJob: true });
    const forest = buildJobForest([elsewhere, older]);
    assert.deepStrictEqual(forest.roots.map((j) => `${j.Namespace}/${j.ID}`), ['dev/param', `default/${older.ID}`]);
  });

  it('filters by text in id or name, case-insensitively', () => {
    const forest = filterJobForest(buildJobForest([parent, older, newer, web, job('api', { Name: 'Web API' })]), 'WEB');
    assert.deepStrictEqual(forest.roots.map((j) => j.ID), ['web', 'api']);
  });

  it('keeps a parent with only its matching children when a child matches', () => {
    const forest = filterJobForest(buildJobForest([parent, older, newer, web]), 'bbbb');
    assert.deepStrictEqual(forest.roots.map((j) => j.ID), ['param']);
    assert.deepStrictEqual(childrenOf(forest, parent).map((j) => j.ID), [newer.ID]);
    assert.strictEqual(forest.total, 2);
  });

  it('returns the forest unchanged for an empty filter', () => {
    const forest = buildJobForest([web]);
    assert.strictEqual(filterJobForest(forest, '  '), forest);
  });
});
