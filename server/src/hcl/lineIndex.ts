// Offset -> LSP position for one document, tuned for the AST builders: they
// ask in mostly increasing order, so the line found last is tried first
// before a binary search. Line breaks are "\r\n", "\r" and "\n", as in LSP.
// After an edit the index is updated in place, so AST nodes kept across
// versions keep pointing at one current index.
import type { Position } from 'vscode-languageserver-textdocument';

export class LineIndex {
  private lineStarts: number[] = [0];
  private lastLine = 0;

  constructor(private text: string) {
    this.scan(0, text.length, this.lineStarts);
  }

  get length(): number {
    return this.text.length;
  }

  /** Follows an edit that replaced [start, oldEnd) of the previous text; `text` is the new text. */
  update(text: string, start: number, oldEnd: number, newEnd: number): void {
    const delta = newEnd - oldEnd;
    // Typing within a line (the common case) moves the later lines and nothing else: shift them in place.
    // One character either side is included, where a "\r" and a "\n" could pair up or come apart.
    if (!hasLineBreak(this.text, start - 1, oldEnd + 1) && !hasLineBreak(text, start - 1, newEnd + 1)) {
      const starts = this.lineStarts;
      for (let line = this.lineOf(start) + 1; line < starts.length; line++) starts[line] += delta;
      this.text = text;
      return;
    }
    // From the line before the edit: a "\r" just before it may now pair with an inserted "\n".
    const firstLine = this.lineOf(Math.max(0, start - 1));
    const starts = this.lineStarts.slice(0, firstLine + 1);
    this.text = text;
    this.scan(starts[firstLine], newEnd, starts);
    const last = starts[starts.length - 1];
    for (const old of this.lineStarts) {
      if (old > oldEnd && old + delta > last) starts.push(old + delta);
    }
    this.lineStarts = starts;
    this.lastLine = 0;
  }

  lineOf(offset: number): number {
    const starts = this.lineStarts;
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lastLine;
    if (starts[line] <= clamped && (line + 1 >= starts.length || clamped < starts[line + 1])) return line;
    if (line + 1 < starts.length && starts[line + 1] <= clamped && (line + 2 >= starts.length || clamped < starts[line + 2])) {
      this.lastLine = line + 1;
      return line + 1;
    }
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= clamped) low = middle;
      else high = middle - 1;
    }
    this.lastLine = low;
    return low;
  }

  positionAt(offset: number): Position {
    let clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(clamped);
    const lineStart = this.lineStarts[line];
    // Between "\r" and "\n" counts as the end of the line, as TextDocument has it.
    while (clamped > lineStart && isLineBreak(this.text.charCodeAt(clamped - 1))) clamped--;
    return { line, character: clamped - lineStart };
  }

  /** Appends the starts of lines beginning after a break in [from, to). */
  private scan(from: number, to: number, starts: number[]): void {
    const text = this.text;
    for (let i = from; i < to; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 0x0d) {
        if (text.charCodeAt(i + 1) === 0x0a) i++;
        starts.push(i + 1);
      } else if (ch === 0x0a) {
        starts.push(i + 1);
      }
    }
  }
}

function isLineBreak(code: number): boolean {
  return code === 0x0d || code === 0x0a;
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = Math.max(0, from); i < Math.min(to, text.length); i++) {
    if (isLineBreak(text.charCodeAt(i))) return true;
  }
  return false;
}
