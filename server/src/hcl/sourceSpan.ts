// The base of every AST node: offsets into the document, and the LSP range
// computed from them on demand. Computing ranges only when a feature needs
// one (a diagnostic, a hover) keeps parsing cheap in time and memory, and
// lets an incremental update move a node by changing two numbers.
import type { Range } from 'vscode-languageserver-textdocument';
import type { Span } from './ast';
import type { LineIndex } from './lineIndex';

export class SourceSpan implements Span {
  readonly #lines: LineIndex;

  constructor(public start: number, public end: number, lines: LineIndex) {
    this.#lines = lines;
  }

  get range(): Range {
    return { start: this.#lines.positionAt(this.start), end: this.#lines.positionAt(this.end) };
  }

  /** For incremental updates only: the node now lies at [start, end) (its line index was updated in place). */
  relocate(start: number, end: number): void {
    this.start = start;
    this.end = end;
  }
}

/** Builds an AST node of type T at [start, end). */
export function spanned<T extends Span>(lines: LineIndex, start: number, end: number, fields: Omit<T, keyof Span>): T {
  return Object.assign(new SourceSpan(start, end, lines), fields) as unknown as T;
}
