// State shared while one syntax tree is converted into our AST: the text,
// position mapping, and the file-wide lists (references, syntax problems).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Reference, Span, SyntaxProblem } from './ast';

/** Variable scopes whose names we can resolve inside the file. */
export const CHECKED_SCOPES: ReadonlySet<string> = new Set(['var', 'local']);

/** Above this many, further syntax problems only add noise (and cost) to a badly broken file. */
export const MAX_SYNTAX_PROBLEMS = 100;

export class ConversionContext {
  readonly references: Reference[] = [];
  readonly syntaxErrors: SyntaxProblem[] = [];

  constructor(readonly document: TextDocument, readonly text: string) {}

  span(start: number, end: number): Span {
    return { start, end, range: { start: this.document.positionAt(start), end: this.document.positionAt(end) } };
  }

  lineOf(offset: number): number {
    return this.document.positionAt(offset).line;
  }

  addReference(root: string, name: string, start: number, end: number): void {
    if (CHECKED_SCOPES.has(root)) this.references.push({ ...this.span(start, end), root, name });
  }

  addSyntaxError(message: string, start: number, end: number): void {
    if (this.syntaxErrors.length < MAX_SYNTAX_PROBLEMS) this.syntaxErrors.push({ ...this.span(start, end), message });
  }
}
