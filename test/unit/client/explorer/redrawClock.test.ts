import * as assert from 'assert';
import { RedrawClock } from '../../../../client/src/explorer/redrawClock';

describe('redraw clock (explorer/redrawClock)', () => {
  it('redraws on its beat only while running', async () => {
    let redraws = 0;
    let resolveSecond: () => void = () => undefined;
    const second = new Promise<void>((resolve) => (resolveSecond = resolve));
    const clock = new RedrawClock(() => {
      redraws++;
      if (redraws === 2) resolveSecond();
    }, 5);
    clock.setRunning(true);
    clock.setRunning(true); // idempotent: one timer
    await second;
    clock.setRunning(false);
    assert.strictEqual(clock.running, false);
    const stoppedAt = redraws;
    await new Promise((resolve) => setImmediate(resolve));
    assert.strictEqual(redraws, stoppedAt);
  });
});
