// Converts tree-sitter expression nodes into AST expressions. Walks with a
// TreeCursor (far fewer WebAssembly calls than Node objects) and stops
// descending where the source text says enough (literals).
import type { TreeCursor } from 'web-tree-sitter';
import type { CallExpression, Expression, LiteralExpression, ObjectEntry, ObjectExpression, OtherExpression, ReferenceExpression, TemplateExpression, TupleExpression } from './ast';
import { CHECKED_SCOPES, ConversionContext } from './conversionContext';
import { hasTemplateSyntax, heredocValue, unescapeQuoted } from '../../../common/src/hcl/strings';

/** Nodes that extend the term before them: `.name`, `[i]`, `.*`, `[*]`. */
const POSTFIX = new Set(['get_attr', 'index', 'splat']);

/** Wrappers whose inner expressions belong to the enclosing expression. */
const FLATTEN = new Set([
  'for_tuple_expr', 'for_object_expr', 'for_intro', 'for_cond', 'function_arguments',
  'template_interpolation', 'template_directive', 'template_for', 'template_for_start', 'template_for_end',
  'template_if', 'template_if_intro', 'template_else_intro', 'template_if_end',
]);

/** Named nodes that are punctuation or names, never values. */
const NOT_EXPRESSIONS = new Set([
  'identifier', 'comment', 'tuple_start', 'tuple_end', 'object_start', 'object_end', 'quoted_template_start',
  'quoted_template_end', 'template_literal', 'template_interpolation_start', 'template_interpolation_end',
  'template_directive_start', 'template_directive_end', 'heredoc_start', 'heredoc_identifier', 'strip_marker', 'ellipsis',
]);

export class ExpressionConverter {
  constructor(private readonly ctx: ConversionContext) {}

  /** Converts the node under the cursor; the cursor ends where it started. */
  convert(c: TreeCursor): Expression | undefined {
    const start = c.startIndex;
    const end = c.endIndex;
    return this.ctx.nested(start, () => this.convertNode(c, start, end), () => this.other(start, end, []));
  }

  private convertNode(c: TreeCursor, start: number, end: number): Expression | undefined {
    switch (c.nodeType) {
      case 'expression': {
        const parts = this.sequence(c);
        if (parts.length === 1 && parts[0].start === start && parts[0].end === end) return parts[0];
        return parts.length === 0 ? undefined : this.other(start, end, parts);
      }
      case 'literal_value':
        return this.firstChild(c, () => this.literal(c));
      case 'string_lit':
        return this.literal(c);
      case 'template_expr':
      case 'collection_value':
      case 'operation':
        return this.firstChild(c, () => this.convert(c));
      case 'unary_operation':
        return this.unary(c, start, end);
      case 'quoted_template':
        return this.template(c, start, end);
      case 'heredoc_template':
        return this.heredoc(c, start, end);
      case 'tuple':
        return this.ctx.node<TupleExpression>(start, end, { kind: 'tuple', items: this.sequence(c) });
      case 'object':
        return this.ctx.node<ObjectExpression>(start, end, { kind: 'object', entries: this.objectEntries(c) });
      case 'variable_expr':
        return this.ctx.node<ReferenceExpression>(start, end, { kind: 'reference', root: this.ctx.text.slice(start, end) });
      case 'function_call':
        return this.call(c, start, end);
      default:
        return this.other(start, end, this.sequence(c));
    }
  }

  /**
   * Converts the children of the node under the cursor into expressions,
   * joining each term with the postfixes that follow it and recording
   * `var.x` / `local.x` references on the way.
   */
  sequence(c: TreeCursor): Expression[] {
    const out: Expression[] = [];
    if (!c.gotoFirstChild()) return out;
    let pending: Expression | undefined;
    let pendingEnd = 0;
    let awaitsScopeName = false;
    const flush = (): void => {
      if (!pending) return;
      if (pendingEnd === pending.end) out.push(pending);
      else if (pending.kind === 'reference') out.push(this.ctx.node<ReferenceExpression>(pending.start, pendingEnd, { kind: 'reference', root: pending.root }));
      else out.push(this.other(pending.start, pendingEnd, [pending]));
      pending = undefined;
    };
    do {
      const type = c.nodeType;
      if (pending && POSTFIX.has(type)) {
        if (awaitsScopeName && type === 'get_attr' && pending.kind === 'reference') {
          const name = this.ctx.text.slice(c.startIndex + 1, c.endIndex).trim();
          this.ctx.addReference(pending.root, name, pending.start, c.endIndex);
        } else {
          this.sequence(c); // only for the references inside `[...]`
        }
        awaitsScopeName = false;
        pendingEnd = c.endIndex;
        continue;
      }
      flush();
      if (FLATTEN.has(type)) {
        out.push(...this.sequence(c));
      } else if (c.nodeIsNamed && !NOT_EXPRESSIONS.has(type)) {
        pending = this.convert(c);
        pendingEnd = pending?.end ?? 0;
        awaitsScopeName = pending?.kind === 'reference' && CHECKED_SCOPES.has(pending.root);
      }
    } while (c.gotoNextSibling());
    flush();
    c.gotoParent();
    return out;
  }

  private firstChild<T>(c: TreeCursor, convert: () => T): T | undefined {
    if (!c.gotoFirstChild()) return undefined;
    const result = convert();
    c.gotoParent();
    return result;
  }

  private literal(c: TreeCursor): Expression {
    const start = c.startIndex;
    const end = c.endIndex;
    const raw = this.ctx.text.slice(start, end);
    switch (c.nodeType) {
      case 'numeric_lit': {
        const value = Number(raw);
        return Number.isFinite(value) ? this.literalNode(start, end, value) : this.other(start, end, []);
      }
      case 'bool_lit':
        return this.literalNode(start, end, raw === 'true');
      case 'null_lit':
        return this.literalNode(start, end, null);
      default: {
        const closed = raw.length >= 2 && raw.endsWith('"');
        return this.literalNode(start, end, unescapeQuoted(raw.slice(1, closed ? -1 : undefined)));
      }
    }
  }

  private template(c: TreeCursor, start: number, end: number): Expression {
    const parts = this.sequence(c);
    if (parts.length > 0 || this.hasTemplateSyntax(start, end)) return this.ctx.node<TemplateExpression>(start, end, { kind: 'template', parts });
    const raw = this.ctx.text.slice(start + 1, this.ctx.text[end - 1] === '"' && end - start >= 2 ? end - 1 : end);
    return this.literalNode(start, end, unescapeQuoted(raw));
  }

  private heredoc(c: TreeCursor, start: number, end: number): Expression {
    if (this.hasTemplateSyntax(start, end)) return this.ctx.node<TemplateExpression>(start, end, { kind: 'template', parts: this.sequence(c) });
    const raw = this.ctx.text.slice(start, end);
    return this.literalNode(start, end, heredocValue(raw, raw.startsWith('<<-')));
  }

  private hasTemplateSyntax(start: number, end: number): boolean {
    return hasTemplateSyntax(this.ctx.text.slice(start, end));
  }

  private objectEntries(c: TreeCursor): ObjectEntry[] {
    const entries: ObjectEntry[] = [];
    if (!c.gotoFirstChild()) return entries;
    do {
      if (c.nodeType !== 'object_elem') continue;
      const start = c.startIndex;
      const end = c.endIndex;
      const [keyExpression, value] = this.sequence(c);
      if (!keyExpression) continue;
      const key = keyExpression.kind === 'reference' && /^[\p{L}_][\p{L}\p{N}_-]*$/u.test(keyExpression.root)
        ? keyExpression.root
        : keyExpression.kind === 'literal' && typeof keyExpression.value === 'string' ? keyExpression.value : undefined;
      entries.push(this.ctx.node<ObjectEntry>(start, end, { key, keySpan: this.ctx.span(keyExpression.start, keyExpression.end), value }));
    } while (c.gotoNextSibling());
    c.gotoParent();
    return entries;
  }

  /** `-5` is a literal to us (HCL folds it at parse time); `!x` and `-var.x` are not. */
  private unary(c: TreeCursor, start: number, end: number): Expression {
    const operands = this.sequence(c);
    const operand = operands[0];
    if (this.ctx.text[start] === '-' && operands.length === 1 && operand.kind === 'literal' && typeof operand.value === 'number') {
      return this.literalNode(start, end, -operand.value);
    }
    return this.other(start, end, operands);
  }

  private call(c: TreeCursor, start: number, end: number): Expression {
    const name = /^[^\s(]*/.exec(this.ctx.text.slice(start, end))?.[0] ?? '';
    return this.ctx.node<CallExpression>(start, end, { kind: 'call', name, args: this.sequence(c) });
  }

  private other(start: number, end: number, children: Expression[]): Expression {
    return this.ctx.node<OtherExpression>(start, end, { kind: 'other', children });
  }

  private literalNode(start: number, end: number, value: LiteralExpression['value']): Expression {
    return this.ctx.node<LiteralExpression>(start, end, { kind: 'literal', value });
  }
}
