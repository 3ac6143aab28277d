// The batching of nomad.restartJob, apart from any prompt: allocations go in
// batches of `batchSize` at once (like `nomad job restart`), the runner waits
// `waitMs` between batches, and a cancel stops before the next batch or
// interrupts the wait. Requests already sent finish: the cluster acts on them
// whether or not we still listen, so the summary must count them. The clock is
// injected so tests never sleep.

export interface RestartOutcome<A> {
  restarted: A[];
  failed: Array<{ allocation: A; error: unknown }>;
  /** Allocations whose batch never started because the user cancelled. */
  notStarted: A[];
  cancelled: boolean;
}

export interface BatchOptions<A> {
  batchSize: number;
  waitMs: number;
  /** Restarts (or reschedules) one allocation; a rejection is recorded as its failure. */
  restartOne(allocation: A): Promise<void>;
  /** Waits `ms`, rejecting when `signal` aborts (nomad/watch.ts `abortableSleep` in the product). */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  signal: AbortSignal;
  /** A line for the progress notification, e.g. "batch 2 of 3". */
  report(message: string): void;
}

export function batchesOf<A>(items: readonly A[], size: number): A[][] {
  const batches: A[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}

export async function restartInBatches<A>(allocations: readonly A[], options: BatchOptions<A>): Promise<RestartOutcome<A>> {
  const outcome: RestartOutcome<A> = { restarted: [], failed: [], notStarted: [], cancelled: false };
  const batches = batchesOf(allocations, options.batchSize);
  for (const [number, batch] of batches.entries()) {
    if (number > 0 && options.waitMs > 0 && !options.signal.aborted) {
      options.report(`waiting ${seconds(options.waitMs)} before batch ${number + 1} of ${batches.length}`);
      await options.sleep(options.waitMs, options.signal).catch(() => undefined);
    }
    if (options.signal.aborted) {
      outcome.cancelled = true;
      outcome.notStarted = batches.slice(number).flat();
      break;
    }
    options.report(batches.length > 1 ? `batch ${number + 1} of ${batches.length}` : `${batch.length} at once`);
    const results = await Promise.allSettled(batch.map((allocation) => options.restartOne(allocation)));
    results.forEach((result, i) => {
      if (result.status === 'fulfilled') outcome.restarted.push(batch[i]);
      else outcome.failed.push({ allocation: batch[i], error: result.reason });
    });
  }
  return outcome;
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}
