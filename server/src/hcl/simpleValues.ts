// Most attributes in a jobspec are `name = literal`, `name = [literals]` or
// a string with plain `${var.x}` interpolations. Reading those straight from
// the text saves walking their syntax nodes one WebAssembly call at a time
// (about half the conversion cost of a large job). Anything else (operators,
// calls, directives, several lines) returns undefined and goes through the
// syntax tree as usual, which gives the same nodes (test/unit/server/
// simpleValues.test.ts compares them).
import type { Expression, LiteralExpression, ReferenceExpression, TemplateExpression, TupleExpression } from './ast';
import type { ConversionContext } from './conversionContext';
import { unescapeQuoted } from './hclStrings';

// A string without interpolation, directives or line breaks; `$${` and `%%{` would need care, so they are left out too.
const STRING = String.raw`"(?:[^"\\$%\r\n]|\\[^\r\n]|\$(?!\{)|%(?!\{))*"`;
const NAME = String.raw`[\p{ID_Start}_][\p{ID_Continue}_-]*`;
const PATH = String.raw`${NAME}(?:\.${NAME})*`;
/** `${root.name.more}`, with optional spaces inside the braces. */
const INTERPOLATION = String.raw`\$\{[ \t]*${PATH}[ \t]*\}`;
// A string whose only template syntax is such interpolations. No escapes at all, so every `${` in it is one.
const TEMPLATE = String.raw`"(?:[^"\\$%\r\n]|\$(?![{$])|%(?![{%])|${INTERPOLATION})*"`;
const NUMBER = String.raw`-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?`;
const LITERAL = `${STRING}|${TEMPLATE}|${NUMBER}|true|false|null`;
const SIMPLE_LITERAL = new RegExp(`^(?:${LITERAL})$`, 'u');
const SIMPLE_TUPLE = new RegExp(String.raw`^\[[ \t]*(?:(?:${LITERAL})[ \t]*(?:,[ \t]*(?:${LITERAL})[ \t]*)*,?[ \t]*)?\]$`, 'u');
const TUPLE_ITEM = new RegExp(LITERAL, 'gu');
const INTERPOLATIONS = new RegExp(String.raw`\$\{([ \t]*)(${PATH})[ \t]*\}`, 'gu');
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
  // STRING allows no `${` but after a backslash, TEMPLATE no backslash at all.
  if (text.startsWith('"') && text.includes('${') && !text.includes('\\')) return template(text, start, ctx);
  const value = text.startsWith('"') ? unescapeQuoted(text.slice(1, -1)) : text === 'true' ? true : text === 'false' ? false : text === 'null' ? null : Number(text);
  return ctx.node<LiteralExpression>(start, start + text.length, { kind: 'literal', value });
}

/** A TEMPLATE: its parts are the references it interpolates, recorded as the tree walk records them. */
function template(text: string, start: number, ctx: ConversionContext): Expression {
  const parts: Expression[] = [];
  for (const match of text.matchAll(INTERPOLATIONS)) {
    const [, space, path] = match;
    const pathStart = start + (match.index ?? 0) + 2 + space.length;
    const dot = path.indexOf('.');
    const root = dot < 0 ? path : path.slice(0, dot);
    if (dot >= 0) {
      const nextDot = path.indexOf('.', dot + 1);
      const name = path.slice(dot + 1, nextDot < 0 ? undefined : nextDot);
      ctx.addReference(root, name, pathStart, pathStart + dot + 1 + name.length);
    }
    parts.push(ctx.node<ReferenceExpression>(pathStart, pathStart + path.length, { kind: 'reference', root }));
  }
  return ctx.node<TemplateExpression>(start, start + text.length, { kind: 'template', parts });
}
