// Most attributes in a jobspec are `name = literal`, `name = [literals]`,
// `name = var.x` or a string with plain `${var.x}` interpolations. Reading those straight from
// the text saves walking their syntax nodes one WebAssembly call at a time
// (about half the conversion cost of a large job). Anything else (operators,
// calls, directives, several lines) returns undefined and goes through the
// syntax tree as usual, which gives the same nodes (test/unit/server/
// simpleValues.test.ts compares them).
import type { Expression, LiteralExpression, ReferenceExpression, TemplateExpression, TupleExpression } from './ast';
import type { ConversionContext } from './conversionContext';
import { IDENTIFIER_PATTERN } from '../../../common/src/hcl/lexer';
import { unescapeQuoted } from '../../../common/src/hcl/strings';

// Only the escapes HCL (and tree-sitter's grammar) accept: `"\q"` is a syntax error, never a literal.
const ESCAPE = String.raw`\\(?:[nrt"\\]|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})`;
/** A string without interpolation, directives or line breaks; `$${` and `%%{` would need care, so they are left out too. */
export const QUOTED_STRING = String.raw`"(?:[^"\\$%\r\n]|${ESCAPE}|\$(?!\{)|%(?!\{))*"`;
/** An HCL identifier, by the lexer's rule (tree-sitter's grammar reads them the same way). */
export const NAME = IDENTIFIER_PATTERN;
const PATH = String.raw`${NAME}(?:\.${NAME})*`;
/** `${root.name.more}`, with optional spaces inside the braces. */
const INTERPOLATION = String.raw`\$\{[ \t]*${PATH}[ \t]*\}`;
// A string whose only template syntax is such interpolations, at least one of them. No escapes at
// all, so every `${` in it is one. At least one, because a string that both QUOTED_STRING and
// TEMPLATE could match makes a list of them backtrack through 2^n ways of reading its items when
// the list fails to match at its end (`["a", "a", ..., upper("x")]`); with every piece of LITERAL
// matching a text in one way only, a failed match costs time linear in the line.
const TEMPLATE_TEXT = String.raw`(?:[^"\\$%\r\n]|\$(?![{$])|%(?![{%]))*`;
const TEMPLATE = String.raw`"${TEMPLATE_TEXT}(?:${INTERPOLATION}${TEMPLATE_TEXT})+"`;
// No exponents: tree-sitter's grammar rejects `1e5`, so the text must not read it as a number either.
const NUMBER = String.raw`-?\d+(?:\.\d+)?`;
// PATH covers `true`, `false` and `null` too: they are told apart after matching (literal()).
const LITERAL = `${QUOTED_STRING}|${TEMPLATE}|${NUMBER}|${PATH}`;
const SIMPLE_LITERAL = new RegExp(`^(?:${LITERAL})$`, 'u');
const SIMPLE_TUPLE = new RegExp(String.raw`^\[[ \t]*(?:(?:${LITERAL})[ \t]*(?:,[ \t]*(?:${LITERAL})[ \t]*)*,?[ \t]*)?\]$`, 'u');
const TUPLE_ITEM = new RegExp(LITERAL, 'gu');
const INTERPOLATIONS = new RegExp(String.raw`\$\{([ \t]*)(${PATH})[ \t]*\}`, 'gu');
/** `name = value` on one line; the name as HCL identifiers are written. */
const SIMPLE_ATTRIBUTE = new RegExp(String.raw`^(${NAME})([ \t]*)=([ \t]*)(\S.*)$`, 'u');

export interface SimpleAttribute {
  readonly nameEnd: number;
  readonly equalsOffset: number;
  readonly value: Expression;
}

/** Reads `source` (the text of one attribute node, starting at `start`) when its value is a plain literal or list of them. */
export function readSimpleAttribute(source: string, start: number, ctx: ConversionContext): SimpleAttribute | undefined {
  const match = SIMPLE_ATTRIBUTE.exec(source);
  if (!match) return undefined;
  const [, name, beforeEquals, afterEquals, valueText] = match;
  const equalsOffset = start + name.length + beforeEquals.length;
  const valueStart = equalsOffset + 1 + afterEquals.length;
  const value = readSimpleValue(valueText, valueStart, ctx);
  return value && { nameEnd: start + name.length, equalsOffset, value };
}

function readSimpleValue(text: string, start: number, ctx: ConversionContext): Expression | undefined {
  if (SIMPLE_LITERAL.test(text)) return literal(text, start, ctx);
  if (!SIMPLE_TUPLE.test(text)) return undefined;
  const items: Expression[] = [];
  for (const item of text.slice(1, -1).matchAll(TUPLE_ITEM)) items.push(literal(item[0], start + 1 + (item.index ?? 0), ctx));
  return ctx.node<TupleExpression>(start, start + text.length, { kind: 'tuple', items });
}

const KEYWORDS: Record<string, boolean | null> = { true: true, false: false, null: null };

/** One LITERAL match: a string, template, number, keyword, or a bare `name.attr` reference. */
function literal(text: string, start: number, ctx: ConversionContext): Expression {
  const first = text[0];
  let value: LiteralExpression['value'];
  if (first === '"') {
    // QUOTED_STRING allows no `${` but after a backslash, TEMPLATE no backslash at all.
    if (text.includes('${') && !text.includes('\\')) return template(text, start, ctx);
    value = unescapeQuoted(text.slice(1, -1));
  } else if (first === '-' || (first >= '0' && first <= '9')) {
    value = Number(text);
  } else if (Object.prototype.hasOwnProperty.call(KEYWORDS, text)) {
    value = KEYWORDS[text];
  } else {
    return reference(text, start, ctx);
  }
  return ctx.node<LiteralExpression>(start, start + text.length, { kind: 'literal', value });
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

/** A TEMPLATE: its parts are the references it interpolates, recorded as the tree walk records them. */
function template(text: string, start: number, ctx: ConversionContext): Expression {
  const parts: Expression[] = [];
  for (const match of text.matchAll(INTERPOLATIONS)) {
    const [, space, path] = match;
    parts.push(reference(path, start + (match.index ?? 0) + 2 + space.length, ctx));
  }
  return ctx.node<TemplateExpression>(start, start + text.length, { kind: 'template', parts });
}
