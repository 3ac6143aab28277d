// Small text helpers for quick fixes: whole-line removal and indentation lookup.
import type { TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** Removes [start, end) together with its lines when nothing else shares them. */
export function removeLines(document: TextDocument, start: number, end: number): TextEdit {
  const text = document.getText();
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const from = /^[ \t]*$/.test(text.slice(lineStart, start)) ? lineStart : start;
  const newline = text.indexOf('\n', end);
  const lineEnd = newline === -1 ? text.length : newline + 1;
  const to = /^[ \t\r]*\n?$/.test(text.slice(end, lineEnd)) ? lineEnd : end;
  return { range: { start: document.positionAt(from), end: document.positionAt(to) }, newText: '' };
}

/** The whitespace that starts the line holding `offset`. */
export function indentationAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
}

/** The document's line break, so inserted lines match the file. */
export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}
