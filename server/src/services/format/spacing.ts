// How many spaces go between two tokens on the same line. The rules reproduce the
// canonical HCL layout (`nomad fmt`, `terraform fmt`): operators and keywords are
// space-separated, brackets hug their contents except braces, and dots, calls,
// indexes, commas and negation stay tight.
import { isCloser, isOpener, type FormatToken, type TokenKind } from './formatTokens';

const tightAfter = new Set<TokenKind>(['dot', 'bang', 'openQuote', 'literal']);
const tightBefore = new Set<TokenKind>(['dot', 'comma', 'ellipsis', 'literal', 'closeQuote']);
const endsOperand = new Set<TokenKind>(['ident', 'number', 'closeBrace', 'closeBracket', 'closeParen', 'templateClose']);

const wordLike = (kind: TokenKind): boolean => kind === 'ident' || kind === 'number' || kind === 'other';

export function spacesBetween(left: FormatToken, right: FormatToken, text: string): number {
  // Two word tokens written together are one word to HCL: never split them.
  if (left.end === right.start && wordLike(left.kind) && wordLike(right.kind)) return 0;
  if (tightAfter.has(left.kind) || tightBefore.has(right.kind)) return 0;
  if (left.kind === 'comma') return 1;
  // `for x in [a, b]`: `in` is a keyword here, not something being indexed.
  if (right.kind === 'openBracket' && left.kind === 'ident' && text.slice(left.start, left.end) === 'in') return 1;
  if (left.kind === 'ident' && right.kind === 'openParen') return 0;
  if (right.kind === 'openBracket' && endsOperand.has(left.kind)) return 0;
  if (left.kind === 'minus') return left.unary ? 0 : 1;
  if (left.kind === 'openBrace' || right.kind === 'closeBrace') {
    return left.kind === 'openBrace' && right.kind === 'closeBrace' ? 0 : 1;
  }
  // `${ {a = 1} }`: keep an object constructor visibly apart from the interpolation braces.
  if (left.kind === 'templateOpen' && right.kind === 'openBrace') return 1;
  if (left.kind === 'closeBrace' && right.kind === 'templateClose') return 1;
  // Directly adjacent interpolations (`${a}${b}`) have no literal text between them.
  if (left.kind === 'templateClose' && right.kind === 'templateOpen') return 0;
  if (isOpener(left.kind) || isCloser(right.kind)) return 0;
  return 1;
}
