import * as assert from 'node:assert/strict';
import { parseGoDuration } from '../../../client/src/jobfile/goDuration';

describe('Go durations', () => {
  it('converts the units Nomad job files use to nanoseconds', () => {
    assert.equal(parseGoDuration('10s'), 10e9);
    assert.equal(parseGoDuration('1h30m'), 5400e9);
    assert.equal(parseGoDuration('250ms'), 250e6);
    assert.equal(parseGoDuration('1.5s'), 1.5e9);
    assert.equal(parseGoDuration('3us'), 3000);
    assert.equal(parseGoDuration('0'), 0);
    assert.equal(parseGoDuration('-2m'), -120e9);
  });

  it('refuses text that is not a duration', () => {
    for (const bad of ['', '10', 's', '10 s', '5d', '1h-2m']) assert.equal(parseGoDuration(bad), undefined, bad);
  });
});
