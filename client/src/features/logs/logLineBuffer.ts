// Bounded memory for a followed log: a ring of complete lines plus the line
// still being written. A task can print forever; we keep the newest lines and
// say how many older ones were let go, so the editor never grows unbounded.

export interface LogLineBufferLimits {
  /** Complete lines kept; older ones are dropped first. */
  maxLines: number;
  /** Characters kept over all lines, for tasks that print very long lines. */
  maxChars: number;
  /** A line longer than this is broken, so output without newlines stays bounded too. */
  maxLineChars: number;
}

/**
 * Cuts decoded output into lines: `\r\n` and `\n` end a line, a trailing
 * piece waits for its newline, and a piece longer than `maxLineChars` is
 * broken, so output without newlines stays bounded too.
 */
export class LineAssembler {
  private pending = '';

  constructor(
    private readonly maxLineChars: number,
    private readonly emit: (line: string) => void,
  ) {}

  /** The line still being written. */
  get partial(): string {
    return this.pending;
  }

  append(text: string): void {
    const pieces = (this.pending + text).split('\n');
    this.pending = pieces.pop() ?? '';
    for (const piece of pieces) this.emit(piece.endsWith('\r') ? piece.slice(0, -1) : piece);
    while (this.pending.length > this.maxLineChars) {
      this.emit(this.pending.slice(0, this.maxLineChars));
      this.pending = this.pending.slice(this.maxLineChars);
    }
  }

  /** Ends the half-written line, if there is one. */
  flush(): void {
    if (this.pending === '') return;
    const line = this.pending;
    this.pending = '';
    this.emit(line);
  }
}

export class LogLineBuffer {
  private readonly ring: string[];
  private head = 0;
  private count = 0;
  private chars = 0;
  private dropped = 0;
  private readonly lines: LineAssembler;

  constructor(readonly limits: LogLineBufferLimits) {
    if (limits.maxLines < 1 || limits.maxChars < 1 || limits.maxLineChars < 1) throw new RangeError('log buffer limits must be positive');
    this.ring = new Array<string>(limits.maxLines);
    this.lines = new LineAssembler(limits.maxLineChars, (line) => this.pushLine(line));
  }

  /** Lines dropped so far to stay within the limits. */
  get droppedLines(): number {
    return this.dropped;
  }

  get lineCount(): number {
    return this.count;
  }

  /** Adds decoded output (see LineAssembler for where lines end). */
  append(text: string): void {
    this.lines.append(text);
  }

  /** Adds a whole line (a notice of ours, or a line from another stream), ending any half-written line first. */
  appendLine(line: string): void {
    this.lines.flush();
    this.pushLine(line);
  }

  /** The whole buffer as document text, led by a note when lines were dropped. */
  text(): string {
    const out: string[] = [];
    if (this.dropped > 0) out.push(droppedNotice(this.dropped));
    for (let i = 0; i < this.count; i++) out.push(this.ring[(this.head + i) % this.ring.length]);
    out.push(this.lines.partial);
    return out.join('\n');
  }

  private pushLine(line: string): void {
    const kept = line.length > this.limits.maxLineChars ? line.slice(0, this.limits.maxLineChars) : line;
    if (this.count === this.ring.length) this.dropOldest();
    this.ring[(this.head + this.count) % this.ring.length] = kept;
    this.count++;
    this.chars += kept.length;
    while (this.chars > this.limits.maxChars && this.count > 1) this.dropOldest();
  }

  private dropOldest(): void {
    this.chars -= this.ring[this.head].length;
    this.ring[this.head] = '';
    this.head = (this.head + 1) % this.ring.length;
    this.count--;
    this.dropped++;
  }
}

export function droppedNotice(dropped: number): string {
  return `[nomad] ${dropped.toLocaleString('en-US')} older line${dropped === 1 ? ' was' : 's were'} dropped to keep memory bounded (setting nomad.logs.maxLines).`;
}
