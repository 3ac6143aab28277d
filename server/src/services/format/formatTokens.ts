// The tokens the formatter lays out: the project's HCL lexer (common/src/hcl/lexer.ts,
// HCL's own scanning rules, as `nomad fmt` formats with) seen the formatter's way. Only
// the whitespace *between* these tokens is ever rewritten, so every token's text,
// including heredocs (one opaque token each), comments and the literal parts of
// strings, survives byte for byte. A lexer rather than a walk of the tree-sitter tree:
// it is an order of magnitude faster on large files, and the formatter only runs on
// files the parser accepted.
import { lexHcl, type HclToken } from '../../../../common/src/hcl/lexer';

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

const SYMBOLS: Record<string, TokenKind> = {
  '=': 'equal',
  ':': 'colon',
  '?': 'question',
  ',': 'comma',
  '...': 'ellipsis',
  '.': 'dot',
  '-': 'minus',
  '!': 'bang',
};
const OPERATORS = new Set(['==', '!=', '<=', '>=', '&&', '||', '=>', '+', '*', '/', '%', '<', '>']);
const BRACKETS: Partial<Record<HclToken['kind'], TokenKind>> = {
  oBrace: 'openBrace',
  cBrace: 'closeBrace',
  oBrack: 'openBracket',
  cBrack: 'closeBracket',
  oParen: 'openParen',
  cParen: 'closeParen',
  templateInterp: 'templateOpen',
  templateControl: 'templateOpen',
  templateSeqEnd: 'templateClose',
  oQuote: 'openQuote',
  cQuote: 'closeQuote',
  quotedLit: 'literal',
  ident: 'ident',
  number: 'number',
  comment: 'comment',
};

/** Tokens of HCL text, in order. Meant for text the parser accepted; never throws on other text. */
export function lexFormatTokens(text: string): FormatToken[] {
  const source = lexHcl(text);
  const tokens: FormatToken[] = [];
  const push = (kind: TokenKind, start: number, end: number): void => {
    const previous = tokens[tokens.length - 1];
    const unary = kind === 'minus' && (!previous || BEFORE_NEGATION.has(previous.kind));
    tokens.push({ kind, start, end, unary });
  };
  for (let i = 0; i < source.length; i++) {
    const token = source[i];
    if (token.kind === 'newline') continue;
    if (token.kind === 'oHeredoc') {
      i = heredocEnd(source, i);
      push('heredoc', token.start, heredocTokenEnd(text, source[i]));
      continue;
    }
    const symbol = token.kind === 'symbol' ? text.slice(token.start, token.end) : undefined;
    if (token.kind === 'ident' && isNamespaceSeparator(text, source, i)) {
      // `provider::name`: one name, as newer HCL reads function namespaces.
      const last = tokens.pop() as FormatToken;
      push('ident', last.start, source[i + 3].end);
      i += 3;
      continue;
    }
    if (symbol !== undefined) push(SYMBOLS[symbol] ?? (OPERATORS.has(symbol) ? 'operator' : 'other'), token.start, token.end);
    else if (token.kind === 'invalid') {
      if (!/^\s$/.test(text.slice(token.start, token.end))) push('other', token.start, token.end);
    } else push(BRACKETS[token.kind] ?? 'other', token.start, token.end);
  }
  return tokens;
}

/** Whether the identifier at `i` is followed by `::` and another identifier, with nothing between. */
function isNamespaceSeparator(text: string, source: readonly HclToken[], i: number): boolean {
  const [first, second, name] = [source[i + 1], source[i + 2], source[i + 3]];
  return (
    first?.kind === 'symbol' && second?.kind === 'symbol' && name?.kind === 'ident' &&
    first.start === source[i].end && second.start === first.end && name.start === second.end &&
    text[first.start] === ':' && text[second.start] === ':'
  );
}

/** Index of the token that closes the heredoc opened at `open` (its `cHeredoc`), or of the last token. */
function heredocEnd(source: readonly HclToken[], open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if (source[i].kind === 'oHeredoc') depth++;
    else if (source[i].kind === 'cHeredoc' && --depth === 0) return i;
  }
  return source.length - 1;
}

/** The heredoc token ends with its closing marker: blanks after the marker are whitespace to lay out. */
function heredocTokenEnd(text: string, last: HclToken): number {
  if (last.kind !== 'cHeredoc') return last.end;
  let end = last.end;
  while (end > last.start && /\s/.test(text[end - 1])) end--;
  return end;
}
