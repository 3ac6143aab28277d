// State shared while one syntax tree is converted into our AST: the text,
// position mapping, and the file-wide lists (references, syntax problems).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Reference, Span, SyntaxProblem } from './ast';
import { LineIndex } from './lineIndex';
import { spanned } from './sourceSpan';

/** Variable scopes whose names we can resolve inside the file. */
export const CHECKED_SCOPES: ReadonlySet<string> = new Set(['var', 'local']);

/** Above this many, further syntax problems only add noise (and cost) to a badly broken file. */
export const MAX_SYNTAX_PROBLEMS = 100;

/**
 * Blocks and expressions nested deeper than this are not converted (real jobs
 * nest about ten levels): the conversion recurses per level and must not
 * exhaust the stack on hostile input.
 */
export const MAX_NESTING = 100;

export class ConversionContext {
  readonly references: Reference[] = [];
  readonly syntaxErrors: SyntaxProblem[] = [];
  private depth = 0;
  private reportedTooDeep = false;

  /**
   * `blanked`: lines the syntax repair replaced with spaces (see
   * syntaxRepair.ts); bodies holding one are marked as having errors.
   */
  readonly lines: LineIndex;

  /** `lines`: an index of the document to share (incremental updates); a new one by default. */
  constructor(
    readonly document: TextDocument,
    readonly text: string,
    readonly blanked: readonly { start: number; end: number }[] = [],
    lines?: LineIndex,
  ) {
    this.lines = lines ?? new LineIndex(document.getText());
  }

  /** True when a blanked line lies in [start, end) outside all of `inner` (the extents of nested blocks). */
  blankedWithin(start: number, end: number, inner: readonly { start: number; end: number }[]): boolean {
    return this.blanked.some((line) => line.start >= start && line.start < end && !inner.some((span) => line.start >= span.start && line.start < span.end));
  }

  /** The document's own length: the parsed text may go on with braces the repair appended. */
  get documentLength(): number {
    return this.lines.length;
  }

  span(start: number, end: number): Span {
    return this.node<Span>(start, end, {});
  }

  /** An AST node of type T at [start, end), clamped to the document (the parsed text may be longer). */
  node<T extends Span>(start: number, end: number, fields: Omit<T, keyof Span>): T {
    const length = this.lines.length;
    return spanned<T>(this.lines, Math.min(start, length), Math.min(end, length), fields);
  }

  lineOf(offset: number): number {
    return this.lines.lineOf(offset);
  }

  /**
   * Runs `convert` one nesting level deeper, or returns `shallow` (reporting
   * it once) when that would pass MAX_NESTING.
   */
  nested<T>(start: number, convert: () => T, shallow: () => T): T {
    if (this.depth >= MAX_NESTING) {
      if (!this.reportedTooDeep) this.addSyntaxError(`Nested more than ${MAX_NESTING} levels deep; the content further in is not checked`, start, start + 1);
      this.reportedTooDeep = true;
      return shallow();
    }
    this.depth++;
    try {
      return convert();
    } finally {
      this.depth--;
    }
  }

  addReference(root: string, name: string, start: number, end: number): void {
    if (CHECKED_SCOPES.has(root)) this.references.push(this.node<Reference>(start, end, { root, name }));
  }

  addSyntaxError(message: string, start: number, end: number): void {
    if (start >= this.documentLength && this.documentLength > 0 && this.text.length > this.documentLength) {
      start = Math.max(0, this.documentLength - 1); // problems in appended braces belong at the end of the file
    }
    if (this.syntaxErrors.length < MAX_SYNTAX_PROBLEMS) this.syntaxErrors.push(this.node<SyntaxProblem>(start, end, { message }));
  }
}
