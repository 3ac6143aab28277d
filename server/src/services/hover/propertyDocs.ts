// Markdown describing one jobspec field, shared by hover and completion details.
import type { PropertySchema, ValueSchema } from '../../schema/schemaModel';
import { formatDuration } from '../completion/snippets';

/** A short human type: `string`, `duration`, `list(string)`, `map(string)`, `block`, `labeled block`. */
export function describeType(property: PropertySchema): string {
  switch (property.kind) {
    case 'block':
      return 'block';
    case 'blocks':
      return 'repeatable block';
    case 'labeledBlocks':
    case 'mapBlocks':
      return 'labeled block';
    case 'mapAttribute':
      return 'map(string)';
    default:
      return describeValue(property);
  }
}

export function describeValue(value: ValueSchema): string {
  if (value.duration) return 'duration';
  const types = value.types.filter((t) => t !== 'null');
  if (types.includes('array')) return value.items ? `list(${describeValue(value.items)})` : 'list';
  if (types.includes('object')) return value.mapValues ? `map(${describeValue(value.mapValues)})` : 'object';
  if (types.length === 0) return 'any';
  return types.map((t) => (t === 'integer' ? 'number' : t)).filter((t, i, all) => all.indexOf(t) === i).join(' or ');
}

function literal(value: unknown): string {
  return '`' + (typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value))) + '`';
}

/** Default values worth showing: not empty strings, lists or objects. */
function meaningfulDefault(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  return typeof value !== 'object' || Object.keys(value).length > 0;
}

/** The facts lines under a field's description; `shownAs` is the name the reader sees (HCL or API). */
export function propertyFacts(property: PropertySchema, shownAs: string): string[] {
  const facts = [`Type: \`${describeType(property)}\``];
  if (property.required) facts.push('Required');
  const fallback = property.defaultValue;
  if (meaningfulDefault(fallback)) {
    // Duration defaults are stored as API nanoseconds; show them the way a jobspec writes them.
    facts.push(`Default: ${literal(property.duration && typeof fallback === 'number' ? formatDuration(fallback) : fallback)}`);
  }
  const allowed = (property.enumValues ?? []).filter((v) => v !== '' && v !== null);
  if (allowed.length) facts.push(`Allowed: ${allowed.map(literal).join(', ')}`);
  if (property.duration) facts.push('Written as a duration string such as `"30s"` or `"1h30m"`');
  if (shownAs === property.apiName && property.hclName && property.hclName !== shownAs) facts.push(`In HCL: \`${property.hclName}\``);
  else if (property.apiName && property.apiName !== shownAs) facts.push(`API field: \`${property.apiName}\``);
  if (property.since && property.since !== '1.0.0') facts.push(`Since Nomad ${property.since}`);
  return facts;
}

/** Full markdown: title, description, deprecation and facts. */
export function propertyMarkdown(property: PropertySchema, name = property.hclName ?? property.key): string {
  const parts = [`**${name}** (${describeType(property)})`];
  if (property.deprecated) parts.push(`**Deprecated:** ${property.deprecated}`);
  if (property.description) parts.push(property.description);
  parts.push(propertyFacts(property, name).map((f) => `- ${f}`).join('\n'));
  return parts.join('\n\n');
}
