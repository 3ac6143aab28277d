// @ts-check
'use strict';
// Reads a task driver's `taskConfigSpec` (built with Nomad's hclspec helpers) from Go source text
// and returns a plain tree: attributes with HCL types, blocks with bodies, defaults.

/** @typedef {{kind: 'attr', name: string, hclType: string, required: boolean, default?: unknown}
 *   | {kind: 'blockAttrs', name: string, hclType: string, required: boolean}
 *   | {kind: 'block' | 'blocks', name: string, required: boolean, body: Record<string, SpecNode>, default?: unknown}} SpecNode */

/** Split Go source into identifiers (dotted), strings, numbers and punctuation; comments dropped. */
function tokenize(src) {
  const tokens = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) i++;
    else if (src.startsWith('//', i)) i = src.indexOf('\n', i) === -1 ? src.length : src.indexOf('\n', i);
    else if (src.startsWith('/*', i)) i = src.indexOf('*/', i) + 2;
    else if (c === '"') {
      let j = i + 1;
      while (src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      tokens.push({ t: 'str', v: JSON.parse(src.slice(i, j + 1)) });
      i = j + 1;
    } else if (c === '`') {
      const j = src.indexOf('`', i + 1);
      tokens.push({ t: 'str', v: src.slice(i + 1, j) });
      i = j + 1;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /** @type {RegExpExecArray} the class test above guarantees a match */ (/^[A-Za-z_][\w.]*/.exec(src.slice(i, i + 200)));
      tokens.push({ t: 'id', v: m[0] });
      i += m[0].length;
    } else if (/[0-9]/.test(c)) {
      const m = /** @type {RegExpExecArray} */ (/^[0-9.]+/.exec(src.slice(i, i + 50)));
      tokens.push({ t: 'num', v: Number(m[0]) });
      i += m[0].length;
    } else {
      tokens.push({ t: 'p', v: c });
      i++;
    }
  }
  return tokens;
}

/** Parse the Go expression assigned to `varName` (e.g. `taskConfigSpec = hclspec.NewObject(...)`). */
function parseAssignedExpr(tokens, varName) {
  for (let i = 0; i + 2 < tokens.length; i++) {
    const a = tokens[i];
    const b = tokens[i + 1];
    if (a.t === 'id' && a.v === varName && b.t === 'p' && b.v === '=' && tokens[i + 2].v !== '=') {
      return new ExprParser(tokens, i + 2).expr();
    }
  }
  throw new Error(`no assignment to ${varName}`);
}

class ExprParser {
  constructor(tokens, pos) {
    this.tokens = tokens;
    this.pos = pos;
  }

  next() {
    return this.tokens[this.pos++];
  }

  expect(v) {
    const tok = this.next();
    if (tok.v !== v) throw new Error(`expected ${v}, found ${tok.v}`);
  }

  expr() {
    const tok = this.next();
    if (tok.t === 'str' || tok.t === 'num') return { lit: tok.v };
    if (tok.t !== 'id') throw new Error(`unexpected ${tok.v}`);
    if (tok.v === 'true' || tok.v === 'false') return { lit: tok.v === 'true' };
    if (tok.v === 'map') return this.mapLiteral();
    if (this.tokens[this.pos].v === '(') {
      this.next();
      const args = [];
      while (this.tokens[this.pos].v !== ')') {
        args.push(this.expr());
        if (this.tokens[this.pos].v === ',') this.next();
      }
      this.next();
      return { call: tok.v, args };
    }
    return { ref: tok.v };
  }

  mapLiteral() {
    while (this.next().v !== '{') { /* skip the map type */ }
    const entries = {};
    while (this.tokens[this.pos].v !== '}') {
      const key = this.next();
      this.expect(':');
      entries[key.v] = this.expr();
      if (this.tokens[this.pos].v === ',') this.next();
    }
    this.next();
    return { map: entries };
  }
}

/** HCL literal text such as `100000`, `"volume"` or `[]` as a JSON value, when it is one. */
function literalValue(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Turn parsed hclspec calls into SpecNodes, following variables defined elsewhere in the file.
 * A variable used twice (docker's `mount` and `mounts` share one body) yields the same object.
 */
function interpret(node, tokens, refs = new Map()) {
  if (node.ref) {
    if (!refs.has(node.ref)) refs.set(node.ref, interpret(parseAssignedExpr(tokens, node.ref), tokens, refs));
    return refs.get(node.ref);
  }
  const [a, b, c] = node.args ?? [];
  switch (node.call) {
    case 'hclspec.NewObject': {
      if (!a.map) throw new Error('NewObject without a map literal');
      const body = {};
      for (const [k, v] of Object.entries(a.map)) body[k] = interpret(v, tokens, refs);
      return { object: body };
    }
    case 'hclspec.NewAttr':
      return { kind: 'attr', name: a.lit, hclType: b.lit, required: c.lit === true };
    case 'hclspec.NewBlockAttrs':
      return { kind: 'blockAttrs', name: a.lit, hclType: b.lit, required: c.lit === true };
    case 'hclspec.NewBlock':
      return { kind: 'block', name: a.lit, required: b.lit === true, body: interpret(c, tokens, refs).object };
    case 'hclspec.NewBlockList':
    case 'hclspec.NewBlockSet':
      return { kind: 'blocks', name: a.lit, required: false, body: interpret(b, tokens, refs).object };
    case 'hclspec.NewDefault': {
      const spec = interpret(a, tokens, refs);
      const value = b.call === 'hclspec.NewLiteral' ? literalValue(b.args[0].lit) : undefined;
      return value === undefined ? spec : { ...spec, default: value };
    }
    default:
      throw new Error(`unsupported hclspec call ${node.call}`);
  }
}

/**
 * The task config spec of one driver source file.
 * @returns {Record<string, SpecNode>}
 */
function parseTaskConfigSpec(src) {
  const tokens = tokenize(src);
  const spec = interpret(parseAssignedExpr(tokens, 'taskConfigSpec'), tokens);
  if (!spec.object) throw new Error('taskConfigSpec is not an object spec');
  return spec.object;
}

module.exports = { parseTaskConfigSpec, tokenize };
