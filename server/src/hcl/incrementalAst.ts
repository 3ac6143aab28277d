// Updates the AST after an edit by re-reading only the items (attributes and
// blocks) the change touched, in the innermost body containing it. Walking
// the whole syntax tree of a 5,000-line job costs more than everything else
// per keystroke, since each node read is a WebAssembly call; here unchanged
// items are kept and those after the edit only get their offsets moved.
//
// Like tree-sitter's Tree.edit, this updates the previous AST in place: the
// previous parse result must not be used afterwards (see languageService.ts).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Node, Tree, TreeCursor } from 'web-tree-sitter';
import type { Block, Body, BodyItem, HclFile, Span } from './ast';
import { ConversionContext } from './conversionContext';
import { BodyConverter, checkSingleLineBlock } from './cstToAst';
import type { LineIndex } from './lineIndex';
import { SourceSpan } from './sourceSpan';
import type { TextChange } from './textEdit';

/**
 * Returns the updated file, or undefined when this shortcut does not apply
 * (the caller then converts the whole tree). Only used between error-free
 * trees: `editedOldTree` is the previous tree after Tree.edit(change);
 * `lines` is the line index the previous AST uses, already updated for the edit.
 */
export function updateAfterEdit(
  previous: HclFile,
  editedOldTree: Tree,
  newTree: Tree,
  change: TextChange,
  document: TextDocument,
  lines: LineIndex,
): HclFile | undefined {
  if (previous.syntaxErrors.length > 0) return undefined;
  let low = change.startIndex;
  let high = change.newEndIndex;
  for (const range of editedOldTree.getChangedRanges(newTree)) {
    low = Math.min(low, range.startIndex);
    high = Math.max(high, range.endIndex);
  }
  const oldHigh = Math.max(change.oldEndIndex, high >= change.newEndIndex ? high - change.delta : change.oldEndIndex);
  const path = blocksContaining(previous.body, low, oldHigh);
  const owner = path[path.length - 1];
  const body = owner ? owner.body : previous.body;

  // Items wholly before the change stay, items wholly after it move, the rest is read again.
  const before = body.items.filter((item) => item.end < low);
  const after = body.items.filter((item) => item.start > oldHigh);
  const readFrom = before.length > 0 ? before[before.length - 1].end : owner ? owner.bodySpan.start : 0;
  // In old offsets: where the kept items after the change begin (the end of the body if none).
  const readToOld = after.length > 0 ? after[0].start : owner ? owner.bodySpan.end : Infinity;
  const text = document.getText();
  const ctx = new ConversionContext(document, text, [], lines);
  const container = owner ? findBlockNode(newTree, owner.start, owner.end + change.delta) : newTree.rootNode;
  const read = container && readItems(container, readFrom, readToOld + change.delta, ctx);
  if (!read) return undefined;

  for (const item of after) relocateDeep(item, change.delta);
  // Enclosing blocks grow or shrink; what follows them at every level moves.
  let level = previous.body;
  for (const block of path) {
    for (const sibling of level.items) if (sibling.start > block.start) relocateDeep(sibling, change.delta);
    relocate(block, block.start, block.end + change.delta);
    relocate(block.bodySpan, block.bodySpan.start, block.bodySpan.end + change.delta);
    level = block.body;
  }
  const items = [...before, ...read, ...after];
  new BodyConverter(ctx).checkOneItemPerLine(items);
  (body as { items: readonly BodyItem[] }).items = items;
  if (owner) checkSingleLineBlock(owner, ctx);

  const references = [];
  for (const reference of previous.references) {
    if (reference.start < readFrom) references.push(reference);
    else if (reference.start >= readToOld) references.push(relocateDeep(reference, change.delta));
  }
  references.push(...ctx.references);
  return { body: previous.body, references: references.sort((a, b) => a.start - b.start), syntaxErrors: ctx.syntaxErrors };
}

/** The chain of closed blocks, outermost first, whose body contains [start, end]. */
function blocksContaining(body: Body, start: number, end: number): Block[] {
  for (const item of body.items) {
    if (item.kind === 'block' && item.closed && item.bodySpan.start <= start && end <= item.bodySpan.end) {
      return [item, ...blocksContaining(item.body, start, end)];
    }
  }
  return [];
}

function findBlockNode(tree: Tree, start: number, end: number): Node | undefined {
  for (let node = tree.rootNode.descendantForIndex(start); node; node = node.parent) {
    if (node.startIndex < start) return undefined;
    if (node.type === 'block' && node.startIndex === start && node.endIndex === end) return node;
  }
  return undefined;
}

/**
 * Converts the attributes and blocks of `container` (a block or the root)
 * lying in [from, to]; undefined if one crosses a boundary, meaning the
 * structure changed more than this shortcut handles.
 */
function readItems(container: Node, from: number, to: number, ctx: ConversionContext): BodyItem[] | undefined {
  const cursor = container.walk();
  try {
    const items: BodyItem[] = [];
    const converter = new BodyConverter(ctx);
    const visit = (c: TreeCursor): boolean => {
      if (!c.gotoFirstChild()) return true;
      try {
        do {
          const type = c.nodeType;
          if (type === 'body') {
            if (!visit(c)) return false;
            continue;
          }
          if (type !== 'attribute' && type !== 'block') continue;
          const start = c.startIndex;
          const end = c.endIndex;
          if (end <= from || start >= to) continue;
          if (start < from || end > to) return false;
          if (type === 'attribute') items.push(converter.attribute(c));
          else items.push(...converter.block(c));
        } while (c.gotoNextSibling());
        return true;
      } finally {
        c.gotoParent();
      }
    };
    return visit(cursor) ? items : undefined;
  } finally {
    cursor.delete();
  }
}

function relocate(span: Span, start: number, end: number): void {
  if (span instanceof SourceSpan) span.relocate(start, end);
}

/** Moves every span in an AST subtree by `delta`, in place. */
function relocateDeep<T>(node: T, delta: number): T {
  if (Array.isArray(node)) {
    for (const item of node) relocateDeep(item, delta);
  } else if (node !== null && typeof node === 'object') {
    if (node instanceof SourceSpan) node.relocate(node.start + delta, node.end + delta);
    for (const key in node) relocateDeep((node as Record<string, unknown>)[key], delta);
  }
  return node;
}
