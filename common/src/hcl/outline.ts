// The one tolerant outline of an HCL file, built on the lexer: blocks with their
// labels and the attributes of each body, with offsets. It reads any text: a
// line it cannot make sense of is skipped, a block never closed ends with the
// text, a stray `}` closes the innermost open block. Expressions are not
// parsed; an attribute keeps the tokens of its value for callers that want to
// look closer (a plain string, a number).
import { lexHcl, type HclToken } from './lexer';
import { unescapeQuoted } from './strings';

export interface OutlineLabel {
  readonly value: string;
  readonly quoted: boolean;
  readonly start: number;
  readonly end: number;
}

export interface OutlineAttribute {
  readonly kind: 'attribute';
  readonly name: string;
  /** Offset of the name. */
  readonly start: number;
  readonly nameEnd: number;
  /** Offset of the value's first token (the end of the line when the value is missing). */
  readonly valueStart: number;
  /** Just after the value's last token; comments after it are not included. */
  readonly end: number;
  /** The value's tokens, comments and line breaks inside brackets included. */
  readonly valueTokens: readonly HclToken[];
}

export interface OutlineBlock {
  readonly kind: 'block';
  readonly type: string;
  readonly start: number;
  readonly typeEnd: number;
  readonly labels: readonly OutlineLabel[];
  /** Just after `{`. */
  readonly bodyStart: number;
  /** Offset of the closing `}`, or the end of the text when the block is never closed. */
  readonly bodyEnd: number;
  /** Just after the closing `}` (the end of the text when unclosed). */
  readonly end: number;
  readonly closed: boolean;
  readonly items: readonly OutlineItem[];
}

export type OutlineItem = OutlineAttribute | OutlineBlock;

export interface Outline {
  readonly items: readonly OutlineItem[];
}

const OPENERS = new Set(['oBrace', 'oBrack', 'oParen', 'oQuote', 'oHeredoc', 'templateInterp', 'templateControl']);
const CLOSERS = new Set(['cBrace', 'cBrack', 'cParen', 'cQuote', 'cHeredoc', 'templateSeqEnd']);

/** The outline of `text`; never throws. */
export function readOutline(text: string): Outline {
  return { items: new OutlineReader(text, lexHcl(text)).file() };
}

/** The attributes of a body by name; the last one wins, as it would when evaluated. */
export function attributesOf(body: { readonly items: readonly OutlineItem[] }): Map<string, OutlineAttribute> {
  const map = new Map<string, OutlineAttribute>();
  for (const item of body.items) if (item.kind === 'attribute') map.set(item.name, item);
  return map;
}

export function blocksOf(body: { readonly items: readonly OutlineItem[] }, type: string): OutlineBlock[] {
  return body.items.filter((item): item is OutlineBlock => item.kind === 'block' && item.type === type);
}

/** The source text of an attribute's value. */
export function valueText(text: string, attribute: OutlineAttribute): string {
  return text.slice(attribute.valueStart, attribute.end);
}

/** The value of an attribute written as one quoted string without template sequences, or undefined. */
export function stringValue(text: string, attribute: OutlineAttribute): string | undefined {
  const tokens = attribute.valueTokens;
  if (tokens.length < 2 || tokens.length > 3 || tokens[0].kind !== 'oQuote' || tokens[tokens.length - 1].kind !== 'cQuote') return undefined;
  return tokens.length === 2 ? '' : tokens[1].kind === 'quotedLit' ? unescapeQuoted(text.slice(tokens[1].start, tokens[1].end)) : undefined;
}

/** Zero-based line of an offset, counting `\n` line breaks. */
export function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

class OutlineReader {
  private index = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: readonly HclToken[],
  ) {}

  file(): OutlineItem[] {
    const items: OutlineItem[] = [];
    // A `}` with no block open is skipped: the rest of the file is still read.
    while (this.index < this.tokens.length) {
      items.push(...this.body());
      this.index++;
    }
    return items;
  }

  private peek(offset = 0): HclToken | undefined {
    return this.tokens[this.index + offset];
  }

  private source(token: HclToken): string {
    return this.text.slice(token.start, token.end);
  }

  /** Items up to the `}` that ends this body (left unread) or the end of the tokens. */
  private body(): OutlineItem[] {
    const items: OutlineItem[] = [];
    for (let token = this.peek(); token && token.kind !== 'cBrace'; token = this.peek()) {
      if (token.kind === 'newline' || token.kind === 'comment') {
        this.index++;
        continue;
      }
      const item = token.kind === 'ident' ? this.item(token) : undefined;
      if (item) items.push(item);
      else this.skipLine();
    }
    return items;
  }

  private item(name: HclToken): OutlineItem | undefined {
    this.index++;
    this.skipComments();
    const next = this.peek();
    if (next?.kind === 'symbol' && this.source(next) === '=') {
      this.index++;
      return this.attribute(name);
    }
    const labels: OutlineLabel[] = [];
    for (let token = next; token; token = this.peek()) {
      const label = this.label(token);
      if (!label) break;
      labels.push(label);
      this.skipComments();
    }
    const open = this.peek();
    if (open?.kind !== 'oBrace') return undefined;
    this.index++;
    const items = this.body();
    const close = this.peek();
    const closed = close?.kind === 'cBrace';
    if (closed) this.index++;
    const bodyEnd = close ? close.start : this.text.length;
    return {
      kind: 'block',
      type: this.source(name),
      start: name.start,
      typeEnd: name.end,
      labels,
      bodyStart: open.end,
      bodyEnd,
      end: close ? close.end : this.text.length,
      closed,
      items,
    };
  }

  /** An identifier or a quoted string without template sequences, consumed; undefined (nothing consumed) otherwise. */
  private label(token: HclToken): OutlineLabel | undefined {
    if (token.kind === 'ident') {
      this.index++;
      return { value: this.source(token), quoted: false, start: token.start, end: token.end };
    }
    if (token.kind !== 'oQuote') return undefined;
    const content = this.peek(1);
    const close = content?.kind === 'quotedLit' ? this.peek(2) : content;
    if (close?.kind !== 'cQuote') return undefined;
    this.index += content === close ? 2 : 3;
    const raw = content === close ? '' : this.text.slice(token.end, close.start);
    return { value: unescapeQuoted(raw), quoted: true, start: token.start, end: close.end };
  }

  /** The value after `=`: up to a line break outside brackets, a `}` closing the body, or the end. */
  private attribute(name: HclToken): OutlineAttribute {
    const first = this.index;
    let depth = 0;
    for (let token = this.peek(); token; token = this.peek()) {
      if (depth === 0 && (token.kind === 'newline' || token.kind === 'cBrace')) break;
      if (OPENERS.has(token.kind)) depth++;
      else if (CLOSERS.has(token.kind)) depth = Math.max(0, depth - 1);
      this.index++;
    }
    let last = this.index;
    while (last > first && this.tokens[last - 1].kind === 'comment') last--;
    const valueTokens = this.tokens.slice(first, last);
    const after = this.peek();
    const valueStart = valueTokens.length > 0 ? valueTokens[0].start : after ? after.start : this.text.length;
    const end = valueTokens.length > 0 ? valueTokens[valueTokens.length - 1].end : valueStart;
    return { kind: 'attribute', name: this.source(name), start: name.start, nameEnd: name.end, valueStart, end, valueTokens };
  }

  private skipComments(): void {
    while (this.peek()?.kind === 'comment') this.index++;
  }

  /** Recovery: past everything up to the next line break outside brackets (or a `}` that closes this body). */
  private skipLine(): void {
    let depth = 0;
    for (let token = this.peek(); token; token = this.peek()) {
      if (depth === 0 && token.kind === 'cBrace') return;
      this.index++;
      if (depth === 0 && token.kind === 'newline') return;
      if (OPENERS.has(token.kind)) depth++;
      else if (CLOSERS.has(token.kind)) depth = Math.max(0, depth - 1);
    }
  }
}
