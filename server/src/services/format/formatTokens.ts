// Splits HCL text into the tokens the formatter lays out, like HCL's own lexer (the
// one `nomad fmt` formats with). Only the whitespace *between* these tokens is ever
// rewritten, so every token's text, including heredocs, comments and the literal
// parts of strings, survives byte for byte. A plain lexer rather than a walk of the
// tree-sitter tree: it is an order of magnitude faster on large files, and the
// formatter only runs on files the parser accepted.

export type TokenKind =
  | 'ident'
  | 'number'
  | 'equal'
  | 'colon'
  | 'question'
  | 'comma'
  | 'ellipsis'
  | 'dot'
  | 'minus'
  | 'bang'
  | 'operator'
  | 'openBrace'
  | 'closeBrace'
  | 'openBracket'
  | 'closeBracket'
  | 'openParen'
  | 'closeParen'
  | 'templateOpen'
  | 'templateClose'
  | 'openQuote'
  | 'closeQuote'
  | 'literal'
  | 'heredoc'
  | 'comment'
  | 'other';

export interface FormatToken {
  kind: TokenKind;
  /** UTF-16 offsets into the text, end exclusive. */
  start: number;
  end: number;
  /** True for a minus that negates rather than subtracts; negation takes no space after it. */
  unary: boolean;
}

export const isOpener = (kind: TokenKind): boolean =>
  kind === 'openBrace' || kind === 'openBracket' || kind === 'openParen' || kind === 'templateOpen';

export const isCloser = (kind: TokenKind): boolean =>
  kind === 'closeBrace' || kind === 'closeBracket' || kind === 'closeParen' || kind === 'templateClose';

export function bracketChange(kind: TokenKind): number {
  if (isOpener(kind)) return 1;
  return isCloser(kind) ? -1 : 0;
}

/** After these a minus can only be a negation, as HCL's formatter decides. */
const BEFORE_NEGATION = new Set<TokenKind>([
  'openParen',
  'openBrace',
  'openBracket',
  'templateOpen',
  'equal',
  'colon',
  'comma',
  'question',
  'minus',
  'bang',
  'operator',
]);

const SINGLE: Record<string, TokenKind> = {
  '=': 'equal',
  ':': 'colon',
  '?': 'question',
  ',': 'comma',
  '.': 'dot',
  '-': 'minus',
  '!': 'bang',
  '{': 'openBrace',
  '}': 'closeBrace',
  '[': 'openBracket',
  ']': 'closeBracket',
  '(': 'openParen',
  ')': 'closeParen',
};
const OPERATORS = new Set(['==', '!=', '<=', '>=', '&&', '||', '=>']);
const ARITHMETIC = new Set(['+', '*', '/', '%', '<', '>']);
const isAsciiWordStart = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
const isAsciiWordPart = (c: number): boolean => isAsciiWordStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d;
const IDENTIFIER = /[\p{ID_Start}_][\p{ID_Continue}-]*(?:::[\p{ID_Start}_][\p{ID_Continue}-]*)*/uy;
const NUMBER = /0x[0-9a-zA-Z]+|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEREDOC_START = /<<-?([\p{ID_Start}_][\p{ID_Continue}-]*)[ \t]*\r?\n/uy;

/** Where we are: top level, inside a quoted string, or inside `${ }` (counting object braces within it). */
type Context = { kind: 'quoted' } | { kind: 'template'; braces: number };

class Lexer {
  readonly tokens: FormatToken[] = [];
  private readonly contexts: Context[] = [];
  private pos = 0;

  constructor(private readonly text: string) {}

  run(): FormatToken[] {
    while (this.pos < this.text.length) {
      const context = this.contexts[this.contexts.length - 1];
      if (context?.kind === 'quoted') this.quotedPart();
      else this.codeToken(context);
    }
    return this.tokens;
  }

  private push(kind: TokenKind, start: number, end: number): void {
    let unary = false;
    if (kind === 'minus') {
      const previous = this.tokens[this.tokens.length - 1];
      unary = !previous || BEFORE_NEGATION.has(previous.kind);
    }
    this.tokens.push({ kind, start, end, unary });
    this.pos = end;
  }

  /** Literal text of a quoted string up to its end or the next `${` / `%{`. */
  private quotedPart(): void {
    const text = this.text;
    let i = this.pos;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */ || c === 0x0a /* \n */) break;
      else if ((c === 0x24 /* $ */ || c === 0x25) /* % */ && text.charCodeAt(i + 1) === 0x7b /* { */) {
        if (text.charCodeAt(i - 1) === c && i - 1 >= this.pos) continue; // `$${` and `%%{` are escapes
        break;
      }
    }
    if (i > this.pos) this.push('literal', this.pos, Math.min(i, text.length));
    if (i >= text.length) return;
    if (text[i] === '"') {
      this.contexts.pop();
      this.push('closeQuote', i, i + 1);
    } else if (text[i] === '\n') {
      this.contexts.pop(); // an unclosed string; the parser has reported it, so we never format this file
    } else {
      this.templateOpen(i);
    }
  }

  private templateOpen(at: number): void {
    const end = this.text[at + 2] === '~' ? at + 3 : at + 2;
    this.contexts.push({ kind: 'template', braces: 0 });
    this.push('templateOpen', at, end);
  }

  private codeToken(context: Context | undefined): void {
    const text = this.text;
    let i = this.pos;
    for (let c = text.charCodeAt(i); c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d; c = text.charCodeAt(++i));
    this.pos = i;
    if (i >= text.length) return;
    const c = text[i];
    const next = text[i + 1];
    if (c === '#' || (c === '/' && next === '/')) return this.push('comment', i, this.lineContentEnd(i));
    if (c === '/' && next === '*') {
      const close = text.indexOf('*/', i + 2);
      return this.push('comment', i, close === -1 ? text.length : close + 2);
    }
    if (c === '"') {
      this.contexts.push({ kind: 'quoted' });
      return this.push('openQuote', i, i + 1);
    }
    if (c === '<' && next === '<' && this.heredoc(i)) return;
    if (context?.kind === 'template') {
      if (c === '}' || (c === '~' && next === '}')) {
        if (context.braces === 0) {
          this.contexts.pop();
          return this.push('templateClose', i, c === '~' ? i + 2 : i + 1);
        }
        if (c === '}') context.braces--;
      } else if (c === '{') context.braces++;
    }
    const word = this.wordEnd(i);
    if (word > i) return this.push('ident', i, word);
    if (c === '.' && next === '.' && text[i + 2] === '.') return this.push('ellipsis', i, i + 3);
    if (OPERATORS.has(c + next)) return this.push('operator', i, i + 2);
    const single = SINGLE[c];
    if (single) return this.push(single, i, i + 1);
    if (ARITHMETIC.has(c)) return this.push('operator', i, i + 1);
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(text);
    if (number) return this.push('number', i, i + number[0].length);
    this.push('other', i, i + 1);
  }

  /** End of the identifier starting at `start` (or `start` when there is none); ASCII without a regular expression. */
  private wordEnd(start: number): number {
    const text = this.text;
    if (isAsciiWordStart(text.charCodeAt(start))) {
      let end = start + 1;
      while (isAsciiWordPart(text.charCodeAt(end))) end++;
      const after = text.charCodeAt(end);
      if (!(after >= 0x80) && !(after === 0x3a /* : */ && text.charCodeAt(end + 1) === 0x3a)) return end;
    }
    IDENTIFIER.lastIndex = start;
    const identifier = IDENTIFIER.exec(text);
    return identifier ? start + identifier[0].length : start;
  }

  /** End of a line comment: before the line break (and before the \r of a CRLF). */
  private lineContentEnd(from: number): number {
    const newline = this.text.indexOf('\n', from);
    if (newline === -1) return this.text.length;
    return this.text[newline - 1] === '\r' ? newline - 1 : newline;
  }

  /** `<<EOF` / `<<-EOF` through the line holding only `EOF`, as one opaque token. */
  private heredoc(at: number): boolean {
    HEREDOC_START.lastIndex = at;
    const start = HEREDOC_START.exec(this.text);
    if (!start) return false;
    const marker = start[1];
    let lineStart = at + start[0].length;
    while (lineStart < this.text.length) {
      const lineEnd = this.lineContentEnd(lineStart);
      const line = this.text.slice(lineStart, lineEnd);
      if (line.trim() === marker) {
        this.push('heredoc', at, lineStart + line.indexOf(marker) + marker.length);
        return true;
      }
      lineStart = this.text.indexOf('\n', lineEnd) + 1 || this.text.length;
    }
    this.push('heredoc', at, this.text.length);
    return true;
  }
}

/** Tokens of HCL text, in order. Meant for text the parser accepted; never throws on other text. */
export function lexFormatTokens(text: string): FormatToken[] {
  return new Lexer(text).run();
}
