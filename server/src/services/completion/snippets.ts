// Snippet text for inserting attributes and blocks: `name = "${1}"`, `group "${1:name}" {}`,
// with the placeholder shaped by the field's type, enum or default.
import type { PropertySchema, SchemaModel, ValueSchema } from '../../schema/schemaModel';

const DURATION_UNITS: readonly [string, number][] = [
  ['h', 3600e9],
  ['m', 60e9],
  ['s', 1e9],
  ['ms', 1e6],
  ['us', 1e3],
  ['ns', 1],
];

/** Nanoseconds as Go writes them in the shortest exact form: 90e9 -> "1m30s". */
export function formatDuration(nanoseconds: number): string {
  if (nanoseconds === 0) return '0s';
  let rest = Math.abs(nanoseconds);
  let text = nanoseconds < 0 ? '-' : '';
  for (const [unit, size] of DURATION_UNITS) {
    const count = Math.floor(rest / size);
    if (count > 0) {
      text += `${count}${unit}`;
      rest -= count * size;
    }
  }
  return text;
}

/** Escapes text for a snippet placeholder or choice. */
function escapeSnippet(text: string, alsoChoice = false): string {
  return text.replace(alsoChoice ? /[\\$}|,]/g : /[\\$}]/g, (c) => `\\${c}`);
}

export function stringEnum(value: ValueSchema): string[] {
  return (value.enumValues ?? []).filter((v): v is string => typeof v === 'string' && v !== '');
}

/** Values to offer for a field beyond its schema enum (a task's `driver`: the built-in drivers). */
export type ExtraChoices = (property: PropertySchema) => readonly string[] | undefined;

/** A task's driver is a free string in the schema; its snippet offers the built-in drivers. */
export function builtInDriverChoices(model: SchemaModel): ExtraChoices {
  const drivers = model.driverNames();
  return (property) => (property.apiName === 'Driver' && property.hclName === 'driver' ? drivers : undefined);
}

/** The placeholder for a labeled block's label: named after the field it fills (`id` for a job), else `name`. */
export function labelPlaceholder(property: PropertySchema, stop: number): string {
  return `\${${stop}:${escapeSnippet(property.labelFields[0]?.toLowerCase() ?? 'name')}}`;
}

/** The value part of `name = <value>`, as a snippet with its cursor stops numbered from `first`. */
export function valueSnippet(property: PropertySchema, first = 1, extraChoices?: ExtraChoices): string {
  const options = [...stringEnum(property), ...(extraChoices?.(property) ?? [])];
  const fallback = property.defaultValue;
  if (options.length) {
    const ordered = typeof fallback === 'string' && options.includes(fallback) ? [fallback, ...options.filter((o) => o !== fallback)] : options;
    return `"\${${first}|${ordered.map((o) => escapeSnippet(o, true)).join(',')}|}"`;
  }
  if (property.duration) {
    const shown = typeof fallback === 'number' ? formatDuration(fallback) : typeof fallback === 'string' ? fallback : '30s';
    return `"\${${first}:${escapeSnippet(shown)}}"`;
  }
  const types = property.types;
  if (types.includes('boolean')) return fallback === true ? `\${${first}|true,false|}` : `\${${first}|false,true|}`;
  if (types.includes('number') || types.includes('integer')) {
    return typeof fallback === 'number' ? `\${${first}:${fallback}}` : `\${${first}}`;
  }
  if (types.includes('array')) return property.items?.types.includes('string') ? `["\${${first}}"]` : `[\${${first}}]`;
  if (types.includes('object')) return `{\n\t\${${first}}\n}`;
  if (types.includes('string')) {
    return typeof fallback === 'string' && fallback !== '' ? `"\${${first}:${escapeSnippet(fallback)}}"` : `"\${${first}}"`;
  }
  return `\${${first}}`;
}

export function attributeSnippet(name: string, property: PropertySchema, extraChoices?: ExtraChoices): string {
  return `${name} = ${valueSnippet(property, 1, extraChoices)}`;
}

/**
 * A block with its label placeholder, and required attributes already in it
 * (a `task` arrives with its `driver` line), then the final cursor inside.
 */
export function blockSnippet(name: string, property: PropertySchema, extraChoices?: ExtraChoices): string {
  let stop = 1;
  let header = name;
  if (property.kind === 'labeledBlocks' || property.kind === 'mapBlocks') header += ` "${labelPlaceholder(property, stop++)}"`;
  const required = (property.body?.properties ?? []).filter(
    (p) => p.required && p.kind === 'attribute' && p.hclName !== undefined && !p.readOnly && !property.labelFields.includes(p.key),
  );
  const lines = required.map((p) => `\t${p.hclName} = ${valueSnippet(p, stop++, extraChoices)}`);
  return `${header} {\n${lines.length ? lines.join('\n') + '\n' : ''}\t$0\n}`;
}
