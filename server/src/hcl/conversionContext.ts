// State shared while one syntax tree is converted into our AST: the text,
// position mapping, and the file-wide lists (references, syntax problems).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Reference, Span, SyntaxProblem } from './ast';

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
  constructor(readonly document: TextDocument, readonly text: string, readonly blanked: readonly { start: number; end: number }[] = []) {}

  /** True when a blanked line lies in [start, end) outside all of `inner` (the extents of nested blocks). */
  blankedWithin(start: number, end: number, inner: readonly { start: number; end: number }[]): boolean {
    return this.blanked.some((line) => line.start >= start && line.start < end && !inner.some((span) => line.start >= span.start && line.start < span.end));
  }

  /** The document's own length: the parsed text may go on with braces the repair appended. */
  get documentLength(): number {
    return this.document.getText().length;
  }

  span(start: number, end: number): Span {
    const length = this.documentLength;
    const clampedStart = Math.min(start, length);
    const clampedEnd = Math.min(end, length);
    return { start: clampedStart, end: clampedEnd, range: { start: this.document.positionAt(clampedStart), end: this.document.positionAt(clampedEnd) } };
  }

  lineOf(offset: number): number {
    return this.document.positionAt(offset).line;
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
    if (CHECKED_SCOPES.has(root)) this.references.push({ ...this.span(start, end), root, name });
  }

  addSyntaxError(message: string, start: number, end: number): void {
    if (start >= this.documentLength && this.documentLength > 0 && this.text.length > this.documentLength) {
      start = Math.max(0, this.documentLength - 1); // problems in appended braces belong at the end of the file
    }
    if (this.syntaxErrors.length < MAX_SYNTAX_PROBLEMS) this.syntaxErrors.push({ ...this.span(start, end), message });
  }
}
