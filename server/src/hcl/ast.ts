// The small syntax tree every language feature works on. Native HCL (via
// tree-sitter) and HCL-JSON (via jsonc-parser) are both converted into it, so
// validators, completion and hover never care which syntax the user wrote.
//
// Every node carries UTF-16 offsets into the document text (`start`/`end`,
// what TextDocument.offsetAt uses) and the matching LSP `range`. In the
// native HCL AST, `range` is computed on access (see sourceSpan.ts): don't
// spread nodes into new objects, and read `range` only where you need it.
import type { Range } from 'vscode-languageserver-textdocument';

export interface Span {
  readonly start: number;
  readonly end: number;
  readonly range: Range;
}

export interface HclFile {
  readonly body: Body;
  /** Every `var.x` / `local.x` style traversal, wherever it occurs (attributes, templates, labels of dynamic blocks). */
  readonly references: readonly Reference[];
  readonly syntaxErrors: readonly SyntaxProblem[];
}

export interface Body {
  readonly items: readonly BodyItem[];
  /** True when a syntax error sits inside this body: later checks that need the whole body (required attributes) stay quiet. */
  readonly hasError: boolean;
}

export type BodyItem = Block | Attribute;

export interface Block extends Span {
  readonly kind: 'block';
  readonly type: string;
  readonly typeSpan: Span;
  readonly labels: readonly Label[];
  readonly body: Body;
  /** Where the body's text starts and ends (just inside the braces); used for incremental updates and completion. */
  readonly bodySpan: Span;
  /** False when the closing brace is missing (error recovery). */
  readonly closed: boolean;
}

export interface Label extends Span {
  readonly value: string;
  /** `"name"` rather than a bare identifier. */
  readonly quoted: boolean;
}

export interface Attribute extends Span {
  readonly kind: 'attribute';
  readonly name: string;
  readonly nameSpan: Span;
  /** The `=` (or `:` in HCL-JSON); completion uses it to tell name from value. */
  readonly equals: Span;
  /** Undefined when the value is missing (`count =` while typing). */
  readonly value: Expression | undefined;
}

export type Expression =
  | LiteralExpression
  | TemplateExpression
  | TupleExpression
  | ObjectExpression
  | ReferenceExpression
  | CallExpression
  | OtherExpression;

/** A value fully known without evaluation. Heredocs without interpolation are string literals too. */
export interface LiteralExpression extends Span {
  readonly kind: 'literal';
  readonly value: string | number | boolean | null;
}

/** A string with `${...}` or `%{...}`: its value is only known at evaluation time. */
export interface TemplateExpression extends Span {
  readonly kind: 'template';
  readonly parts: readonly Expression[];
}

export interface TupleExpression extends Span {
  readonly kind: 'tuple';
  readonly items: readonly Expression[];
}

export interface ObjectExpression extends Span {
  readonly kind: 'object';
  readonly entries: readonly ObjectEntry[];
}

export interface ObjectEntry extends Span {
  /** The key when it is a bare identifier or literal string; undefined for computed keys like `(local.k)`. */
  readonly key: string | undefined;
  readonly keySpan: Span;
  readonly value: Expression | undefined;
}

/** `name` or `name.attr[0].more`: a variable traversal. */
export interface ReferenceExpression extends Span {
  readonly kind: 'reference';
  readonly root: string;
}

export interface CallExpression extends Span {
  readonly kind: 'call';
  readonly name: string;
  readonly args: readonly Expression[];
}

/** Operators, conditionals, `for` expressions, indexing, splats, parentheses: evaluated by Nomad, opaque to us. */
export interface OtherExpression extends Span {
  readonly kind: 'other';
  readonly children: readonly Expression[];
}

/** `root.name` where root is one of the scopes we can check (`var`, `local`). */
export interface Reference extends Span {
  readonly root: string;
  readonly name: string;
}

export interface SyntaxProblem extends Span {
  readonly message: string;
}

export function isBlock(item: BodyItem): item is Block {
  return item.kind === 'block';
}

export function isAttribute(item: BodyItem): item is Attribute {
  return item.kind === 'attribute';
}
