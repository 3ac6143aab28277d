import { strict as assert } from 'node:assert';
import { jobDifferences, summarizeDifferences } from '../../../../../client/src/features/actions/jobDifference';

describe('job difference', () => {
  const base = {
    ID: 'web', Version: 4, SubmitTime: 1, JobModifyIndex: 40, Stable: true, Status: 'running',
    Meta: { owner: 'ops' },
    TaskGroups: [
      { Name: 'api', Count: 2, Tasks: [{ Name: 'app', Config: { image: 'api:2' }, Env: null }] },
      { Name: 'worker', Count: 1, Tasks: [{ Name: 'w', Config: { image: 'w:1' } }] },
    ],
  };

  it('ignores bookkeeping and reordered groups, and treats null like empty', () => {
    const same = { ...base, Version: 1, SubmitTime: 9, JobModifyIndex: 3, Stable: false, Status: 'dead', TaskGroups: [...base.TaskGroups].reverse() };
    same.TaskGroups = same.TaskGroups.map((g) => ({ ...g, Tasks: g.Tasks.map((t) => ({ ...t, Env: {} })) })) as typeof base.TaskGroups;
    assert.deepEqual(jobDifferences(base, same), []);
    assert.equal(summarizeDifferences([]), 'Same definition as the current version');
  });

  it('lists changed, added and removed fields by readable path', () => {
    const candidate = {
      ...base,
      Meta: { owner: 'ops', rev: 'b' },
      TaskGroups: [{ ...base.TaskGroups[0], Count: 3, Tasks: [{ Name: 'app', Config: { image: 'api:1' } }] }],
    };
    const changes = jobDifferences(base, candidate);
    assert.deepEqual(changes.map((c) => c.path), [
      'Meta.rev',
      'TaskGroups[api].Count',
      'TaskGroups[api].Tasks[app].Config.image',
      'TaskGroups[worker]',
    ]);
    assert.equal(
      summarizeDifferences(changes, 3),
      'Would change Meta.rev added ("b"); TaskGroups[api].Count: 2 → 3; TaskGroups[api].Tasks[app].Config.image: "api:2" → "api:1"; and 1 more',
    );
    assert.equal(summarizeDifferences(changes.slice(3)), 'Would change TaskGroups[worker] removed');
  });

  it('compares a map with a missing (null) one key by key', () => {
    assert.deepEqual(jobDifferences({ ...base, Meta: { rev: 'b' } }, { ...base, Meta: null } as never), [{ path: 'Meta.rev', current: '"b"', candidate: undefined }]);
  });

  it('reports a stopped version as a change', () => {
    assert.deepEqual(jobDifferences({ ...base, Stop: false }, { ...base, Stop: true }), [{ path: 'Stop', current: 'false', candidate: 'true' }]);
  });
});
