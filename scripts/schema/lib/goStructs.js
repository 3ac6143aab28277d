// @ts-check
'use strict';
// A small reader for Go type declarations, enough for Nomad's `api` package:
// `type X struct { ... }` with field tags, `type X = Y` and `type X Y`.
// It reads source text only; nothing is compiled or run.

/**
 * @typedef {{ptr: TypeExpr} | {slice: TypeExpr} | {map: TypeExpr, key: TypeExpr} | {name: string} | {any: true}} TypeExpr
 * @typedef {{name: string, type: TypeExpr, typeText: string, tags: Record<string, string>,
 *   readOnly: boolean, deprecated: boolean}} GoField
 * @typedef {{kind: 'struct', fields: GoField[]} | {kind: 'alias', target: TypeExpr}} GoType
 */

const SERVER_MARKER = /set by server/i;

/** Parse a Go type expression such as `map[string]*Foo` or `[]time.Duration`. */
function parseType(text) {
  const t = text.trim();
  if (t.startsWith('*')) return { ptr: parseType(t.slice(1)) };
  if (t.startsWith('[]')) return { slice: parseType(t.slice(2)) };
  const arr = /^\[\d+\](.*)$/.exec(t);
  if (arr) return { slice: parseType(arr[1]) };
  if (t.startsWith('map[')) {
    let depth = 0;
    for (let i = 3; i < t.length; i++) {
      if (t[i] === '[') depth++;
      else if (t[i] === ']' && --depth === 0) {
        return { key: parseType(t.slice(4, i)), map: parseType(t.slice(i + 1)) };
      }
    }
    throw new Error(`unbalanced map type: ${t}`);
  }
  if (t === 'any' || t === 'interface{}') return { any: true };
  return { name: t };
}

/** Parse a struct tag body (without backticks) into key -> value. */
function parseTags(raw) {
  /** @type {Record<string, string>} */
  const tags = {};
  const re = /(\w+):"((?:[^"\\]|\\.)*)"/g;
  let m;
  while ((m = re.exec(raw)) !== null) tags[m[1]] = m[2];
  return tags;
}

/** Count braces outside strings, runes and tags on one line. */
function braceDelta(line) {
  let delta = 0;
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\' && quote !== '`') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === '`' || c === "'") quote = c;
    else if (c === '/' && line[i + 1] === '/') break;
    else if (c === '{') delta++;
    else if (c === '}') delta--;
  }
  return delta;
}

const FIELD_RE = /^([A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)*)\s+(\S+)\s*(?:`([^`]*)`)?\s*(?:\/\/(.*))?$/;

/**
 * Parse the body lines of one struct.
 * @param {string[]} lines
 * @returns {GoField[]}
 */
function parseStructBody(lines) {
  /** @type {GoField[]} */
  const fields = [];
  let readOnly = false;
  let pendingDeprecated = false;
  let nestedDepth = 0;
  for (const rawLine of lines) {
    let line = rawLine.trim();
    if (nestedDepth > 0) {
      nestedDepth += braceDelta(line);
      continue;
    }
    if (line === '') {
      pendingDeprecated = false;
      continue;
    }
    if (line.startsWith('//')) {
      if (/\bDeprecated\b/.test(line)) pendingDeprecated = true;
      continue;
    }
    const block = /\/\*(.*?)\*\//.exec(line);
    if (block) {
      if (SERVER_MARKER.test(block[1])) readOnly = true;
      line = line.replace(block[0], '').trim();
      if (line === '') continue;
    }
    if (braceDelta(line) > 0) {
      // an anonymous nested struct; the api package does not use them on the job tree
      nestedDepth = braceDelta(line);
      continue;
    }
    const m = FIELD_RE.exec(line);
    if (!m) continue; // embedded field (e.g. `WriteRequest`) or something we do not model
    const tags = parseTags(m[3] || '');
    const trailingDeprecated = /\bDeprecated\b/.test(m[4] || '');
    for (const name of m[1].split(',').map((s) => s.trim())) {
      if (!/^[A-Z]/.test(name)) continue; // unexported: never in JSON
      fields.push({
        name,
        type: parseType(m[2]),
        typeText: m[2],
        tags,
        readOnly,
        deprecated: pendingDeprecated || trailingDeprecated,
      });
    }
    pendingDeprecated = false;
  }
  return fields;
}

/**
 * Collect every type declaration of a set of Go source files.
 * @param {string[]} sources
 * @returns {Map<string, GoType>}
 */
function parseGoTypes(sources) {
  /** @type {Map<string, GoType>} */
  const types = new Map();
  for (const src of sources) {
    const lines = src.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      const struct = /^type\s+([A-Za-z_]\w*)\s+struct\s*\{(.*)$/.exec(line);
      if (struct) {
        if (/^\s*\}\s*$/.test(struct[2])) {
          types.set(struct[1], { kind: 'struct', fields: [] });
          continue;
        }
        let depth = 1;
        const body = [];
        for (i++; i < lines.length; i++) {
          depth += braceDelta(lines[i]);
          if (depth <= 0) break;
          body.push(lines[i]);
        }
        types.set(struct[1], { kind: 'struct', fields: parseStructBody(body) });
        continue;
      }
      const alias = /^type\s+([A-Za-z_]\w*)\s*=?\s*([*\[\]\w.{}]+)\s*(?:\/\/.*)?$/.exec(line);
      if (alias && !/^(interface|func|chan)\b/.test(alias[2])) {
        types.set(alias[1], { kind: 'alias', target: parseType(alias[2]) });
      }
    }
  }
  return types;
}

module.exports = { parseGoTypes, parseType, parseTags };
