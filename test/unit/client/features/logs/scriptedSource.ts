// A log frame source the test feeds by hand, for the log followers' tests.
import type { LogFrame } from '../../../../../client/src/nomad/logs';

/** A frame source the test feeds by hand; it ends on close() and honours the abort signal. */
export class ScriptedSource {
  private queue: Array<LogFrame | Error | 'end'> = [];
  private wake: (() => void) | undefined;
  aborted = false;

  push(item: LogFrame | Error | 'end'): void {
    this.queue.push(item);
    this.wake?.();
  }

  readonly open = (signal: AbortSignal): AsyncIterable<LogFrame> => {
    signal.addEventListener('abort', () => {
      this.aborted = true;
      this.wake?.();
    });
    const self = this;
    return (async function* () {
      for (;;) {
        while (self.queue.length === 0 && !signal.aborted) await new Promise<void>((resolve) => (self.wake = resolve));
        if (signal.aborted) return;
        const item = self.queue.shift()!;
        if (item === 'end') return;
        if (item instanceof Error) throw item;
        yield item;
      }
    })();
  };
}
