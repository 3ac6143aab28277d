// Most attributes in a jobspec are `name = literal`, `name = [literals]`,
// `name = var.x` or a string with plain `${var.x}` interpolations. Reading those straight from
// the lexer's tokens saves walking their syntax nodes one WebAssembly call at a time
// (about half the conversion cost of a large job). Anything else (operators,
// calls, directives, several lines) returns undefined and goes through the
// syntax tree as usual, which gives the same nodes (test/unit/server/
// simpleValues.test.ts compares them). The value is checked whole before any
// node or reference is made, so a value that turns out not to be simple leaves
// no trace.
import type { Expression, LiteralExpression, ReferenceExpression, TemplateExpression, TupleExpression } from './ast';
import type { ConversionContext } from './conversionContext';
import type { HclScanner } from '../../../common/src/hcl/lexer';
import { unescapeQuoted } from '../../../common/src/hcl/strings';

/**
 * A simple value read from `scanner`'s current token on, or undefined. With
 * `end`, the value must end exactly there (the end of an attribute node);
 * without, it must end its line. Either way the scanner is left on the token
 * after the value.
 */
export function readSimpleValue(scanner: HclScanner, ctx: ConversionContext, end?: number): Expression | undefined {
  const piece = scanner.kind() === 'oBrack' ? readTuple(scanner) : readLiteral(scanner);
  if (!piece) return undefined;
  if (end === undefined ? scanner.kind() !== 'newline' && scanner.kind() !== 'end' : piece.end !== end) return undefined;
  return expression(piece, ctx);
}

/**
 * A simple value, or one item of it, by its extent: a string without template
 * sequences, a template whose only sequences are `${path}` (`paths` holds the
 * start and end of each), a number, a path of names (`true`, `false` and
 * `null` are told apart when the node is made), or a list of those.
 */
type Piece =
  | { readonly kind: 'string' | 'number' | 'path'; readonly start: number; readonly end: number }
  | { readonly kind: 'template'; readonly start: number; readonly end: number; readonly paths: readonly number[] }
  | { readonly kind: 'tuple'; readonly start: number; readonly end: number; readonly items: readonly Piece[] };

/** `[a, b, ]` on one line, the scanner on `[`; left after `]`. */
function readTuple(scanner: HclScanner): Piece | undefined {
  const start = scanner.start;
  const items: Piece[] = [];
  scanner.next();
  while (scanner.kind() !== 'cBrack') {
    const piece = readLiteral(scanner);
    if (!piece) return undefined;
    items.push(piece);
    if (scanner.kind() === 'cBrack') break;
    if (!scanner.isSymbol(',')) return undefined;
    scanner.next();
  }
  const end = scanner.end;
  scanner.next();
  return { kind: 'tuple', start, end, items };
}

/** The literal starting at the current token; the scanner is left after it (anywhere when there is none). */
function readLiteral(scanner: HclScanner): Piece | undefined {
  const start = scanner.start;
  switch (scanner.kind()) {
    case 'oQuote':
      return readString(scanner);
    case 'ident': {
      const end = readPath(scanner);
      return end === undefined ? undefined : { kind: 'path', start, end };
    }
    case 'symbol':
      // A negative number: `-` right before the digits.
      if (!scanner.isSymbol('-') || !scanner.next() || scanner.kind() !== 'number' || scanner.start !== start + 1) return undefined;
      return readNumber(scanner, start);
    case 'number':
      return readNumber(scanner, start);
    default:
      return undefined;
  }
}

/**
 * Digits with an optional fraction, no exponent: tree-sitter's grammar rejects
 * `1e5`, so the text must not read it as a number either.
 */
function readNumber(scanner: HclScanner, start: number): Piece | undefined {
  const text = scanner.text;
  const end = scanner.end;
  let i = scanner.start;
  while (i < end && isDigit(text.charCodeAt(i))) i++;
  if (i < end && text.charCodeAt(i) === 0x2e /* . */) {
    const fraction = ++i;
    while (i < end && isDigit(text.charCodeAt(i))) i++;
    if (i === fraction) return undefined;
  }
  if (i !== end) return undefined;
  scanner.next();
  return { kind: 'number', start, end };
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** `name.attr.more` written without spaces, the scanner on its first name: its end, the scanner left after it. */
function readPath(scanner: HclScanner): number | undefined {
  let end = scanner.end;
  while (scanner.next() && scanner.start === end && scanner.isSymbol('.')) {
    if (!scanner.next() || scanner.kind() !== 'ident' || scanner.start !== end + 1) return undefined;
    end = scanner.end;
  }
  return end;
}

/**
 * A quoted string with only the escapes HCL (and tree-sitter's grammar) accept
 * (`"\q"` is a syntax error, never a literal) and no `$${` or `%%{`; or one
 * whose only template sequences are `${path}`, then without any escape, `$$`
 * or `%%`, so that what it means needs no unescaping.
 */
function readString(scanner: HclScanner): Piece | undefined {
  const start = scanner.start;
  const text = scanner.text;
  const paths: number[] = [];
  let found = 0;
  for (scanner.next(); scanner.kind() !== 'cQuote'; scanner.next()) {
    if (scanner.kind() === 'quotedLit') {
      found |= quotedLiteral(text, scanner.start, scanner.end);
      if (found & INVALID) return undefined;
    } else if (scanner.kind() === 'templateInterp' && scanner.end - scanner.start === 2) {
      scanner.next();
      const pathStart = scanner.start;
      const pathEnd = scanner.kind() === 'ident' ? readPath(scanner) : undefined;
      if (pathEnd === undefined || scanner.kind() !== 'templateSeqEnd' || scanner.end - scanner.start !== 1) return undefined;
      paths.push(pathStart, pathEnd);
    } else {
      return undefined;
    }
  }
  const end = scanner.end;
  scanner.next();
  if (paths.length === 0) return { kind: 'string', start, end };
  return found & (ESCAPED | DOUBLED) ? undefined : { kind: 'template', start, end, paths };
}

const INVALID = 1;
const ESCAPED = 2;
const DOUBLED = 4;

/**
 * What the literal text of a quoted string [start, end) holds, as flags: an
 * escape HCL does not have, a `$${` or `%%{`, or a line separator (whose
 * reading by tree-sitter is not modelled) make it INVALID; ESCAPED, a valid
 * backslash escape; DOUBLED, a `$$` or `%%`.
 */
function quotedLiteral(text: string, start: number, end: number): number {
  let found = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c /* \ */) {
      const length = escapeLength(text, i + 1);
      if (length === 0) return INVALID;
      found |= ESCAPED;
      i += length;
    } else if (c === 0x24 /* $ */ || c === 0x25 /* % */) {
      const next = text.charCodeAt(i + 1);
      if (next === 0x7b /* { */) return INVALID; // the end of `$${` or `%%{`
      if (next === c) found |= DOUBLED;
    } else if (c === 0x2028 || c === 0x2029) {
      return INVALID;
    }
  }
  return found;
}

/**
 * A quoted string without template sequences, `$${` or `%%{`, whose escapes
 * are all valid, the scanner on its opening quote; left on its closing quote.
 */
export function isPlainQuotedString(scanner: HclScanner): boolean {
  if (scanner.kind() !== 'oQuote') return false;
  for (scanner.next(); scanner.kind() === 'quotedLit'; scanner.next()) {
    if (quotedLiteral(scanner.text, scanner.start, scanner.end) & INVALID) return false;
  }
  return scanner.kind() === 'cQuote';
}

/** How many characters after a backslash at `at - 1` form a valid escape; 0 when they do not. */
function escapeLength(text: string, at: number): number {
  const c = text[at];
  if (c === 'n' || c === 'r' || c === 't' || c === '"' || c === '\\') return 1;
  const digits = c === 'u' ? 4 : c === 'U' ? 8 : 0;
  if (digits === 0) return 0;
  for (let i = at + 1; i <= at + digits; i++) if (!isHexDigit(text.charCodeAt(i))) return 0;
  return 1 + digits;
}

const isHexDigit = (c: number): boolean => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);

const KEYWORDS: Record<string, boolean | null> = { true: true, false: false, null: null };

/** The node of one piece, its references recorded as the tree walk records them. */
function expression(piece: Piece, ctx: ConversionContext): Expression {
  const { start, end } = piece;
  if (piece.kind === 'tuple') return ctx.node<TupleExpression>(start, end, { kind: 'tuple', items: piece.items.map((item) => expression(item, ctx)) });
  if (piece.kind === 'template') {
    const parts: Expression[] = [];
    for (let i = 0; i < piece.paths.length; i += 2) parts.push(reference(ctx.text.slice(piece.paths[i], piece.paths[i + 1]), piece.paths[i], ctx));
    return ctx.node<TemplateExpression>(start, end, { kind: 'template', parts });
  }
  const text = ctx.text.slice(start, end);
  let value: LiteralExpression['value'];
  switch (piece.kind) {
    case 'string':
      value = unescapeQuoted(text.slice(1, -1));
      break;
    case 'number':
      value = Number(text);
      break;
    case 'path':
      if (!Object.prototype.hasOwnProperty.call(KEYWORDS, text)) return reference(text, start, ctx);
      value = KEYWORDS[text];
  }
  return ctx.node<LiteralExpression>(start, end, { kind: 'literal', value });
}

/** `root.name.more` at `start`: recorded as the tree walk records it (the first name of `var.` and `local.` paths). */
function reference(path: string, start: number, ctx: ConversionContext): Expression {
  const dot = path.indexOf('.');
  const root = dot < 0 ? path : path.slice(0, dot);
  if (dot >= 0) {
    const nextDot = path.indexOf('.', dot + 1);
    const name = path.slice(dot + 1, nextDot < 0 ? undefined : nextDot);
    ctx.addReference(root, name, start, start + dot + 1 + name.length);
  }
  return ctx.node<ReferenceExpression>(start, start + path.length, { kind: 'reference', root });
}
