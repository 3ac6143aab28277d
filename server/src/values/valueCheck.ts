// Decides whether a written value can certainly not have the type the schema
// wants, following HCL's own conversions (a number is accepted where a string
// is wanted, "10" where a number is, "true" where a bool is). Anything that
// needs evaluation (references, calls, templates, operators) is never wrong
// here: zero false positives beats catching everything.
import type { Expression, Span } from '../hcl/ast';
import type { JsonType } from '../schema/jsonSchema';
import type { ValueSchema } from '../schema/schemaModel';

export interface ValueProblem {
  readonly span: Span;
  readonly message: string;
}

const TYPE_NAMES: Record<JsonType, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a map or object',
  null: 'null',
};

/** Problems with `value` against `schema`; `what` names the attribute in messages. */
export function checkValue(value: Expression, schema: ValueSchema, what: string): ValueProblem[] {
  const problems: ValueProblem[] = [];
  check(value, schema, what, problems);
  return problems;
}

function check(value: Expression, schema: ValueSchema, what: string, problems: ValueProblem[]): void {
  if (schema.types.length === 0) return;
  if (value.kind === 'literal' && value.value === null) return; // null means "unset"
  if (value.kind !== 'literal' && value.kind !== 'tuple' && value.kind !== 'object') return;
  // A loop rather than filter(): this runs for every attribute of every job, and allocating adds up.
  let acceptedAny = false;
  let acceptedArray = false;
  let acceptedObject = false;
  for (const type of schema.types) {
    if (!accepts(type, value, schema)) continue;
    acceptedAny = true;
    acceptedArray ||= type === 'array';
    acceptedObject ||= type === 'object';
  }
  if (!acceptedAny) {
    problems.push({ span: value, message: `${what} expects ${describeTypes(schema)}, not ${describeValue(value)}` });
    return;
  }
  if (value.kind === 'tuple' && schema.items && acceptedArray) {
    for (const item of value.items) check(item, schema.items, `Each item of ${what}`, problems);
  }
  if (value.kind === 'object' && schema.mapValues && acceptedObject) {
    for (const entry of value.entries) {
      if (entry.value) check(entry.value, schema.mapValues, `Each value of ${what}`, problems);
    }
  }
}

function accepts(type: JsonType, value: Expression, schema: ValueSchema): boolean {
  switch (value.kind) {
    case 'tuple':
      return type === 'array';
    case 'object':
      return type === 'object';
    case 'literal':
      return acceptsPrimitive(type, value.value as string | number | boolean, schema);
    default:
      return true;
  }
}

function acceptsPrimitive(type: JsonType, value: string | number | boolean, schema: ValueSchema): boolean {
  switch (type) {
    case 'string':
      return true; // numbers and bools convert to strings
    case 'number':
      return typeof value === 'number' || (typeof value === 'string' && isNumeric(value));
    case 'integer':
      if (typeof value === 'number') return Number.isInteger(value);
      // Durations are written as strings; their syntax is the duration check's business.
      if (typeof value === 'string') return schema.duration || (isNumeric(value) && Number.isInteger(Number(value)));
      return false;
    case 'boolean':
      return typeof value === 'boolean' || (typeof value === 'string' && ['true', 'false', '1', '0'].includes(value));
    default:
      return false;
  }
}

function isNumeric(text: string): boolean {
  return /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text.trim());
}

function describeTypes(schema: ValueSchema): string {
  if (schema.duration) return 'a duration such as "30s" or "1h30m"';
  const names = schema.types.map((type) => TYPE_NAMES[type]);
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

function describeValue(value: Expression): string {
  if (value.kind === 'tuple') return 'a list';
  if (value.kind === 'object') return 'a map or object';
  if (value.kind !== 'literal') return 'this value';
  if (typeof value.value === 'string') return `the string "${truncate(value.value)}"`;
  if (typeof value.value === 'number') return Number.isInteger(value.value) ? `the number ${value.value}` : `the fraction ${value.value}`;
  return `the bool ${String(value.value)}`;
}

export function truncate(text: string, length = 40): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}
