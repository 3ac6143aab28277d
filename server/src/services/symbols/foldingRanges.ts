// Folding for Nomad job files: blocks, multi-line lists/objects/calls, heredocs,
// block comments, runs of line comments and `# region` / `# endregion` markers.
// Read from the tree-sitter tree, so error recovery still folds what it can.
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { Node, TreeCursor } from 'web-tree-sitter';

const FOLDABLE = new Set(['block', 'object', 'tuple', 'function_call', 'for_tuple_expr', 'for_object_expr', 'heredoc_template']);
const REGION_START = /^\s*(#|\/\/)\s*region\b/;
const REGION_END = /^\s*(#|\/\/)\s*endregion\b/;

/**
 * A range ends on the line before its closing bracket, so the closing line stays
 * visible, as VS Code's own languages do; a heredoc keeps its end marker visible too.
 */
function closingLineFold(startLine: number, endLine: number, kind?: FoldingRangeKind): FoldingRange | undefined {
  const last = endLine - 1;
  if (last <= startLine) return undefined;
  return kind ? { startLine, endLine: last, kind } : { startLine, endLine: last };
}

class FoldingCollector {
  readonly ranges: FoldingRange[] = [];
  private commentRun: { startLine: number; endLine: number } | undefined;

  constructor(private readonly text: string) {}

  visit(cursor: TreeCursor): void {
    const type = cursor.nodeType;
    const start = cursor.startPosition.row;
    const end = cursor.endPosition.row;
    if (type === 'comment') {
      if (this.startsItsLine(cursor.startIndex)) this.comment(cursor.nodeText, start, end);
      else this.flushComments();
      return;
    }
    if (FOLDABLE.has(type)) this.push(closingLineFold(start, end));
    if (!cursor.gotoFirstChild()) return;
    do this.visit(cursor);
    while (cursor.gotoNextSibling());
    cursor.gotoParent();
  }

  /** A comment after code on the same line belongs to that code, not to a comment paragraph. */
  private startsItsLine(offset: number): boolean {
    const lineStart = this.text.lastIndexOf('\n', offset - 1) + 1;
    return this.text.slice(lineStart, offset).trim() === '';
  }

  private comment(text: string, startLine: number, endLine: number): void {
    if (REGION_START.test(text) || REGION_END.test(text)) return;
    if (text.startsWith('/*')) {
      this.flushComments();
      if (endLine > startLine) this.ranges.push({ startLine, endLine, kind: FoldingRangeKind.Comment });
      return;
    }
    if (this.commentRun && this.commentRun.endLine === startLine - 1) this.commentRun.endLine = startLine;
    else {
      this.flushComments();
      this.commentRun = { startLine, endLine: startLine };
    }
  }

  flushComments(): void {
    const run = this.commentRun;
    if (run && run.endLine > run.startLine) this.ranges.push({ ...run, kind: FoldingRangeKind.Comment });
    this.commentRun = undefined;
  }

  private push(range: FoldingRange | undefined): void {
    if (range) this.ranges.push(range);
  }
}

/** `# region name` ... `# endregion` pairs, matched like brackets. */
function regionRanges(text: string): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const open: number[] = [];
  text.split('\n').forEach((line, index) => {
    if (REGION_START.test(line)) open.push(index);
    else if (REGION_END.test(line)) {
      const startLine = open.pop();
      if (startLine !== undefined && index > startLine) ranges.push({ startLine, endLine: index, kind: FoldingRangeKind.Region });
    }
  });
  return ranges;
}

export function foldingRanges(root: Node, text: string): FoldingRange[] {
  const collector = new FoldingCollector(text);
  const cursor = root.walk();
  try {
    collector.visit(cursor);
  } finally {
    cursor.delete();
  }
  collector.flushComments();
  return [...collector.ranges, ...regionRanges(text)].sort((a, b) => a.startLine - b.startLine);
}
