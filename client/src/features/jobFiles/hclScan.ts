// A light scanner for the top of HCL files: it finds attributes and blocks at
// one nesting level and skips everything else (strings, templates, heredocs,
// comments, nested brackets) without building a full syntax tree. The client
// only needs this much to find `job` and `variable` blocks and to read
// variable files; the cluster does the real parsing.

export interface HclAttribute {
  kind: 'attribute';
  name: string;
  /** Offset of the attribute name. */
  start: number;
  /** Offset just after `=` and any blanks: where the expression text begins. */
  exprStart: number;
  /** Offset just after the expression (trailing blanks and comments excluded). */
  end: number;
}

export interface HclBlock {
  kind: 'block';
  type: string;
  labels: string[];
  /** Offset of the block type keyword. */
  start: number;
  /** Offset just after `{`. */
  bodyStart: number;
  /** Offset of the closing `}` (or the end of the scanned range if unclosed). */
  bodyEnd: number;
}

export type HclItem = HclAttribute | HclBlock;

const IDENT_START = /[A-Za-z_]/;
const IDENT_PART = /[A-Za-z0-9_-]/;

/** Lists the attributes and blocks directly inside `text[start, end)`. */
export function scanBody(text: string, start = 0, end = text.length): HclItem[] {
  const items: HclItem[] = [];
  let i = start;
  while (i < end) {
    i = skipBlanksAndComments(text, i, end, true);
    if (i >= end) break;
    if (!IDENT_START.test(text[i])) {
      i = skipToNextLine(text, i, end);
      continue;
    }
    const itemStart = i;
    const name = readIdentifier(text, i);
    i += name.length;
    i = skipBlanksAndComments(text, i, end, false);
    if (text[i] === '=' && text[i + 1] !== '=') {
      const exprStart = skipBlanksAndComments(text, i + 1, end, false);
      const exprEnd = skipExpression(text, exprStart, end);
      items.push({ kind: 'attribute', name, start: itemStart, exprStart, end: trimEnd(text, exprStart, exprEnd) });
      i = exprEnd;
      continue;
    }
    const labels: string[] = [];
    while (i < end && (text[i] === '"' || IDENT_START.test(text[i]))) {
      if (text[i] === '"') {
        const close = skipString(text, i, end);
        labels.push(unquote(text.slice(i, close)));
        i = close;
      } else {
        const label = readIdentifier(text, i);
        labels.push(label);
        i += label.length;
      }
      i = skipBlanksAndComments(text, i, end, false);
    }
    if (text[i] !== '{') {
      i = skipToNextLine(text, i, end);
      continue;
    }
    const close = skipBalanced(text, i, end);
    const bodyEnd = close <= end && text[close - 1] === '}' ? close - 1 : end;
    items.push({ kind: 'block', type: name, labels, start: itemStart, bodyStart: i + 1, bodyEnd });
    i = close;
  }
  return items;
}

/** The attributes of a body, by name (the last one wins, as a later assignment would). */
export function attributesOf(text: string, block: HclBlock): Map<string, HclAttribute> {
  const map = new Map<string, HclAttribute>();
  for (const item of scanBody(text, block.bodyStart, block.bodyEnd)) {
    if (item.kind === 'attribute') map.set(item.name, item);
  }
  return map;
}

export function expressionText(text: string, attribute: HclAttribute): string {
  return text.slice(attribute.exprStart, attribute.end);
}

/** Decodes a quoted HCL string literal (templates are kept as written). */
export function unquote(literal: string): string {
  const body = literal.startsWith('"') ? literal.slice(1, literal.endsWith('"') && literal.length > 1 ? -1 : undefined) : literal;
  return body.replace(/\\(["\\nrt])/g, (_m, c: string) => ({ n: '\n', r: '\r', t: '\t' })[c as 'n' | 'r' | 't'] ?? c);
}

/** Zero-based line of an offset. */
export function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function readIdentifier(text: string, i: number): string {
  let j = i + 1;
  while (j < text.length && IDENT_PART.test(text[j])) j++;
  return text.slice(i, j);
}

function skipToNextLine(text: string, i: number, end: number): number {
  const nl = text.indexOf('\n', i);
  return nl < 0 || nl >= end ? end : nl + 1;
}

/** Skips spaces, tabs, comments and (when `newlines`) line breaks. */
function skipBlanksAndComments(text: string, i: number, end: number, newlines: boolean): number {
  while (i < end) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\r' || (newlines && c === '\n')) i++;
    else if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      if (!newlines) return i;
      i = skipToNextLine(text, i, end);
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 || close + 2 > end ? end : close + 2;
    } else break;
  }
  return i;
}

/** An expression ends at a line break outside any brackets, or at `end`. */
function skipExpression(text: string, i: number, end: number): number {
  while (i < end) {
    const c = text[i];
    if (c === '\n') return i;
    if (c === '#' || (c === '/' && text[i + 1] === '/')) return i;
    i = skipToken(text, i, end);
  }
  return end;
}

/** Skips one unit: a string, heredoc, comment, bracketed group or single character. */
function skipToken(text: string, i: number, end: number): number {
  const c = text[i];
  if (c === '"') return skipString(text, i, end);
  if (c === '{' || c === '[' || c === '(') return skipBalanced(text, i, end);
  if (c === '<' && text[i + 1] === '<') return skipHeredoc(text, i, end);
  if (c === '/' && text[i + 1] === '*') {
    const close = text.indexOf('*/', i + 2);
    return close < 0 || close + 2 > end ? end : close + 2;
  }
  return i + 1;
}

/** From an opening bracket to just after its matching closing bracket. */
function skipBalanced(text: string, i: number, end: number): number {
  const closers: string[] = [];
  while (i < end) {
    const c = text[i];
    if (c === '{' || c === '[' || c === '(') {
      closers.push(c === '{' ? '}' : c === '[' ? ']' : ')');
      i++;
    } else if (c === '}' || c === ']' || c === ')') {
      closers.pop();
      i++;
      if (closers.length === 0) return i;
    } else if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      i = skipToNextLine(text, i, end);
    } else {
      i = skipToken(text, i, end);
    }
  }
  return end;
}

/** From `"` to just after the closing quote; template interpolations may nest strings. */
function skipString(text: string, i: number, end: number): number {
  i++;
  while (i < end) {
    const c = text[i];
    if (c === '\\') i += 2;
    else if (c === '"') return i + 1;
    else if (c === '\n') return i;
    else if ((c === '$' || c === '%') && text[i + 1] === c && text[i + 2] === '{') i += 3;
    else if ((c === '$' || c === '%') && text[i + 1] === '{') i = skipBalanced(text, i + 1, end);
    else i++;
  }
  return end;
}

/** `<<EOF` / `<<-EOF` through the line holding only the terminator. */
function skipHeredoc(text: string, i: number, end: number): number {
  const header = /^<<-?([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/.exec(text.slice(i, Math.min(end, i + 256)));
  if (!header) return i + 2;
  const marker = header[1];
  let lineStart = i + header[0].length;
  while (lineStart < end) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl < 0 || nl > end ? end : nl;
    if (text.slice(lineStart, lineEnd).trim() === marker) return lineEnd;
    lineStart = lineEnd + 1;
  }
  return end;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}
