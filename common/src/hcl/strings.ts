// Turns the source text of HCL string literals and heredocs into their values.

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/**
 * Value of the text between the quotes of a literal string: backslash escapes,
 * and `$${` / `%%{`, which HCL uses to write a literal `${` / `%{`.
 */
export function unescapeQuoted(raw: string): string {
  if (!raw.includes('\\') && !raw.includes('$${') && !raw.includes('%%{')) return raw;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (ch === '\\' && i + 1 < raw.length) {
      const next = raw[i + 1];
      const simple = SIMPLE_ESCAPES[next];
      if (simple !== undefined) {
        out += simple;
        i++;
        continue;
      }
      const digits = next === 'u' ? 4 : next === 'U' ? 8 : 0;
      const hex = raw.slice(i + 2, i + 2 + digits);
      if (digits > 0 && /^[0-9a-fA-F]+$/.test(hex) && hex.length === digits) {
        const codePoint = parseInt(hex, 16);
        out += codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : '\ufffd';
        i += 1 + digits;
        continue;
      }
    }
    if ((ch === '$' || ch === '%') && raw[i + 1] === ch && raw[i + 2] === '{') {
      out += ch + '{';
      i += 2;
      continue;
    }
    out += ch;
  }
  return out;
}

/**
 * Value of a heredoc without interpolation: the lines between the marker
 * lines; `<<-` removes the indentation all non-blank lines share.
 */
export function heredocValue(source: string, indented: boolean): string {
  const firstNewline = source.indexOf('\n');
  const lastNewline = source.lastIndexOf('\n');
  if (firstNewline < 0 || lastNewline <= firstNewline) return '';
  const body = source.slice(firstNewline + 1, lastNewline + 1).replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
  if (!indented) return body;
  const lines = body.split('\n');
  let indent = Infinity;
  for (const line of lines) {
    if (line.trim() === '') continue;
    indent = Math.min(indent, line.length - line.trimStart().length);
  }
  if (!Number.isFinite(indent) || indent === 0) return body;
  return lines.map((line) => line.slice(Math.min(indent, line.length - line.trimStart().length))).join('\n');
}

/** `${` or `%{` not escaped as `$${` / `%%{`: the text of a string or heredoc is a template, not a literal. */
export function hasTemplateSyntax(source: string): boolean {
  return /(^|[^$%])[$%]\{/.test(source);
}
