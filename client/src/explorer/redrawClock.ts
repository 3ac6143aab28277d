// Redraws the tree on a steady beat while it is visible, so relative times ("12s ago", "next
// launch in 3m") move on. A redraw reads rows from memory (the live resources' last values):
// it sends no request to the cluster.

/** Often enough that seconds-old ages visibly advance; rarely enough to cost nothing. */
export const REDRAW_INTERVAL_MS = 10_000;

export class RedrawClock {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly redraw: () => void,
    private readonly intervalMs = REDRAW_INTERVAL_MS,
  ) {}

  setRunning(running: boolean): void {
    if (running && !this.timer) this.timer = setInterval(this.redraw, this.intervalMs);
    else if (!running && this.timer) this.dispose();
  }

  get running(): boolean {
    return this.timer !== undefined;
  }

  dispose(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
