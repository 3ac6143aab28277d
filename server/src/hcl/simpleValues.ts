// Most attributes in a jobspec are `name = literal` or `name = [literals]`.
// Reading those straight from the text saves walking their syntax nodes one
// WebAssembly call at a time (about half the conversion cost of a large job).
// Anything else (references, templates, calls, several lines) returns
// undefined and goes through the syntax tree as usual.
import type { Expression, LiteralExpression, TupleExpression } from './ast';
import type { ConversionContext } from './conversionContext';
import { unescapeQuoted } from './hclStrings';

// A string without interpolation, directives or line breaks; `$${` and `%%{` would need care, so they are left out too.
const STRING = String.raw`"(?:[^"\\$%\r\n]|\\[^\r\n]|\$(?!\{)|%(?!\{))*"`;
const NUMBER = String.raw`-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?`;
const LITERAL = `${STRING}|${NUMBER}|true|false|null`;
const SIMPLE_LITERAL = new RegExp(`^(?:${LITERAL})$`);
const SIMPLE_TUPLE = new RegExp(String.raw`^\[[ \t]*(?:(?:${LITERAL})[ \t]*(?:,[ \t]*(?:${LITERAL})[ \t]*)*,?[ \t]*)?\]$`);
const TUPLE_ITEM = new RegExp(LITERAL, 'g');
/** `name = value` on one line; the name as HCL identifiers are written. */
const SIMPLE_ATTRIBUTE = /^([\p{ID_Start}_][\p{ID_Continue}_-]*)([ \t]*)=([ \t]*)(\S.*)$/u;

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

function literal(text: string, start: number, ctx: ConversionContext): Expression {
  const value = text.startsWith('"') ? unescapeQuoted(text.slice(1, -1)) : text === 'true' ? true : text === 'false' ? false : text === 'null' ? null : Number(text);
  return ctx.node<LiteralExpression>(start, start + text.length, { kind: 'literal', value });
}
