import * as assert from 'assert';
import { formatNanoseconds, parseGoDuration } from '../../../../client/src/nomad/duration';

describe('durations as job files write them (nomad/duration formatNanoseconds)', () => {
  it('writes API nanoseconds the way a person writes a duration', () => {
    const cases: [number, string][] = [
      [15e9, '15s'],
      [0, '0s'],
      [250e6, '250ms'],
      [90e9, '1m30s'],
      [5400e9, '1h30m'],
      [3600e9, '1h'],
      [86400e9, '24h'],
      [1.5e9, '1.5s'],
      [1500, '1500ns'],
      [2000, '2us'],
      [-30e9, '-30s'],
    ];
    for (const [ns, text] of cases) assert.strictEqual(formatNanoseconds(ns), text, `${ns}`);
  });

  it('writes what parses back to the same length', () => {
    for (const ns of [15e9, 90e9, 5400e9, 250e6, 1.5e9, 3_723_000_000_000]) {
      assert.strictEqual(Math.round(parseGoDuration(formatNanoseconds(ns)) * 1e6), ns);
    }
  });
});
