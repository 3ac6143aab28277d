// Updates the AST after an edit by re-reading only the innermost block whose
// braces contain everything that changed. Walking the whole syntax tree of a
// 5,000-line job costs ~20 ms (each node read is a WebAssembly call); after a
// keystroke most of the tree is unchanged, so earlier nodes are reused as they
// are and later ones are copied with shifted positions (plain JavaScript).
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import type { Node, Tree } from 'web-tree-sitter';
import type { Block, Body, BodyItem, HclFile, Span } from './ast';
import { ConversionContext } from './conversionContext';
import { checkSingleLineBlock, convertBlockBody } from './cstToAst';
import type { TextChange } from './textEdit';

/**
 * Returns the updated file, or undefined when the change is not confined to
 * one block's body (the caller then converts the whole tree).
 * `editedOldTree` is the previous tree after Tree.edit(change).
 */
export function updateAfterEdit(
  previous: HclFile,
  previousText: string,
  editedOldTree: Tree,
  newTree: Tree,
  change: TextChange,
  document: TextDocument,
  text: string,
): HclFile | undefined {
  let low = change.startIndex;
  let high = change.newEndIndex;
  for (const range of editedOldTree.getChangedRanges(newTree)) {
    low = Math.min(low, range.startIndex);
    high = Math.max(high, range.endIndex);
  }
  const oldLow = low;
  const oldHigh = high >= change.newEndIndex ? high - change.delta : change.oldEndIndex;
  const path = blocksContaining(previous.body, oldLow, Math.max(oldHigh, change.oldEndIndex));
  const target = path[path.length - 1];
  if (!target) return undefined;
  const node = findBlockNode(newTree, target.start, target.end + change.delta);
  if (!node) return undefined;
  const shifter = PositionShifter.create(previousText, change, document);
  if (!shifter) return undefined;

  const ctx = new ConversionContext(document, text);
  const parts = convertBlockBody(node, ctx);
  if (!parts.closed || parts.bodyStart !== target.bodySpan.start || parts.bodyEnd !== target.bodySpan.end + change.delta) {
    return undefined;
  }
  const rebuilt: Block = {
    ...target,
    body: parts.body,
    bodySpan: ctx.span(parts.bodyStart, parts.bodyEnd),
    ...shifter.spanEnd(target),
  };
  checkSingleLineBlock(rebuilt, ctx);

  const inOldBody = (span: Span): boolean => span.start >= target.bodySpan.start && span.start < target.bodySpan.end;
  const outside = <T extends Span>(spans: readonly T[]): T[] =>
    spans.filter((span) => !inOldBody(span)).map((span) => (span.start >= change.oldEndIndex ? shifter.deep(span) : span));
  return {
    body: replaceOnPath(previous.body, path, 0, rebuilt, shifter),
    references: byStart([...outside(previous.references), ...ctx.references]),
    syntaxErrors: byStart([...outside(previous.syntaxErrors), ...ctx.syntaxErrors]),
  };
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

function replaceOnPath(body: Body, path: readonly Block[], depth: number, rebuilt: Block, shifter: PositionShifter): Body {
  const onPath = path[depth];
  const items = body.items.map((item): BodyItem => {
    if (item !== onPath) return item.start >= shifter.oldEnd ? shifter.deep(item) : item;
    if (depth === path.length - 1) return rebuilt;
    return {
      ...item,
      body: replaceOnPath(item.body, path, depth + 1, rebuilt, shifter),
      bodySpan: { ...item.bodySpan, ...shifter.spanEnd(item.bodySpan) },
      ...shifter.spanEnd(item),
    };
  });
  return { items, hasError: body.hasError };
}

function byStart<T extends Span>(spans: T[]): T[] {
  return spans.sort((a, b) => a.start - b.start);
}

/**
 * Moves offsets and LSP positions that follow the edit. Positions on later
 * lines keep their column; positions on the edit's last line move sideways.
 */
class PositionShifter {
  private constructor(
    readonly oldEnd: number,
    private readonly delta: number,
    private readonly oldEndPosition: Position,
    private readonly newEndPosition: Position,
  ) {}

  static create(previousText: string, change: TextChange, document: TextDocument): PositionShifter | undefined {
    // An edit touching a "\r\n" pair can merge or split a line break; let the full conversion handle it.
    const around = previousText.slice(Math.max(0, change.startIndex - 1), change.oldEndIndex + 1);
    if (around.includes('\r')) return undefined;
    const startPosition = document.positionAt(change.startIndex);
    const removed = previousText.slice(change.startIndex, change.oldEndIndex);
    const lastBreak = removed.lastIndexOf('\n');
    const breaks = removed.split('\n').length - 1;
    const oldEndPosition: Position = lastBreak < 0
      ? { line: startPosition.line, character: startPosition.character + removed.length }
      : { line: startPosition.line + breaks, character: removed.length - lastBreak - 1 };
    return new PositionShifter(change.oldEndIndex, change.delta, oldEndPosition, document.positionAt(change.newEndIndex));
  }

  /** `end` and `range` for a node that starts before the edit and ends after it. */
  spanEnd(span: Span): { end: number; range: Range } {
    return { end: span.end + this.delta, range: { start: span.range.start, end: this.position(span.range.end) } };
  }

  /** A copy of an AST node lying wholly after the edit, every span moved. */
  deep<T>(node: T): T {
    if (Array.isArray(node)) return node.map((item) => this.deep(item)) as T;
    if (node === null || typeof node !== 'object') return node;
    const source = node as Record<string, unknown>;
    const copy: Record<string, unknown> = {};
    for (const key in source) copy[key] = key === 'range' ? source[key] : this.deep(source[key]);
    if (typeof source.start === 'number' && typeof source.end === 'number') {
      const range = source.range as Range;
      copy.start = source.start + this.delta;
      copy.end = source.end + this.delta;
      copy.range = { start: this.position(range.start), end: this.position(range.end) };
    }
    return copy as T;
  }

  private position(position: Position): Position {
    const lineDelta = this.newEndPosition.line - this.oldEndPosition.line;
    if (position.line > this.oldEndPosition.line) {
      return lineDelta === 0 ? position : { line: position.line + lineDelta, character: position.character };
    }
    return { line: this.newEndPosition.line, character: position.character - this.oldEndPosition.character + this.newEndPosition.character };
  }
}
