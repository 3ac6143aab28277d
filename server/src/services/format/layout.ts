// Decides the whitespace before every token: line breaks and blank lines, indentation
// by bracket depth, single spaces inside a line, and the vertical alignment of `=` in
// runs of single-line attributes and of trailing comments in runs of commented lines.
import { bracketChange, isCloser, isOpener, type FormatToken } from './formatTokens';
import { spacesBetween } from './spacing';

const INDENT = '  ';

interface Line {
  tokens: FormatToken[];
  /** Blank lines written before this line. */
  blankLinesBefore: number;
  indent: number;
  /** Index in `tokens` of the `=` that starts the aligned "assign" cell, or -1. */
  assignAt: number;
  /** Index in `tokens` of a trailing comment that is aligned with its neighbours, or -1. */
  commentAt: number;
  /** Spaces before each token; [0] is unused (the indent applies). */
  spaces: number[];
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Display width as the alignment counts it: one column per user-perceived character. */
function columnsOf(text: string): number {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return text.length;
  let count = 0;
  for (const _ of graphemes.segment(text)) count++;
  return count;
}

function splitLines(tokens: FormatToken[], text: string): Line[] {
  const lines: Line[] = [];
  let current: FormatToken[] = [];
  let blankLinesBefore = 0;
  let previousEnd = 0;
  for (const token of tokens) {
    const newlines = countNewlines(text, previousEnd, token.start);
    if (newlines > 0 && current.length) {
      lines.push(newLine(current, blankLinesBefore));
      current = [];
      blankLinesBefore = newlines - 1;
    }
    current.push(token);
    previousEnd = token.end;
  }
  if (current.length) lines.push(newLine(current, blankLinesBefore));
  return lines;
}

function newLine(tokens: FormatToken[], blankLinesBefore: number): Line {
  return { tokens, blankLinesBefore, indent: 0, assignAt: -1, commentAt: -1, spaces: new Array<number>(tokens.length).fill(0) };
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** Splits a line into cells: lead, then `= value` when the value closes on this line, then a trailing comment. */
function findCells(line: Line): void {
  const { tokens } = line;
  let leadEnd = tokens.length;
  if (tokens.length > 1 && tokens[tokens.length - 1].kind === 'comment') {
    line.commentAt = tokens.length - 1;
    leadEnd = line.commentAt;
  }
  const equalAt = tokens.findIndex((t, i) => i > 0 && i < leadEnd && t.kind === 'equal');
  if (equalAt === -1) return;
  let net = 0;
  for (let i = equalAt; i < leadEnd; i++) net += bracketChange(tokens[i].kind);
  if (net === 0) line.assignAt = equalAt;
}

/**
 * Indents each line by the number of bracket groups still open. A line that opens
 * several brackets at once (`foo([{`) indents the next lines one level, not three,
 * and its closing line returns to the same level.
 */
function indentLines(lines: Line[]): void {
  const openedPerLevel: number[] = [];
  for (const line of lines) {
    let net = 0;
    for (const token of line.tokens) net += bracketChange(token.kind);
    if (net < 0) {
      let closed = -net;
      while (closed > 0 && openedPerLevel.length) {
        const top = openedPerLevel[openedPerLevel.length - 1];
        if (closed >= top) {
          openedPerLevel.pop();
          closed -= top;
        } else {
          openedPerLevel[openedPerLevel.length - 1] = top - closed;
          closed = 0;
        }
      }
    }
    line.indent = openedPerLevel.length;
    if (net > 0) openedPerLevel.push(net);
  }
}

function spaceTokens(line: Line, text: string): void {
  for (let i = 1; i < line.tokens.length; i++) {
    line.spaces[i] = i === line.assignAt || i === line.commentAt ? 1 : spacesBetween(line.tokens[i - 1], line.tokens[i], text);
  }
}

function widthOf(line: Line, from: number, to: number, text: string): number {
  let width = from === 0 ? line.indent * INDENT.length : 0;
  for (let i = from; i < to; i++) {
    const token = line.tokens[i];
    width += (i > from ? line.spaces[i] : 0) + columnsOf(text.slice(token.start, token.end));
  }
  return width;
}

/** Pads the cell starting at `cellAt(line)` so that it lines up across each run of consecutive lines that have it. */
function alignCells(lines: Line[], text: string, cellAt: (line: Line) => number): void {
  let runStart = 0;
  while (runStart < lines.length) {
    if (cellAt(lines[runStart]) === -1) {
      runStart++;
      continue;
    }
    let runEnd = runStart;
    while (runEnd < lines.length && cellAt(lines[runEnd]) !== -1 && (runEnd === runStart || lines[runEnd].blankLinesBefore === 0)) {
      runEnd++;
    }
    const run = lines.slice(runStart, runEnd);
    const widths = run.map((line) => widthOf(line, 0, cellAt(line), text));
    const widest = Math.max(...widths);
    run.forEach((line, i) => (line.spaces[cellAt(line)] = widest - widths[i] + 1));
    runStart = runEnd;
  }
}

/** At most one blank line in a row, and none at the top, right after an opening bracket or right before a closing one. */
function limitBlankLines(lines: Line[]): void {
  lines.forEach((line, i) => {
    if (i === 0 || isCloser(line.tokens[0].kind)) {
      line.blankLinesBefore = 0;
      return;
    }
    const previous = lines[i - 1];
    const last = previous.tokens[previous.commentAt === -1 ? previous.tokens.length - 1 : previous.commentAt - 1];
    line.blankLinesBefore = isOpener(last.kind) ? 0 : Math.min(line.blankLinesBefore, 1);
  });
}

export interface WhitespaceSlot {
  /** The original whitespace occupies [start, end). */
  start: number;
  end: number;
  text: string;
}

/**
 * The canonical whitespace for every gap in the document: before the first token,
 * between each pair of tokens, and after the last one.
 */
export function layoutWhitespace(tokens: FormatToken[], text: string): WhitespaceSlot[] {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = splitLines(tokens, text);
  lines.forEach(findCells);
  indentLines(lines);
  lines.forEach((line) => spaceTokens(line, text));
  limitBlankLines(lines);
  alignCells(lines, text, (line) => line.assignAt);
  alignCells(lines, text, (line) => line.commentAt);

  const slots: WhitespaceSlot[] = [];
  let previousEnd = 0;
  lines.forEach((line, lineIndex) => {
    line.tokens.forEach((token, i) => {
      const whitespace =
        i > 0
          ? ' '.repeat(line.spaces[i])
          : (lineIndex === 0 ? '' : eol.repeat(1 + line.blankLinesBefore)) + INDENT.repeat(line.indent);
      slots.push({ start: previousEnd, end: token.start, text: whitespace });
      previousEnd = token.end;
    });
  });
  slots.push({ start: previousEnd, end: text.length, text: /[\r\n]/.test(text.slice(previousEnd)) ? eol : '' });
  return slots;
}
