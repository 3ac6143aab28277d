// The one HCL lexer of the project. It splits text into tokens by the rules of
// HCL's native-syntax scanner (hclsyntax, the one Nomad parses job files with):
// identifiers may hold `-`, strings are templates with `${ }` / `%{ }` (and the
// `$${` / `%%{` escapes), heredocs open with `<<MARKER` or `<<-MARKER` at the end
// of a line and close on a line that holds only the marker (spaces around it
// allowed) followed by a line break, `#` and `//` comments run to the end of the
// line and `/* */` to the first `*/`. Two differences, both only on broken text
// and both so that one mistake does not swallow the rest of the file: a quoted
// string that reaches a line break ends there, and a comment token stops before
// its line break (HCL's includes it; a `newline` token follows instead); a `/*`
// that is never closed is read as the symbols `/` and `*`.
//
// Every reader of job files gets its tokens here, so that what a string, a
// heredoc, a comment or an identifier is has one definition: HclScanner hands
// them out one at a time without making an object per token (the fast readers:
// the clean-file reader, simple values, completion's outline), lexHcl as a list.

export type HclTokenKind =
  | 'ident'
  | 'number'
  | 'comment'
  | 'newline'
  /** Operators and punctuation other than brackets: `=`, `==`, `.`, `...`, `=>`, `?`, `:`, `,`, `-`, ... */
  | 'symbol'
  | 'oBrace'
  | 'cBrace'
  | 'oBrack'
  | 'cBrack'
  | 'oParen'
  | 'cParen'
  | 'oQuote'
  | 'cQuote'
  /** Literal text inside a quoted string, escapes as written. */
  | 'quotedLit'
  /** `<<EOT` or `<<-EOT` with the line break after it. */
  | 'oHeredoc'
  /** The closing marker line, indentation included, without its line break. */
  | 'cHeredoc'
  /** Literal text of a heredoc (line breaks included). */
  | 'stringLit'
  /** `${` or `${~` */
  | 'templateInterp'
  /** `%{` or `%{~` */
  | 'templateControl'
  /** `}` or `~}` closing a template sequence. */
  | 'templateSeqEnd'
  | 'invalid';

export interface HclToken {
  readonly kind: HclTokenKind;
  /** UTF-16 offsets into the text, end exclusive. */
  readonly start: number;
  readonly end: number;
}

type Mode =
  | { kind: 'quoted' }
  | { kind: 'heredoc'; marker: string; atLineStart: boolean }
  /** Inside `${ }` or `%{ }`: `braces` is the count of object braces opened within. */
  | { kind: 'sequence'; braces: number };

const SINGLE_CHAR_SYMBOLS = new Set('.,*/%+-=<>!?:&|~^;`\'');
/** An HCL identifier: letters, digits, `_` and `-`. */
const IDENTIFIER_PATTERN = String.raw`[\p{ID_Start}_][\p{ID_Continue}_-]*`;
const IDENTIFIER = new RegExp(IDENTIFIER_PATTERN, 'uy');
/** The heredoc introducer, as HCL's scanner takes it: the marker must end its line. */
const HEREDOC_START = new RegExp(String.raw`<<-?(${IDENTIFIER_PATTERN})\r?\n`, 'uy');
/** Digits, dots and exponents; a trailing dot is not part of the number (HCL's NumberLit). */
const NUMBER = /[0-9](?:[0-9.]|[eE][+-]?[0-9])*/y;

const isAsciiWordStart = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
const isAsciiWordPart = (c: number): boolean => isAsciiWordStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d;
/** A quoted string has no state of its own, so every one shares this mode. */
const QUOTED: Mode = { kind: 'quoted' };

/** Tokens of `text` in order; never throws, on any text. */
export function lexHcl(text: string): HclToken[] {
  const tokens: HclToken[] = [];
  const scanner = new HclScanner(text);
  while (scanner.next()) tokens.push({ kind: scanner.kind() as HclTokenKind, start: scanner.start, end: scanner.end });
  return tokens;
}

/** The marker of the heredoc introduced at `at` (`<<EOT` + line break), or undefined. */
function heredocMarkerAt(text: string, at: number): { marker: string; end: number } | undefined {
  HEREDOC_START.lastIndex = at;
  const match = HEREDOC_START.exec(text);
  return match ? { marker: match[1], end: at + match[0].length } : undefined;
}

/** Whether the line `text[lineStart, lineEnd)` closes a heredoc with `marker` (Go's whitespace trimmed on both sides). */
function closesHeredoc(text: string, lineStart: number, lineEnd: number, marker: string): boolean {
  let start = lineStart;
  let end = lineEnd;
  while (start < end && isGoSpace(text.charCodeAt(start))) start++;
  while (end > start && isGoSpace(text.charCodeAt(end - 1))) end--;
  return end - start === marker.length && text.startsWith(marker, start);
}

/** Go's unicode.IsSpace for UTF-16 code units: what HCL trims around a heredoc's closing marker. */
function isGoSpace(c: number): boolean {
  if (c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x85 || c === 0xa0) return true;
  return c >= 0x1680 && (c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000);
}

/** End of the comment starting at `at` (before the line break of a line comment), or -1 when none starts there or it never ends. */
function commentEnd(text: string, at: number): number {
  const c = text.charCodeAt(at);
  const next = text.charCodeAt(at + 1);
  if (c === 0x23 /* # */ || (c === 0x2f /* / */ && next === 0x2f)) return lineContentEnd(text, at);
  if (c !== 0x2f || next !== 0x2a /* * */) return -1;
  const close = text.indexOf('*/', at + 2);
  return close < 0 ? -1 : close + 2;
}

/** End of a line's content from `from`: before its line break (and before the \r of a CRLF). */
function lineContentEnd(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  if (newline === -1) return text.length;
  return text.charCodeAt(newline - 1) === 0x0d ? newline - 1 : newline;
}

/** End of the identifier starting at `start`, or `start` when none starts there. */
function identifierEnd(text: string, start: number): number {
  if (isAsciiWordStart(text.charCodeAt(start))) {
    let end = start + 1;
    while (isAsciiWordPart(text.charCodeAt(end))) end++;
    if (!(text.charCodeAt(end) >= 0x80)) return end;
  }
  IDENTIFIER.lastIndex = start;
  const match = IDENTIFIER.exec(text);
  return match ? start + match[0].length : start;
}

/**
 * The lexer as a cursor: one token at a time in `kind`, `start` and `end`,
 * with no object made per token, so that readers which stop early (or jump
 * ahead with reset) pay only for the tokens they look at.
 */
export class HclScanner {
  start = 0;
  end = 0;
  private current: HclTokenKind | 'end' = 'end';
  private readonly modes: Mode[] = [];
  private pos: number;

  constructor(readonly text: string) {
    this.pos = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a byte order mark is not part of the body
  }

  /** Reads on from `offset` as code outside any string or template (the next call to next() gives the first token). */
  reset(offset: number): void {
    this.pos = offset;
    this.modes.length = 0;
  }

  /** The current token's kind; 'end' once the text is used up. (A method, so that a check of it does not outlive next().) */
  kind(): HclTokenKind | 'end' {
    return this.current;
  }

  /** Moves to the next token; false (and kind 'end') at the end of the text. */
  next(): boolean {
    const length = this.text.length;
    while (this.pos < length) {
      const mode = this.modes[this.modes.length - 1];
      if (mode === undefined || mode.kind === 'sequence' ? this.code(mode) : mode.kind === 'quoted' ? this.quoted() : this.heredocLine(mode)) return true;
    }
    this.current = 'end';
    this.start = this.end = length;
    return false;
  }

  /** Whether the current token is `symbol`, exactly. */
  isSymbol(symbol: string): boolean {
    return this.current === 'symbol' && this.end - this.start === symbol.length && this.text.startsWith(symbol, this.start);
  }

  private token(kind: HclTokenKind, start: number, end: number): true {
    this.current = kind;
    this.start = start;
    this.end = end;
    this.pos = end;
    return true;
  }

  /** `${`, `%{` (with an optional `~`) at `at`, opening a template sequence. */
  private sequenceStart(at: number): true {
    const c = this.text.charCodeAt(at);
    const end = this.text.charCodeAt(at + 2) === 0x7e /* ~ */ ? at + 3 : at + 2;
    this.modes.push({ kind: 'sequence', braces: 0 });
    return this.token(c === 0x24 ? 'templateInterp' : 'templateControl', at, end);
  }

  /** Literal text of a quoted string up to `"`, a template sequence or the end of the line; false when the line ends it unclosed. */
  private quoted(): boolean {
    const text = this.text;
    const start = this.pos;
    let i = start;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a || c === 0x0d || c === 0x22 /* " */) break;
      if (c === 0x5c /* \ */) {
        const next = text.charCodeAt(i + 1);
        if (next !== 0x0a && next !== 0x0d && i + 1 < text.length) i++;
      } else if ((c === 0x24 || c === 0x25) && text.charCodeAt(i + 1) === 0x7b) {
        break;
      } else if ((c === 0x24 || c === 0x25) && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === 0x7b) {
        i += 2; // `$${` and `%%{` stand for a literal `${` / `%{`
      }
    }
    if (i > start) return this.token('quotedLit', start, i);
    if (i >= text.length) return false;
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      this.modes.pop();
      return this.token('cQuote', i, i + 1);
    }
    if (c === 0x0a || c === 0x0d) {
      this.modes.pop(); // unterminated: the line break is read as code again
      return false;
    }
    return this.sequenceStart(i);
  }

  /** One line of a heredoc, the part of it up to a template sequence, or the sequence's opening. */
  private heredocLine(mode: Extract<Mode, { kind: 'heredoc' }>): boolean {
    const text = this.text;
    const start = this.pos;
    let i = start;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a) break;
      if ((c === 0x24 || c === 0x25) && text.charCodeAt(i + 1) === 0x7b) break;
      if ((c === 0x24 || c === 0x25) && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === 0x7b) i += 2;
    }
    if (i < text.length && text.charCodeAt(i) === 0x0a) {
      if (mode.atLineStart && closesHeredoc(text, start, i, mode.marker)) {
        this.modes.pop(); // the line break after the marker follows as a newline token
        return this.token('cHeredoc', start, text.charCodeAt(i - 1) === 0x0d ? i - 1 : i);
      }
      mode.atLineStart = true;
      return this.token('stringLit', start, i + 1);
    }
    if (i > start) return this.token('stringLit', start, i);
    if (i >= text.length) return false; // never closed: the heredoc runs to the end, as in HCL
    mode.atLineStart = false;
    return this.sequenceStart(i);
  }

  /** One token of code; false when only spaces were left. */
  private code(mode: Extract<Mode, { kind: 'sequence' }> | undefined): boolean {
    const text = this.text;
    let i = this.pos;
    let c = text.charCodeAt(i);
    while (c === 0x20 || c === 0x09) c = text.charCodeAt(++i);
    this.pos = i;
    if (i >= text.length) return false;
    const next = text.charCodeAt(i + 1);
    switch (c) {
      case 0x0a:
        return this.token('newline', i, i + 1);
      case 0x0d:
        if (next === 0x0a) return this.token('newline', i, i + 2);
        break;
      case 0x23 /* # */:
      case 0x2f /* / */: {
        const end = commentEnd(text, i);
        if (end >= 0) return this.token('comment', i, end);
        break;
      }
      case 0x22 /* " */:
        this.modes.push(QUOTED);
        return this.token('oQuote', i, i + 1);
      case 0x3c /* < */: {
        const heredoc = next === 0x3c ? heredocMarkerAt(text, i) : undefined;
        if (heredoc) {
          this.modes.push({ kind: 'heredoc', marker: heredoc.marker, atLineStart: true });
          return this.token('oHeredoc', i, heredoc.end);
        }
        break;
      }
      case 0x7b /* { */:
        if (mode) mode.braces++;
        return this.token('oBrace', i, i + 1);
      case 0x7d /* } */:
        if (mode && mode.braces === 0) {
          this.modes.pop();
          return this.token('templateSeqEnd', i, i + 1);
        }
        if (mode) mode.braces--;
        return this.token('cBrace', i, i + 1);
      case 0x7e /* ~ */:
        if (mode && next === 0x7d) {
          this.modes.pop();
          return this.token('templateSeqEnd', i, i + 2);
        }
        break;
      case 0x5b:
        return this.token('oBrack', i, i + 1);
      case 0x5d:
        return this.token('cBrack', i, i + 1);
      case 0x28:
        return this.token('oParen', i, i + 1);
      case 0x29:
        return this.token('cParen', i, i + 1);
    }
    const word = identifierEnd(text, i);
    if (word > i) return this.token('ident', i, word);
    if (c >= 0x30 && c <= 0x39) {
      NUMBER.lastIndex = i;
      let end = i + (NUMBER.exec(text) as RegExpExecArray)[0].length;
      while (text.charCodeAt(end - 1) === 0x2e /* . */) end--;
      return this.token('number', i, end);
    }
    const symbol = symbolLength(text, i, c, next);
    if (symbol > 0) return this.token('symbol', i, i + symbol);
    // One whole character, so a surrogate pair is never split.
    const width = (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
    return this.token('invalid', i, i + width);
  }
}

/** Length of the operator or punctuation at `at` (`c` and `next` its first two code units), or 0. */
function symbolLength(text: string, at: number, c: number, next: number): number {
  switch (c) {
    case 0x2e /* . */:
      return text.startsWith('...', at) ? 3 : 1;
    case 0x3d /* = */:
      return next === 0x3d || next === 0x3e /* == => */ ? 2 : 1;
    case 0x21 /* ! */:
    case 0x3e /* > */:
    case 0x3c /* < */:
      return next === 0x3d /* != >= <= */ ? 2 : 1;
    case 0x26 /* & */:
    case 0x7c /* | */:
      return next === c /* && || */ ? 2 : 1;
    default:
      return SINGLE_CHAR_SYMBOLS.has(text[at]) ? 1 : 0;
  }
}
