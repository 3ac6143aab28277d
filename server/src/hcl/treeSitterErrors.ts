// Turns tree-sitter's ERROR and MISSING nodes into readable syntax problems.
// Only subtrees flagged `hasError` are visited, so a clean file costs nothing.
import type { Node } from 'web-tree-sitter';
import { ConversionContext, MAX_SYNTAX_PROBLEMS } from './conversionContext';

/** What to call a token tree-sitter inserted to recover. */
const MISSING_NAMES: Record<string, string> = {
  '}': '"}"', block_end: '"}"', object_end: '"}"', template_interpolation_end: '"}"', template_directive_end: '"}"',
  ']': '"]"', tuple_end: '"]"', ')': '")"', quoted_template_end: 'a closing quote', '"': 'a closing quote',
  '=': '"="', ':': '":"', expression: 'a value', '<<': 'a value', heredoc_start: 'a value', identifier: 'a name', heredoc_identifier: 'the heredoc end marker',
};

const SNIPPET_LENGTH = 30;

/** Syntax tree depth beyond which errors are not looked for (about a hundred levels of HCL nesting). */
const MAX_TREE_DEPTH = 500;

export function collectTreeSitterErrors(root: Node, ctx: ConversionContext): void {
  if (root.hasError) visit(root, ctx, 0);
}

function visit(node: Node, ctx: ConversionContext, depth: number): void {
  if (ctx.syntaxErrors.length >= MAX_SYNTAX_PROBLEMS || depth > MAX_TREE_DEPTH) return;
  if (node.isMissing) {
    const what = MISSING_NAMES[node.type] ?? `"${node.type}"`;
    ctx.addSyntaxError(`Missing ${what}`, node.startIndex, node.endIndex);
    return;
  }
  if (node.isError) {
    reportErrorNode(node, ctx);
    return;
  }
  let valueSeen = node.type !== 'attribute';
  for (const child of node.children) {
    if (!child) continue;
    valueSeen ||= child.type === 'expression';
    // In `name =` + newline the error nodes are the next item; cstToAst reports the missing value instead.
    if (!valueSeen && child.isError) continue;
    if (child.hasError || child.isMissing) visit(child, ctx, depth + 1);
  }
}

/** Marks the first line of the unexpected text: an error node can span the rest of the file. */
function reportErrorNode(node: Node, ctx: ConversionContext): void {
  const start = node.startIndex;
  const lineEnd = ctx.text.indexOf('\n', start);
  const end = Math.max(start + 1, Math.min(node.endIndex, lineEnd < 0 ? node.endIndex : lineEnd));
  const text = ctx.text.slice(start, Math.min(end, ctx.text.length)).trim();
  const snippet = text.length > SNIPPET_LENGTH ? `${text.slice(0, SNIPPET_LENGTH)}…` : text;
  const first = node.firstChild;
  const message = first?.type === 'identifier' && node.childCount === 1
    ? `"${snippet}" needs "= value" or a block body`
    : snippet ? `Unexpected "${snippet}"` : 'Syntax error';
  ctx.addSyntaxError(message, start, Math.min(end, ctx.text.length));
}
