// One server resource kept fresh by a blocking-query loop while someone wants it.
// Stopping keeps the last value, so a re-expanded node shows it at once and then catches up.
import type { QueryResult } from '../nomad/client';
import type { NomadError } from '../nomad/errors';
import { watchQuery } from '../nomad/watch';

export type Fetcher<T> = (index: number, signal: AbortSignal) => Promise<QueryResult<T>>;
export type WatchFunction = typeof watchQuery;

export class LiveResource<T> {
  private current: { value?: T; error?: NomadError } = {};
  private handle: { dispose(): void } | undefined;
  private waiters: (() => void)[] = [];

  constructor(
    private readonly fetcher: Fetcher<T>,
    /** Called after each new value or changed error. */
    private readonly onChange: () => void,
    private readonly watch: WatchFunction = watchQuery,
  ) {}

  get value(): T | undefined {
    return this.current.value;
  }

  /** The last failure, cleared by the next success. */
  get error(): NomadError | undefined {
    return this.current.error;
  }

  get running(): boolean {
    return this.handle !== undefined;
  }

  start(): void {
    if (this.handle) return;
    this.handle = this.watch(
      this.fetcher,
      (value) => {
        this.current = { value };
        this.settle();
        this.onChange();
      },
      (error) => {
        const previous = this.current.error;
        this.current = { value: this.current.value, error };
        this.settle();
        // Retries repeat the same failure; only a different one is news.
        if (!previous || previous.kind !== error.kind || previous.message !== error.message) this.onChange();
      },
    );
  }

  /** Also releases whoever waits for a first value: none will come, and a tree row must never wait forever. */
  stop(): void {
    this.handle?.dispose();
    this.handle = undefined;
    this.settle();
  }

  /**
   * Reads the resource once, now, without waiting for a change. For callers that must not act on a
   * value kept while nobody watched (a hidden view stops its loops). A failure leaves the last value.
   */
  async readNow(): Promise<void> {
    try {
      const { value } = await this.fetcher(0, new AbortController().signal);
      this.current = { value };
    } catch {
      return;
    }
    this.settle();
    this.onChange();
  }

  /**
   * Resolves once a value or an error is known (immediately if one already is), or when nothing is
   * reading it (stopped, or never started because the view is hidden): VS Code waits for the rows
   * of every refresh, and one that never settles blocks every later reveal of the tree.
   */
  whenSettled(): Promise<void> {
    if (this.current.value !== undefined || this.current.error || !this.handle) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private settle(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
