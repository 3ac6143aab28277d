// A small HCL2 reader for the fake's POST /v1/jobs/parse. Supported subset:
// blocks with string labels, `name = value` arguments, strings (with \n \t \"
// \\ escapes; `${var.x}` is substituted, other `${...}` kept verbatim the way
// Nomad keeps runtime interpolation), <<EOF / <<-EOF heredocs, numbers,
// true/false/null, lists, objects, `var.x` references, # // /* */ comments.
// No functions, operators, locals or dynamic blocks. Errors use HCL's
// "input.hcl:L,C-C: Summary; Detail." form for the first problem found.

export interface Range {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

export type Expr =
  | { kind: 'literal'; value: string | number | boolean | null; range: Range }
  | { kind: 'template'; text: string; range: Range }
  | { kind: 'list'; items: Expr[]; range: Range }
  | { kind: 'object'; entries: Array<[string, Expr]>; range: Range }
  | { kind: 'ref'; path: string[]; range: Range };

export interface Block {
  type: string;
  labels: string[];
  body: Body;
  range: Range;
}

export interface Body {
  attributes: Array<{ name: string; value: Expr; range: Range }>;
  blocks: Block[];
}

export class HclError extends Error {}

type TokenType = 'ident' | 'string' | 'heredoc' | 'number' | 'punct' | 'newline' | 'eof';
interface Token {
  type: TokenType;
  text: string;
  range: Range;
}

function formatRange(r: Range): string {
  return r.line === r.endLine ? `${r.line},${r.col}-${r.endCol}` : `${r.line},${r.col}-${r.endLine},${r.endCol}`;
}

export function hclError(range: Range, summary: string, detail: string): HclError {
  return new HclError(`input.hcl:${formatRange(range)}: ${summary}; ${detail}`);
}

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let col = 1;
  const advance = (n: number): void => {
    for (let k = 0; k < n; k++, i++) {
      if (src[i] === '\n') {
        line++;
        col = 1;
      } else col++;
    }
  };
  const push = (type: TokenType, text: string, start: { line: number; col: number }): void => {
    tokens.push({ type, text, range: { line: start.line, col: start.col, endLine: line, endCol: col } });
  };
  while (i < src.length) {
    const start = { line, col };
    const rest = src.slice(i);
    const c = src[i];
    if (c === '\n') {
      advance(1);
      push('newline', '\n', start);
    } else if (/\s/.test(c)) advance(1);
    else if (c === '#' || rest.startsWith('//')) advance(rest.search(/\n|$/));
    else if (rest.startsWith('/*')) {
      const end = rest.indexOf('*/');
      advance(end < 0 ? rest.length : end + 2);
    } else if (rest.startsWith('<<')) {
      const head = /^<<(-?)([A-Za-z_][A-Za-z0-9_]*)\n/.exec(rest);
      if (!head) throw hclError({ ...start, endLine: line, endCol: col + 2 }, 'Invalid expression', 'Expected the start of an expression, but found an invalid expression token.');
      const body = rest.slice(head[0].length);
      const close = new RegExp(`^[ \\t]*${head[2]}[ \\t]*$`, 'm').exec(body);
      if (!close) throw hclError({ ...start, endLine: line, endCol: col + head[0].length - 1 }, 'Unterminated template string', 'No closing marker was found for the string.');
      let text = body.slice(0, close.index);
      if (head[1] === '-') {
        const lines = text.split('\n');
        const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length));
        text = lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join('\n');
      }
      advance(head[0].length + close.index + close[0].length);
      push('heredoc', text, start);
    } else if (c === '"') {
      let j = 1;
      let text = '';
      while (j < rest.length && rest[j] !== '"' && rest[j] !== '\n') {
        if (rest[j] === '\\') {
          const esc: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' };
          text += esc[rest[j + 1]] ?? rest[j + 1];
          j += 2;
        } else text += rest[j++];
      }
      if (rest[j] !== '"') {
        throw hclError({ ...start, endLine: line, endCol: col + 1 }, 'Unterminated template string', 'No closing marker was found for the string.');
      }
      advance(j + 1);
      push('string', text, start);
    } else if (/[0-9]/.test(c)) {
      const m = /^\d+(\.\d+)?([eE][+-]?\d+)?/.exec(rest)!;
      advance(m[0].length);
      push('number', m[0], start);
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(rest)!;
      advance(m[0].length);
      push('ident', m[0], start);
    } else if ('{}[]=,.:'.includes(c)) {
      advance(1);
      push('punct', c, start);
    } else {
      throw hclError({ ...start, endLine: line, endCol: col + 1 }, 'Invalid character', 'This character is not used within the language.');
    }
  }
  tokens.push({ type: 'eof', text: '', range: { line, col, endLine: line, endCol: col } });
  return tokens;
}

/** Parses HCL source. `hclV1` mimics the v1 parser's refusal of bare identifiers as values. */
export function parseHcl(src: string, hclV1 = false): Body {
  const tokens = tokenize(src);
  let pos = 0;
  const peek = (): Token => tokens[pos];
  const next = (): Token => tokens[pos++];
  const isPunct = (t: Token, p: string): boolean => t.type === 'punct' && t.text === p;
  const skipNewlines = (): void => {
    while (peek().type === 'newline') pos++;
  };
  const span = (a: Range, b: Range): Range => ({ line: a.line, col: a.col, endLine: b.endLine, endCol: b.endCol });

  const expression = (): Expr => {
    const t = next();
    if (t.type === 'string' || t.type === 'heredoc') return { kind: 'template', text: t.text, range: t.range };
    if (t.type === 'number') return { kind: 'literal', value: Number(t.text), range: t.range };
    if (t.type === 'ident') {
      if (t.text === 'true' || t.text === 'false') return { kind: 'literal', value: t.text === 'true', range: t.range };
      if (hclV1) throw new HclError(`error parsing: At ${t.range.line}:${t.range.col}: Unknown token: ${t.range.line}:${t.range.col} IDENT ${t.text}`);
      if (t.text === 'null') return { kind: 'literal', value: null, range: t.range };
      const path = [t.text];
      let end = t.range;
      while (isPunct(peek(), '.') && tokens[pos + 1].type === 'ident') {
        pos++;
        const part = next();
        path.push(part.text);
        end = part.range;
      }
      return { kind: 'ref', path, range: span(t.range, end) };
    }
    if (isPunct(t, '[')) {
      const items: Expr[] = [];
      skipNewlines();
      while (!isPunct(peek(), ']')) {
        items.push(expression());
        skipNewlines();
        if (isPunct(peek(), ',')) {
          pos++;
          skipNewlines();
        } else if (!isPunct(peek(), ']')) {
          throw hclError(peek().range, 'Missing item separator', 'Expected a comma to mark the beginning of the next item.');
        }
      }
      return { kind: 'list', items, range: span(t.range, next().range) };
    }
    if (isPunct(t, '{')) {
      const entries: Array<[string, Expr]> = [];
      skipNewlines();
      while (!isPunct(peek(), '}')) {
        const key = next();
        if (key.type !== 'ident' && key.type !== 'string') {
          throw hclError(key.range, 'Invalid object key', 'A key must be a name or a quoted string.');
        }
        const eq = next();
        if (!isPunct(eq, '=') && !isPunct(eq, ':')) {
          throw hclError(eq.range, 'Missing key/value separator', 'Expected an equals sign ("=") to mark the beginning of the attribute value.');
        }
        entries.push([key.text, expression()]);
        if (isPunct(peek(), ',')) {
          pos++;
        } else if (peek().type !== 'newline' && !isPunct(peek(), '}')) {
          throw hclError(peek().range, 'Missing attribute separator', 'Expected a newline or comma to mark the beginning of the next attribute.');
        }
        skipNewlines();
      }
      return { kind: 'object', entries, range: span(t.range, next().range) };
    }
    throw hclError(t.range, 'Invalid expression', 'Expected the start of an expression, but found an invalid expression token.');
  };

  const body = (closing: Token | undefined): Body => {
    const out: Body = { attributes: [], blocks: [] };
    for (;;) {
      skipNewlines();
      const t = peek();
      if (t.type === 'eof') {
        if (closing) {
          throw hclError(closing.range, 'Unclosed configuration block', 'There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.');
        }
        return out;
      }
      if (isPunct(t, '}')) {
        if (!closing) throw hclError(t.range, 'Argument or block definition required', 'An argument or block definition is required here.');
        pos++;
        return out;
      }
      if (t.type !== 'ident') throw hclError(t.range, 'Argument or block definition required', 'An argument or block definition is required here.');
      pos++;
      if (isPunct(peek(), '=')) {
        pos++;
        const value = expression();
        const after = peek();
        if (after.type !== 'newline' && after.type !== 'eof' && !isPunct(after, '}')) {
          throw hclError(after.range, 'Missing newline after argument', 'An argument definition must end with a newline.');
        }
        out.attributes.push({ name: t.text, value, range: span(t.range, value.range) });
        continue;
      }
      const labels: string[] = [];
      while (peek().type === 'string' || peek().type === 'ident') labels.push(next().text);
      const open = next();
      if (!isPunct(open, '{')) {
        throw hclError(open.range, 'Invalid block definition', 'Either a quoted string block label or an opening brace ("{") is expected here.');
      }
      out.blocks.push({ type: t.text, labels, body: body(open), range: t.range });
    }
  };
  return body(undefined);
}
