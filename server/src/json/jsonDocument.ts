// Parses JSON job files with positions (jsonc-parser), strictly: Nomad reads
// plain JSON, so comments and trailing commas are reported as errors.
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Span, SyntaxProblem } from '../hcl/ast';

export interface JsonDocument {
  readonly root: Node | undefined;
  readonly syntaxErrors: readonly SyntaxProblem[];
}

const MESSAGES: Record<string, string> = {
  InvalidSymbol: 'Unexpected character',
  InvalidNumberFormat: 'Malformed number',
  PropertyNameExpected: 'Expected a property name in double quotes',
  ValueExpected: 'Expected a value',
  ColonExpected: 'Expected ":"',
  CommaExpected: 'Expected ","',
  CloseBraceExpected: 'Expected "}"',
  CloseBracketExpected: 'Expected "]"',
  EndOfFileExpected: 'Unexpected text after the end of the JSON value',
  InvalidCommentToken: 'Comments are not allowed in JSON job files',
  UnexpectedEndOfComment: 'Unterminated comment',
  UnexpectedEndOfString: 'Unterminated string',
  UnexpectedEndOfNumber: 'Unterminated number',
  InvalidUnicode: 'Invalid unicode escape',
  InvalidEscapeCharacter: 'Invalid escape character',
  InvalidCharacter: 'Invalid character in string',
};

/** Far deeper than any job; jsonc-parser recurses per level, so deeper input could exhaust the stack. */
export const MAX_JSON_DEPTH = 256;

export function parseJsonDocument(document: TextDocument): JsonDocument {
  const text = document.getText();
  const tooDeep = offsetBeyondDepth(text, MAX_JSON_DEPTH);
  if (tooDeep !== undefined) {
    return { root: undefined, syntaxErrors: [{ ...spanOf(document, tooDeep, tooDeep + 1), message: `Nested more than ${MAX_JSON_DEPTH} levels deep` }] };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const syntaxErrors = errors.slice(0, 100).map((error) => ({
    ...spanOf(document, error.offset, error.offset + Math.max(1, error.length)),
    message: MESSAGES[printParseErrorCode(error.error)] ?? 'Invalid JSON',
  }));
  return { root, syntaxErrors };
}

export function spanOf(document: TextDocument, start: number, end: number): Span {
  const length = document.getText().length;
  const clampedEnd = Math.min(end, length);
  const clampedStart = Math.min(start, clampedEnd);
  return { start: clampedStart, end: clampedEnd, range: { start: document.positionAt(clampedStart), end: document.positionAt(clampedEnd) } };
}

export function nodeSpan(document: TextDocument, node: Node): Span {
  return spanOf(document, node.offset, node.offset + node.length);
}

/** null, 0, false, "", [] or {}: what Go writes for a field nobody set. */
export function isEmptyJsonValue(node: Node | undefined): boolean {
  if (!node) return true;
  if (node.type === 'array' || node.type === 'object') return (node.children ?? []).length === 0;
  return node.value === null || node.value === 0 || node.value === false || node.value === '';
}

/** Where brackets first nest deeper than `limit` (strings skipped), or undefined. */
function offsetBeyondDepth(text: string, limit: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) {
      inString = true;
    } else if (ch === 0x7b || ch === 0x5b) {
      if (++depth > limit) return i;
    } else if (ch === 0x7d || ch === 0x5d) {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}
