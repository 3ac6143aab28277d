// Describes the difference between two versions of a text as one replaced
// range, in the form tree-sitter's Tree.edit takes. Diffing the texts keeps
// the parser independent of how the editor reported its changes.
import type { Edit, Point } from 'web-tree-sitter';

export interface TextChange extends Edit {
  /** newEndIndex - oldEndIndex: how far text after the change moved. */
  readonly delta: number;
}

/** Undefined when the texts are equal. */
export function findSingleEdit(oldText: string, newText: string): TextChange | undefined {
  if (oldText === newText) return undefined;
  const shorter = Math.min(oldText.length, newText.length);
  let start = 0;
  while (start < shorter && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
  let oldEnd = oldText.length;
  let newEnd = newText.length;
  while (oldEnd > start && newEnd > start && oldText.charCodeAt(oldEnd - 1) === newText.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  // Never split a surrogate pair: tree-sitter would see half a character.
  if (start > 0 && isHighSurrogate(newText.charCodeAt(start - 1))) start--;
  if (newEnd < newText.length && isLowSurrogate(newText.charCodeAt(newEnd))) {
    newEnd++;
    oldEnd++;
  }
  return {
    startIndex: start,
    oldEndIndex: oldEnd,
    newEndIndex: newEnd,
    startPosition: pointAt(oldText, start),
    oldEndPosition: pointAt(oldText, oldEnd),
    newEndPosition: pointAt(newText, newEnd),
    delta: newEnd - oldEnd,
  };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** tree-sitter points: rows count "\n" only, columns are UTF-16 units when parsing JavaScript strings. */
function pointAt(text: string, index: number): Point {
  let row = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: index - lineStart };
}
