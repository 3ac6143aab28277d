import { strict as assert } from 'node:assert';
import { LOG_SCHEME, logTargetFromQuery, logUriComponents } from '../../../../../client/src/features/logs/logTarget';

describe('log target URIs', () => {
  it('round-trips a target through the query, including awkward characters', () => {
    const target = { allocId: 'e0be2b3c-021a-b496-5442-87c59fb1b7c2', task: 'we b&x=1', type: 'stderr' as const, jobId: 'batch/dispatch-1', namespace: 'team a' };
    const parts = logUriComponents(target);
    assert.equal(parts.scheme, LOG_SCHEME);
    assert.deepEqual(logTargetFromQuery(parts.query), target);
  });

  it('names the tab after task, short allocation id and stream, with a .log extension', () => {
    const parts = logUriComponents({ allocId: 'e0be2b3c-021a', task: 'web', type: 'stdout', jobId: 'svc' });
    assert.equal(parts.path, '/svc/web-e0be2b3c.stdout.log');
  });

  it('refuses queries that are not a log target', () => {
    assert.equal(logTargetFromQuery('alloc=a&task=t&type=stdin'), undefined);
    assert.equal(logTargetFromQuery('task=t&type=stdout'), undefined);
  });
});
