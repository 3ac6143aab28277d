// Turns a native HCL job file into HCL-JSON (`{"job": {"id": {...}}}`) with its variables applied,
// for clusters whose /v1/jobs/parse cannot take variable values (before Nomad 1.6). Only what can
// be evaluated exactly is: literals, lists and maps, `var.x` and `local.x`, string templates that
// interpolate those (runtime references like `${node.class}` or `${NOMAD_TASK_DIR}` are kept for
// Nomad, as its own parser does). Anything else (functions, operators, conditionals, `for`,
// `dynamic` blocks, template directives) stops the evaluation with a message saying where.
import type { Range, TextDocument } from 'vscode-languageserver-textdocument';
import type { Attribute, Block, Body, Expression, HclFile } from '../../hcl/ast';
import { isAttribute, isBlock } from '../../hcl/ast';

export class EvaluationError extends Error {
  override readonly name = 'EvaluationError';
  constructor(
    message: string,
    readonly range?: Range,
  ) {
    super(message);
  }
}

type Value = string | number | boolean | null | Value[] | { [key: string]: Value };

interface Declaration {
  name: string;
  type?: string;
  default?: Expression;
  block: Block;
}

const SCOPE_REFERENCE = /^(var|local)\.([\p{L}_][\p{L}\p{N}_-]*)$/u;
/** Interpolations Nomad leaves for the client to fill in at run time (node, attr, meta, env, NOMAD_*, ...). */
const RUNTIME_ROOT = /^[\p{L}_][\p{L}\p{N}_-]*(\.|\[|$)/u;

class Evaluator {
  private readonly variables = new Map<string, Value>();
  private readonly locals = new Map<string, Attribute>();
  private readonly localValues = new Map<string, Value>();
  private readonly evaluating = new Set<string>();

  constructor(
    private readonly document: TextDocument,
    file: HclFile,
    values: ReadonlyMap<string, { expression: Expression; document: TextDocument }>,
  ) {
    for (const declaration of declarations(file.body, document)) {
      const given = values.get(declaration.name);
      let value: Value;
      if (given) value = new Evaluator(given.document, { body: { items: [], hasError: false }, references: [], syntaxErrors: [] }, new Map()).constant(given.expression);
      else if (declaration.default) value = this.constant(declaration.default);
      else throw new EvaluationError(`Variable "${declaration.name}" has no value: it has no default and no variable file or NOMAD_VAR_${declaration.name} sets it.`, declaration.block.typeSpan.range);
      this.variables.set(declaration.name, convert(value, declaration.type));
    }
    for (const block of file.body.items.filter(isBlock).filter((b) => b.type === 'locals')) {
      for (const attribute of block.body.items.filter(isAttribute)) this.locals.set(attribute.name, attribute);
    }
  }

  /** A value that may not refer to anything (variable files, defaults). */
  constant(expression: Expression): Value {
    return this.evaluate(expression, false);
  }

  evaluate(expression: Expression, references = true): Value {
    switch (expression.kind) {
      case 'literal':
        return expression.value;
      case 'tuple':
        return expression.items.map((item) => this.evaluate(item, references));
      case 'object': {
        const result: { [key: string]: Value } = {};
        for (const entry of expression.entries) {
          if (entry.key === undefined) throw this.unsupported(entry.keySpan, 'a computed object key');
          result[entry.key] = entry.value ? this.evaluate(entry.value, references) : null;
        }
        return result;
      }
      case 'reference': {
        if (!references) throw this.unsupported(expression, 'a reference in a constant value');
        return this.reference(this.source(expression), expression);
      }
      case 'template':
        return this.template(expression, references);
      case 'call':
        throw this.unsupported(expression, `the function ${expression.name}()`);
      case 'other':
        throw this.unsupported(expression, 'an expression (operator, condition, index or for)');
    }
  }

  body(body: Body): Record<string, Value> {
    const result: Record<string, Value> = {};
    for (const item of body.items) {
      if (isAttribute(item)) {
        result[item.name] = item.value ? this.evaluate(item.value) : null;
        continue;
      }
      if (item.type === 'dynamic') throw this.unsupported(item.typeSpan, 'a dynamic block');
      let entry: Value = this.body(item.body);
      for (const label of [...item.labels].reverse()) entry = { [label.value]: entry };
      const list = (result[item.type] as Value[] | undefined) ?? [];
      list.push(entry);
      result[item.type] = list;
    }
    return result;
  }

  private reference(text: string, where: { range: Range }): Value {
    const match = SCOPE_REFERENCE.exec(text);
    if (!match) throw this.unsupported(where, `"${text}"`);
    const [, scope, name] = match;
    if (scope === 'var') {
      if (!this.variables.has(name)) throw new EvaluationError(`"${text}" refers to a variable the file does not declare.`, where.range);
      return this.variables.get(name) as Value;
    }
    if (this.localValues.has(name)) return this.localValues.get(name) as Value;
    const local = this.locals.get(name);
    if (!local?.value) throw new EvaluationError(`"${text}" refers to a local the file does not define.`, where.range);
    if (this.evaluating.has(name)) throw new EvaluationError(`local.${name} refers to itself.`, local.range);
    this.evaluating.add(name);
    const value = this.evaluate(local.value);
    this.evaluating.delete(name);
    this.localValues.set(name, value);
    return value;
  }

  /** Templates are read from their text: literal parts unescaped, each `${...}` evaluated or kept for Nomad. */
  private template(expression: Expression, references: boolean): Value {
    const raw = this.source(expression);
    if (!raw.startsWith('"')) throw this.unsupported(expression, 'a heredoc with interpolation');
    const body = raw.slice(1, raw.endsWith('"') ? -1 : undefined);
    let out = '';
    let i = 0;
    while (i < body.length) {
      if (body.startsWith('$${', i) || body.startsWith('%%{', i)) {
        out += `${body[i]}{`;
        i += 3;
      } else if (body.startsWith('%{', i)) {
        throw this.unsupported(expression, 'a template directive (%{ ... })');
      } else if (body.startsWith('${', i)) {
        const close = matchingBrace(body, i + 2);
        if (close < 0) throw this.unsupported(expression, 'an unterminated interpolation');
        const inner = body.slice(i + 2, close).replace(/^~|~$/g, '').trim();
        if (SCOPE_REFERENCE.test(inner)) {
          if (!references) throw this.unsupported(expression, 'a reference in a constant value');
          const value = this.reference(inner, expression);
          if (value !== null && typeof value === 'object') throw new EvaluationError(`"${inner}" is a list or map and cannot be put into a string.`, expression.range);
          out += value === null ? '' : String(value);
        } else if (RUNTIME_ROOT.test(inner) && !/^(var|local)\b/.test(inner) && !/[()+*/?:<>=!&|-]\s/.test(inner)) {
          out += `\${${inner}}`;
        } else {
          throw this.unsupported(expression, `the interpolation "\${${inner}}"`);
        }
        i = close + 1;
      } else if (body[i] === '\\') {
        out += unescape(body[i + 1]);
        i += 2;
      } else {
        out += body[i];
        i++;
      }
    }
    return out;
  }

  private source(span: { start: number; end: number }): string {
    return this.document.getText().slice(span.start, span.end);
  }

  private unsupported(where: { range: Range }, what: string): EvaluationError {
    return new EvaluationError(`${what} at line ${where.range.start.line + 1} cannot be evaluated by the extension`, where.range);
  }
}

function matchingBrace(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function unescape(c: string | undefined): string {
  switch (c) {
    case 'n':
      return '\n';
    case 't':
      return '\t';
    case 'r':
      return '\r';
    default:
      return c ?? '';
  }
}

function declarations(body: Body, document: TextDocument): Declaration[] {
  const result: Declaration[] = [];
  for (const block of body.items.filter(isBlock)) {
    if (block.type === 'variable' && block.labels[0]) {
      const attributes = new Map(block.body.items.filter(isAttribute).map((a) => [a.name, a]));
      const type = attributes.get('type')?.value;
      result.push({
        name: block.labels[0].value,
        type: type ? document.getText().slice(type.start, type.end).replace(/\s+/g, '') : undefined,
        default: attributes.get('default')?.value,
        block,
      });
    } else if (block.type === 'variables') {
      for (const attribute of block.body.items.filter(isAttribute)) result.push({ name: attribute.name, default: attribute.value, block });
    }
  }
  return result;
}

/** Values from NOMAD_VAR_x and typed input arrive as strings; the declared type says what they are. */
function convert(value: Value, type: string | undefined): Value {
  if (typeof value !== 'string') return value;
  if (type === 'number' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  if (type === 'bool' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

/**
 * The job of `file` as HCL-JSON, with `values` (the attributes of the variables text: files,
 * NOMAD_VAR_*, typed values) applied over the declared defaults. Throws EvaluationError.
 */
export function evaluateJob(
  document: TextDocument,
  file: HclFile,
  values: ReadonlyMap<string, { expression: Expression; document: TextDocument }>,
): { job: Record<string, Value> } {
  if (file.syntaxErrors.length) throw new EvaluationError(`The file has syntax errors: ${file.syntaxErrors[0].message}`, file.syntaxErrors[0].range);
  const jobs = file.body.items.filter(isBlock).filter((block) => block.type === 'job');
  if (jobs.length !== 1 || !jobs[0].labels[0]) throw new EvaluationError('A job file holds exactly one labeled job block.');
  const evaluator = new Evaluator(document, file, values);
  return { job: { [jobs[0].labels[0].value]: evaluator.body(jobs[0].body) } };
}
