import * as assert from 'assert';
import { parseGoDuration } from '../../../server/src/values/goDuration';

describe('Go duration syntax', () => {
  it('reads every unit, fractions and sequences', () => {
    const cases: Array<[string, number]> = [
      ['10s', 10e9],
      ['1h30m', 5400e9],
      ['500ms', 500e6],
      ['1.5h', 5400e9],
      ['250us', 250e3],
      ['250µs', 250e3],
      ['250μs', 250e3],
      ['7ns', 7],
      ['.5s', 0.5e9],
      ['1.s', 1e9],
      ['-2m', -120e9],
      ['+3s', 3e9],
      ['0', 0],
      ['-0', 0],
    ];
    for (const [text, nanoseconds] of cases) assert.strictEqual(parseGoDuration(text), nanoseconds, text);
  });

  it('rejects what Go rejects', () => {
    for (const text of ['', '10', '1h30', 's', '.s', '10 s', '10sec', '1d', 'abc', '--1s', '1e3s', '9999999999h']) {
      assert.strictEqual(parseGoDuration(text), undefined, text);
    }
  });
});
