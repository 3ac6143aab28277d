// HCL2 input variables of a job file: which are declared, which already have
// a value (from variable files or NOMAD_VAR_* like the Nomad CLI), and the
// single `Variables` text the cluster's parse endpoint takes, with a map back
// to where each of its lines came from so errors can point at the right file.
import { attributesOf, lineOf, readOutline, stringValue, valueText } from '../../../../common/src/hcl/outline';

export interface VariableDeclaration {
  name: string;
  /** Declared with a default value (or inside a `variables {}` block): never required. */
  hasDefault: boolean;
  /** The type expression as written (`string`, `list(string)`), when given. */
  type?: string;
  description?: string;
  /** Zero-based line of the declaration. */
  line: number;
}

export function findVariableDeclarations(text: string): VariableDeclaration[] {
  const declarations: VariableDeclaration[] = [];
  for (const item of readOutline(text).items) {
    if (item.kind !== 'block') continue;
    if (item.type === 'variable' && item.labels.length === 1) {
      const attributes = attributesOf(item);
      const type = attributes.get('type');
      const description = attributes.get('description');
      declarations.push({
        name: item.labels[0].value,
        hasDefault: attributes.has('default'),
        type: type && valueText(text, type),
        description: description && (stringValue(text, description) ?? valueText(text, description)),
        line: lineOf(text, item.start),
      });
    } else if (item.type === 'variables') {
      for (const [name, attribute] of attributesOf(item)) {
        declarations.push({ name, hasDefault: true, line: lineOf(text, attribute.start) });
      }
    }
  }
  return declarations;
}

/** A source of variable values: a variable file, or values typed in / taken from the environment. */
export interface VariableSource {
  /** A file path, or a short description such as `NOMAD_VAR_region`. */
  origin: string;
  text: string;
}

export interface Assignment {
  name: string;
  /** `name = expression`, exactly as written in its source. */
  text: string;
  origin: string;
  /** Zero-based line of the assignment in its source. */
  line: number;
}

export function assignmentsIn(source: VariableSource): Assignment[] {
  return readOutline(source.text).items.flatMap((item) =>
    item.kind === 'attribute'
      ? [{ name: item.name, text: source.text.slice(item.start, item.end), origin: source.origin, line: lineOf(source.text, item.start) }]
      : [],
  );
}

/** A value typed by the user or read from the environment, written as an HCL assignment. */
export function assignmentFromInput(declaration: VariableDeclaration, value: string, origin: string): VariableSource {
  return { origin, text: `${declaration.name} = ${hclValue(declaration, value)}\n` };
}

/**
 * Like the Nomad CLI: values of untyped, string and number variables are literal strings (quoted here, with
 * template markers escaped); values of other types are HCL expressions such as `["a", "b"]`.
 */
export function hclValue(declaration: VariableDeclaration, value: string): string {
  const type = declaration.type?.replace(/\s/g, '');
  if (type !== undefined && type !== 'string' && type !== 'number') return value;
  return JSON.stringify(value).replace(/([$%])\{/g, (_m, sigil: string) => `${sigil}${sigil}{`);
}

export interface VariablesContent {
  text: string;
  /** For each line of `text`, where it came from. */
  origins: { origin: string; line: number }[];
}

/** Merges assignments; a later source overrides an earlier one for the same name (the cluster refuses duplicates). */
export function mergeVariables(sources: VariableSource[]): VariablesContent {
  const byName = new Map<string, Assignment>();
  for (const source of sources) for (const assignment of assignmentsIn(source)) byName.set(assignment.name, assignment);
  const lines: string[] = [];
  const origins: VariablesContent['origins'] = [];
  for (const assignment of byName.values()) {
    assignment.text.split('\n').forEach((line, offset) => {
      lines.push(line);
      origins.push({ origin: assignment.origin, line: assignment.line + offset });
    });
  }
  return { text: lines.length ? lines.join('\n') + '\n' : '', origins };
}

/** Values from `NOMAD_VAR_<name>` for declared variables, as the Nomad CLI reads them. */
export function environmentValues(declarations: VariableDeclaration[], env: NodeJS.ProcessEnv): VariableSource[] {
  return declarations.flatMap((declaration) => {
    const value = env[`NOMAD_VAR_${declaration.name}`];
    return value === undefined ? [] : [assignmentFromInput(declaration, value, `NOMAD_VAR_${declaration.name}`)];
  });
}

/** Declared variables with neither a default nor a value from any source: the user must provide them. */
export function missingVariables(declarations: VariableDeclaration[], sources: VariableSource[]): VariableDeclaration[] {
  const assigned = new Set(sources.flatMap((source) => assignmentsIn(source).map((a) => a.name)));
  return declarations.filter((declaration) => !declaration.hasDefault && !assigned.has(declaration.name));
}
