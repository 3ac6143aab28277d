// Flattens a tree-sitter HCL tree into the token stream the formatter lays out.
// Only the whitespace *between* these tokens is ever rewritten, so every token's
// text (including heredocs, comments and the literal parts of strings) survives byte for byte.
import type { Node, TreeCursor } from 'web-tree-sitter';

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
  /** UTF-16 offsets into the document text, end exclusive. */
  start: number;
  end: number;
  /** Set on a minus that negates (unary) rather than subtracts; negation takes no space after it. */
  unary?: boolean;
}

const LEAF_KINDS: Record<string, TokenKind> = {
  identifier: 'ident',
  for: 'ident',
  in: 'ident',
  if: 'ident',
  else: 'ident',
  endif: 'ident',
  endfor: 'ident',
  true: 'ident',
  false: 'ident',
  null_lit: 'ident',
  numeric_lit: 'number',
  '=': 'equal',
  ':': 'colon',
  '?': 'question',
  ',': 'comma',
  ellipsis: 'ellipsis',
  '.': 'dot',
  '-': 'minus',
  '!': 'bang',
  '{': 'openBrace',
  '}': 'closeBrace',
  '[': 'openBracket',
  ']': 'closeBracket',
  '(': 'openParen',
  ')': 'closeParen',
  template_interpolation_start: 'templateOpen',
  template_directive_start: 'templateOpen',
  template_interpolation_end: 'templateClose',
  template_directive_end: 'templateClose',
};

/** The parts of a string template written in expression syntax; everything between them is literal text. */
const TEMPLATE_CODE_PIECES = new Set([
  'template_interpolation',
  'template_if_intro',
  'template_else_intro',
  'template_if_end',
  'template_for_start',
  'template_for_end',
]);

export const isOpener = (kind: TokenKind): boolean =>
  kind === 'openBrace' || kind === 'openBracket' || kind === 'openParen' || kind === 'templateOpen';

export const isCloser = (kind: TokenKind): boolean =>
  kind === 'closeBrace' || kind === 'closeBracket' || kind === 'closeParen' || kind === 'templateClose';

export function bracketChange(kind: TokenKind): number {
  if (isOpener(kind)) return 1;
  return isCloser(kind) ? -1 : 0;
}

class TokenCollector {
  readonly tokens: FormatToken[] = [];

  constructor(private readonly text: string) {}

  push(kind: TokenKind, start: number, end: number, unary?: boolean): void {
    this.coverHiddenText(start);
    this.tokens.push(unary ? { kind, start, end, unary } : { kind, start, end });
  }

  /** Grammar tokens tree-sitter does not expose as nodes (the digits of a legacy `.0` index) still need to be tokens. */
  private coverHiddenText(upTo: number): void {
    const from = this.tokens.length ? this.tokens[this.tokens.length - 1].end : 0;
    if (upTo <= from) return;
    const gap = this.text.slice(from, upTo);
    if (!/\S/.test(gap)) return;
    for (const piece of gap.matchAll(/\S+/g)) {
      const start = from + (piece.index ?? 0);
      this.tokens.push({ kind: /^\d+$/.test(piece[0]) ? 'number' : 'other', start, end: start + piece[0].length });
    }
  }

  /** A strip marker (~) belongs to the `${`/`%{` before it or the `}` after it, as in HCL's own lexer. */
  stripMarker(start: number, end: number): void {
    const last = this.tokens[this.tokens.length - 1];
    if (last?.kind === 'templateOpen') last.end = end;
    else this.pendingStripStart = start;
  }

  pendingStripStart: number | undefined;

  visit(cursor: TreeCursor): void {
    const type = cursor.nodeType;
    const start = cursor.startIndex;
    const end = cursor.endIndex;
    if (type === 'comment') return this.push('comment', start, end);
    if (type === 'heredoc_template') return this.push('heredoc', start, end);
    if (type === 'quoted_template' || type === 'string_lit') return this.visitQuoted(cursor);
    if (type === 'strip_marker') return this.stripMarker(start, end);
    if (!cursor.gotoFirstChild()) return this.visitLeaf(type, start, end, cursor);
    do this.visit(cursor);
    while (cursor.gotoNextSibling());
    cursor.gotoParent();
  }

  private visitLeaf(type: string, start: number, end: number, cursor: TreeCursor): void {
    if (type === '[*]') {
      // Lay out a full splat like the three tokens HCL sees: [ * ]
      this.push('openBracket', start, start + 1);
      this.push('operator', start + 1, start + 2);
      return this.push('closeBracket', start + 2, end);
    }
    if (type === '.*') {
      this.push('dot', start, start + 1);
      return this.push('operator', start + 1, end);
    }
    const kind = LEAF_KINDS[type] ?? (cursor.nodeIsNamed ? 'other' : 'operator');
    if (kind === 'templateClose' && this.pendingStripStart !== undefined) {
      const stripStart = this.pendingStripStart;
      this.pendingStripStart = undefined;
      return this.push(kind, stripStart, end);
    }
    if (kind === 'minus') return this.push(kind, start, end, parentType(cursor) === 'unary_operation');
    this.push(kind, start, end);
  }

  private visitQuoted(cursor: TreeCursor): void {
    const start = cursor.startIndex;
    const end = cursor.endIndex;
    this.push('openQuote', start, start + 1);
    let literalStart = start + 1;
    const visitPieces = (): void => {
      if (!cursor.gotoFirstChild()) return;
      do {
        if (TEMPLATE_CODE_PIECES.has(cursor.nodeType)) {
          if (cursor.startIndex > literalStart) this.push('literal', literalStart, cursor.startIndex);
          this.visit(cursor);
          literalStart = cursor.endIndex;
        } else {
          visitPieces();
        }
      } while (cursor.gotoNextSibling());
      cursor.gotoParent();
    };
    visitPieces();
    if (end - 1 > literalStart) this.push('literal', literalStart, end - 1);
    this.push('closeQuote', end - 1, end);
  }
}

function parentType(cursor: TreeCursor): string | undefined {
  const parent = cursor.currentNode.parent;
  return parent?.type;
}

/** Tokens of a syntactically valid document, in source order. */
export function collectFormatTokens(root: Node, text: string): FormatToken[] {
  const collector = new TokenCollector(text);
  const cursor = root.walk();
  collector.visit(cursor);
  cursor.delete();
  return collector.tokens;
}
