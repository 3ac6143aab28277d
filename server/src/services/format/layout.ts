// Decides the whitespace before every token: line breaks and blank lines, indentation
// by bracket depth, single spaces inside a line, and the vertical alignment of `=` in
// runs of single-line attributes and of trailing comments in runs of commented lines.
// Lines are ranges of token indexes and numbers live in typed arrays: a 5,000-line file
// has some 16,000 tokens, and allocating per line or per gap dominated the run time.
import { bracketChange, isCloser, isOpener, type FormatToken } from './formatTokens';
import { spacesBetween } from './spacing';

const INDENT_WIDTH = 2;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Display width as the alignment counts it: one column per user-perceived character. */
function columnsOf(text: string): number {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return text.length;
  let count = 0;
  for (const _ of graphemes.segment(text)) count++;
  return count;
}

/** Measures tokens; in an all-ASCII document (nearly every job file) a token's width is its length. */
function tokenWidth(text: string): (token: FormatToken) => number {
  // eslint-disable-next-line no-control-regex
  const ascii = /^[\x00-\x7f]*$/.test(text);
  return ascii ? (token) => token.end - token.start : (token) => columnsOf(text.slice(token.start, token.end));
}

class Layout {
  /** Index of the first token of each line, plus one past the last token at the end. */
  readonly lineStarts: number[] = [];
  readonly blankLinesBefore: Int32Array;
  readonly indent: Int32Array;
  /** Token index starting the aligned `= value` cell, or -1. */
  readonly assignAt: Int32Array;
  /** Token index of an aligned trailing comment, or -1. */
  readonly commentAt: Int32Array;
  /** Spaces before each token that is not first on its line. */
  readonly spaces: Int32Array;

  constructor(
    readonly tokens: readonly FormatToken[],
    readonly text: string,
  ) {
    const blank: number[] = [];
    let previousEnd = 0;
    tokens.forEach((token, index) => {
      const newlines = countNewlines(text, previousEnd, token.start);
      if (index === 0 || newlines > 0) {
        this.lineStarts.push(index);
        blank.push(Math.max(0, newlines - 1));
      }
      previousEnd = token.end;
    });
    const lines = this.lineStarts.length;
    this.lineStarts.push(tokens.length);
    this.blankLinesBefore = Int32Array.from(blank);
    this.indent = new Int32Array(lines);
    this.assignAt = new Int32Array(lines).fill(-1);
    this.commentAt = new Int32Array(lines).fill(-1);
    this.spaces = new Int32Array(tokens.length);
  }

  get lineCount(): number {
    return this.lineStarts.length - 1;
  }

  /** Splits each line into cells: lead, then `= value` when the value closes on this line, then a trailing comment. */
  findCells(): void {
    const { tokens } = this;
    for (let line = 0; line < this.lineCount; line++) {
      const first = this.lineStarts[line];
      let leadEnd = this.lineStarts[line + 1];
      if (leadEnd - first > 1 && tokens[leadEnd - 1].kind === 'comment') {
        this.commentAt[line] = leadEnd - 1;
        leadEnd--;
      }
      let equal = -1;
      for (let i = first + 1; i < leadEnd && equal === -1; i++) if (tokens[i].kind === 'equal') equal = i;
      if (equal === -1) continue;
      let net = 0;
      for (let i = equal; i < leadEnd; i++) net += bracketChange(tokens[i].kind);
      if (net === 0) this.assignAt[line] = equal;
    }
  }

  /**
   * Indents each line by the number of bracket groups still open. A line that opens
   * several brackets at once (`foo([{`) indents the next lines one level, not three,
   * and its closing line returns to the same level.
   */
  indentLines(): void {
    const openedPerLevel: number[] = [];
    for (let line = 0; line < this.lineCount; line++) {
      let net = 0;
      for (let i = this.lineStarts[line]; i < this.lineStarts[line + 1]; i++) net += bracketChange(this.tokens[i].kind);
      for (let closed = -net; closed > 0 && openedPerLevel.length > 0; ) {
        const top = openedPerLevel[openedPerLevel.length - 1];
        if (closed >= top) {
          openedPerLevel.pop();
          closed -= top;
        } else {
          openedPerLevel[openedPerLevel.length - 1] = top - closed;
          closed = 0;
        }
      }
      this.indent[line] = openedPerLevel.length;
      if (net > 0) openedPerLevel.push(net);
    }
  }

  spaceTokens(): void {
    for (let line = 0; line < this.lineCount; line++) {
      for (let i = this.lineStarts[line] + 1; i < this.lineStarts[line + 1]; i++) {
        this.spaces[i] = i === this.assignAt[line] || i === this.commentAt[line] ? 1 : spacesBetween(this.tokens[i - 1], this.tokens[i], this.text);
      }
    }
  }

  /** At most one blank line in a row, and none at the top, right after an opening bracket or right before a closing one. */
  limitBlankLines(): void {
    for (let line = 0; line < this.lineCount; line++) {
      const first = this.tokens[this.lineStarts[line]];
      if (line === 0 || isCloser(first.kind)) {
        this.blankLinesBefore[line] = 0;
        continue;
      }
      const previousComment = this.commentAt[line - 1];
      const last = this.tokens[previousComment === -1 ? this.lineStarts[line] - 1 : previousComment - 1];
      this.blankLinesBefore[line] = isOpener(last.kind) ? 0 : Math.min(this.blankLinesBefore[line], 1);
    }
  }

  /** Width of a line from its start up to token `to`. */
  private widthBefore(line: number, to: number, width: (token: FormatToken) => number): number {
    const first = this.lineStarts[line];
    let total = this.indent[line] * INDENT_WIDTH + width(this.tokens[first]);
    for (let i = first + 1; i < to; i++) total += this.spaces[i] + width(this.tokens[i]);
    return total;
  }

  /** Pads a cell so that it lines up across each run of consecutive lines that have it. */
  alignCells(cells: Int32Array, width: (token: FormatToken) => number): void {
    let runStart = 0;
    while (runStart < this.lineCount) {
      if (cells[runStart] === -1) {
        runStart++;
        continue;
      }
      let runEnd = runStart + 1;
      while (runEnd < this.lineCount && cells[runEnd] !== -1 && this.blankLinesBefore[runEnd] === 0) runEnd++;
      let widest = 0;
      const widths: number[] = [];
      for (let line = runStart; line < runEnd; line++) {
        widths.push(this.widthBefore(line, cells[line], width));
        widest = Math.max(widest, widths[widths.length - 1]);
      }
      for (let line = runStart; line < runEnd; line++) this.spaces[cells[line]] = widest - widths[line - runStart] + 1;
      runStart = runEnd;
    }
  }
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 0x0a) count++;
  return count;
}

/** True when text[start, end) is exactly `count` spaces. */
function isSpaces(text: string, start: number, end: number, count: number): boolean {
  if (end - start !== count) return false;
  for (let i = start; i < end; i++) if (text.charCodeAt(i) !== 0x20) return false;
  return true;
}

/** True when text[start, end) is exactly `breaks` line breaks followed by `indent` spaces (checked without allocating). */
function isBreak(text: string, start: number, end: number, eol: string, breaks: number, indent: number): boolean {
  if (end - start !== breaks * eol.length + indent) return false;
  let i = start;
  for (let b = 0; b < breaks; b++) {
    for (let k = 0; k < eol.length; k++, i++) if (text.charCodeAt(i) !== eol.charCodeAt(k)) return false;
  }
  return isSpaces(text, i, end, indent);
}

/** Receives each gap whose whitespace must change: the original [start, end) and what it becomes. */
export type WhitespaceChange = (start: number, end: number, whitespace: string) => void;

/**
 * Works out the canonical whitespace for every gap (before the first token, between
 * tokens, after the last) and reports the gaps that differ from it.
 */
export function layoutWhitespace(tokens: readonly FormatToken[], text: string, change: WhitespaceChange): void {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const layout = new Layout(tokens, text);
  layout.findCells();
  layout.indentLines();
  layout.spaceTokens();
  layout.limitBlankLines();
  const width = tokenWidth(text);
  layout.alignCells(layout.assignAt, width);
  layout.alignCells(layout.commentAt, width);

  let previousEnd = 0;
  for (let line = 0; line < layout.lineCount; line++) {
    const first = layout.lineStarts[line];
    const breaks = line === 0 ? 0 : 1 + layout.blankLinesBefore[line];
    const indent = layout.indent[line] * INDENT_WIDTH;
    if (!isBreak(text, previousEnd, tokens[first].start, eol, breaks, indent)) {
      change(previousEnd, tokens[first].start, eol.repeat(breaks) + ' '.repeat(indent));
    }
    for (let i = first + 1; i < layout.lineStarts[line + 1]; i++) {
      const start = tokens[i - 1].end;
      if (!isSpaces(text, start, tokens[i].start, layout.spaces[i])) change(start, tokens[i].start, ' '.repeat(layout.spaces[i]));
    }
    previousEnd = tokens[layout.lineStarts[line + 1] - 1].end;
  }
  const trailing = /[\r\n]/.test(text.slice(previousEnd)) ? eol : '';
  if (text.slice(previousEnd) !== trailing) change(previousEnd, text.length, trailing);
}
