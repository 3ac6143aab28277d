// Keeps a view current with Nomad blocking queries: ask with the last index,
// the server holds the request until something changes (or the wait ends),
// deliver only real changes, and back off with jitter while the cluster is
// unreachable. An answer that does not advance the index (a proxy that drops
// X-Nomad-Index, a server that answers at once with the same or an alternating
// index) waits before the next request, so a watch never spins: at most about
// one request a second unless the index really moves. Timers are injectable so
// tests step through it without waiting.
import type { QueryResult } from './client';
import { NomadError, toNomadError } from './errors';

export interface WatchOptions {
  /** Longest time the server may hold one query (Go duration); default '5m'. */
  wait?: string;
  /** Back-off after the first error; default 1000 ms. Doubles per failure up to maxBackoffMs. */
  minBackoffMs?: number;
  /** Default 30000 ms. */
  maxBackoffMs?: number;
  /** Pause after an answer whose index did not advance; default 1000 ms. */
  unchangedPauseMs?: number;
  /** Waits `ms` or rejects when the signal aborts; default setTimeout. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** 0 <= n < 1; default Math.random. */
  random?: () => number;
}

export interface Watch {
  dispose(): void;
}

const DEFAULT_MIN_BACKOFF_MS = 1000;
const DEFAULT_MAX_BACKOFF_MS = 30_000;
const DEFAULT_UNCHANGED_PAUSE_MS = 1000;

/** Waits `ms`, or rejects with the abort reason as soon as `signal` aborts. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Delay before retry number `attempt` (0-based): exponential from min, capped
 * at max, then "equal jitter" (half fixed, half random) so that many windows
 * reconnecting after an outage do not hit the server in step.
 */
export function backoffDelay(attempt: number, minMs: number, maxMs: number, random: () => number): number {
  const ceiling = Math.min(maxMs, minMs * 2 ** Math.min(attempt, 30));
  return Math.max(minMs, Math.round(ceiling / 2 + random() * (ceiling / 2)));
}

/**
 * Calls `fetch` with index 0 first, then with the last index seen. `onValue`
 * runs when the index moved (always for the first answer); an index that goes
 * backwards (server restored from a snapshot, leader change) restarts from 0.
 * Errors go to `onError` and are retried after a back-off until `dispose`,
 * which also aborts the request in flight.
 */
export function watchQuery<T>(
  fetch: (index: number, signal: AbortSignal, wait: string) => Promise<QueryResult<T>>,
  onValue: (value: T, index: number) => void,
  onError: (error: NomadError) => void,
  options: WatchOptions = {},
): Watch {
  const controller = new AbortController();
  const wait = options.wait ?? '5m';
  const minMs = options.minBackoffMs ?? DEFAULT_MIN_BACKOFF_MS;
  const maxMs = Math.max(minMs, options.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS);
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;
  const unchangedPauseMs = options.unchangedPauseMs ?? DEFAULT_UNCHANGED_PAUSE_MS;

  const loop = async (): Promise<void> => {
    let index = 0;
    let delivered = false;
    let failures = 0;
    // Pausing follows the highest index ever answered, so an index that alternates cannot pass
    // for progress after each reset.
    let highest = 0;
    while (!controller.signal.aborted) {
      let result: QueryResult<T>;
      try {
        result = await fetch(index, controller.signal, wait);
      } catch (error) {
        if (controller.signal.aborted) return;
        onError(toNomadError(error));
        try {
          await sleep(backoffDelay(failures++, minMs, maxMs, random), controller.signal);
        } catch {
          return; // disposed while backing off
        }
        continue;
      }
      if (controller.signal.aborted) return;
      failures = 0;
      const first = !delivered;
      const advanced = first || result.index > index;
      if (result.index < index) {
        index = 0; // the index went backwards: the next query must not block
      } else {
        if (advanced) {
          delivered = true;
          try {
            onValue(result.value, result.index);
          } catch (error) {
            onError(toNomadError(error)); // a consumer bug must not end the watch
          }
        }
        // An index of 0 would make the next query non-blocking and spin; Nomad's rule is "at least 1".
        index = Math.max(result.index, 1);
      }
      const progressed = first || result.index > highest; // the first answer is always news
      highest = Math.max(highest, result.index);
      if (progressed) continue;
      try {
        await sleep(unchangedPauseMs, controller.signal);
      } catch {
        return; // disposed while pausing
      }
    }
  };
  void loop();
  return { dispose: () => controller.abort() };
}
