// Document and range formatting for Nomad job files, in the layout `nomad fmt` produces.
// Edits only ever replace whitespace between tokens, each edit trimmed to the characters
// that actually change, so cursors, folds and markers elsewhere stay where they were.
import type { Node } from 'web-tree-sitter';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lexFormatTokens, type FormatToken } from './formatTokens';
import { layoutWhitespace } from './layout';

export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/**
 * Whitespace edits that bring `text` into canonical layout, or none when the tree has
 * syntax errors: reformatting a file we cannot fully read could change what it means.
 */
export function computeFormatEdits(text: string, root: Node): OffsetEdit[] {
  if (root.hasError) return [];
  const tokens = lexFormatTokens(text);
  if (!heredocsAgree(root, tokens)) return [];
  const edits: OffsetEdit[] = [];
  layoutWhitespace(tokens, text, (start, end, whitespace) => {
    const edit = minimalEdit(text, start, end, whitespace);
    if (edit) edits.push(edit);
  });
  return edits;
}

/**
 * tree-sitter's grammar takes some heredocs HCL does not (`<<EOT` with blanks after
 * the marker); the lexer, reading as Nomad does, sees code there, and laying that
 * out would rewrite the heredoc's content. Such files are left alone.
 */
function heredocsAgree(root: Node, tokens: readonly FormatToken[]): boolean {
  const heredocStarts = new Set(tokens.filter((token) => token.kind === 'heredoc').map((token) => token.start));
  return root.descendantsOfType('heredoc_start').every((node) => node !== null && heredocStarts.has(node.startIndex));
}

/** Shrinks a replacement of [start, end) to the part between the common prefix and suffix. */
function minimalEdit(text: string, start: number, end: number, replacement: string): OffsetEdit | undefined {
  const original = text.slice(start, end);
  if (original === replacement) return undefined;
  let prefix = 0;
  const shorter = Math.min(original.length, replacement.length);
  while (prefix < shorter && original[prefix] === replacement[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < shorter - prefix &&
    original[original.length - 1 - suffix] === replacement[replacement.length - 1 - suffix]
  ) {
    suffix++;
  }
  return {
    start: start + prefix,
    end: end - suffix,
    newText: replacement.slice(prefix, replacement.length - suffix),
  };
}

export function applyOffsetEdits(text: string, edits: readonly OffsetEdit[]): string {
  let result = '';
  let position = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    result += text.slice(position, edit.start) + edit.newText;
    position = edit.end;
  }
  return result + text.slice(position);
}

/** LSP `textDocument/formatting` and `textDocument/rangeFormatting`: the edits touching `range`, or all. */
export function formatDocument(document: TextDocument, root: Node, range?: Range): TextEdit[] {
  const text = document.getText();
  let edits = computeFormatEdits(text, root);
  if (range) {
    const from = document.offsetAt(range.start);
    const to = document.offsetAt(range.end);
    edits = edits.filter((e) => (e.start < to && e.end > from) || (e.start === e.end && e.start >= from && e.start <= to));
  }
  return edits.map((e) => ({
    range: { start: document.positionAt(e.start), end: document.positionAt(e.end) },
    newText: e.newText,
  }));
}
