// Candidate values: for an attribute (enums, booleans, durations, drivers, constraint
// targets, cluster names, variables and locals) and for what may go inside `${ }` at the cursor.
import { CompletionItemKind } from 'vscode-languageserver-types';
import type { BlockSchema, PropertySchema, SchemaModel } from '../../schema/schemaModel';
import { declaredLocals, declaredVariables, metaKeys, portLabels, type DeclaredName } from './outlineQueries';
import { META_VARIABLE_PREFIX, NODE_TARGETS, PORT_VARIABLE_PREFIXES, TASK_ENVIRONMENT, type RuntimeName } from './runtimeNames';
import { formatDuration, stringEnum } from './snippets';
import type { OutlineBlock } from './tolerantOutline';
import type { ValueOption } from './completionItems';
import { clusterNodeTargetOptions, clusterValueOptions, type ClusterFactsSource } from './clusterValues';

const COMMON_DURATIONS = ['5s', '10s', '30s', '1m', '5m', '10m', '1h'];
/** Blocks whose `attribute` names a node property to compare against. */
const NODE_TARGET_OWNERS = new Set(['Constraint', 'Affinity', 'Spread']);
const PLACEMENT_BLOCKS = new Set(['constraint', 'affinity', 'spread']);
const DOCUMENTED_TARGETS: ReadonlySet<string> = new Set(NODE_TARGETS.map((t) => t.name));

/** What value options draw on besides the text around the cursor. */
export interface ValueSources {
  readonly model: SchemaModel;
  readonly clusterFacts: ClusterFactsSource;
}

/** Native HCL: the file's outline, for declared variables, locals, ports and meta keys. */
export interface ValueScope extends ValueSources {
  readonly root: OutlineBlock;
  readonly blocks: readonly OutlineBlock[];
}

/** The attribute whose value is being typed, and how the text around it is written. */
export interface ValueSite {
  readonly owner: BlockSchema | undefined;
  readonly property: PropertySchema | undefined;
  /** Typing inside quotes: options go in as they are. Otherwise strings are inserted quoted. */
  readonly inString: boolean;
  /** Typing an element of a list; outside one, a cluster name for a list attribute goes in as a one-element list. */
  readonly inList: boolean;
  /** For a constraint or affinity: its `attribute` as written, e.g. `${node.class}`. */
  readonly placementTarget: string | undefined;
  /** HCL and HCL-JSON write durations as text ("30s"); API JSON as nanoseconds, for which none are offered. */
  readonly durationsAsText: boolean;
}

function references(scope: ValueScope): ValueOption[] {
  const describe = (declared: DeclaredName, what: string): string =>
    declared.detail === undefined ? what : `${what}: ${declared.detail.length > 60 ? declared.detail.slice(0, 57) + '...' : declared.detail}`;
  return [
    ...declaredVariables(scope.root).map((v) => ({
      label: `var.${v.name}`,
      kind: CompletionItemKind.Variable,
      detail: describe(v, v.detail === undefined ? 'input variable' : 'input variable, default'),
    })),
    ...declaredLocals(scope.root).map((l) => ({ label: `local.${l.name}`, kind: CompletionItemKind.Variable, detail: describe(l, 'local value') })),
  ];
}

function runtimeOption(name: RuntimeName, label = name.name): ValueOption {
  const since = name.since ? `\n\nSince Nomad ${name.since}.` : '';
  return { label, kind: CompletionItemKind.Constant, documentation: name.description + since };
}

/** Values any syntax may offer for an attribute: from the schema, the built-in drivers and the connected cluster. */
export function schemaValueOptions(sources: ValueSources, site: ValueSite): ValueOption[] {
  const { owner, property, inString } = site;
  if (!property || !owner) return [];
  const quoted = (text: string): string => (inString ? text : JSON.stringify(text));
  const options: ValueOption[] = [];
  if (owner.name === 'Task' && property.apiName === 'Driver') {
    for (const driver of sources.model.driverNames()) {
      options.push({ label: driver, insert: quoted(driver), kind: CompletionItemKind.EnumMember, detail: 'built-in task driver' });
    }
  }
  for (const value of stringEnum(property)) {
    options.push({ label: value, insert: quoted(value), kind: CompletionItemKind.EnumMember, preferred: value === property.defaultValue });
  }
  if (property.types.includes('boolean') && !inString) {
    for (const value of ['true', 'false']) {
      options.push({ label: value, kind: CompletionItemKind.Value, preferred: String(property.defaultValue) === value });
    }
  }
  if (property.duration && site.durationsAsText) {
    const fallback = typeof property.defaultValue === 'number' ? formatDuration(property.defaultValue) : undefined;
    for (const value of new Set([...(fallback ? [fallback] : []), ...COMMON_DURATIONS])) {
      options.push({
        label: value,
        insert: quoted(value),
        kind: CompletionItemKind.Value,
        detail: value === fallback ? 'default' : 'duration',
        preferred: value === fallback,
      });
    }
  }
  if (NODE_TARGET_OWNERS.has(owner.name) && property.hclName === 'attribute') {
    for (const target of NODE_TARGETS) {
      options.push({ ...runtimeOption(target, `\${${target.name}}`), insert: quoted(`\${${target.name}}`) });
    }
    options.push(...clusterNodeTargetOptions(sources.clusterFacts, DOCUMENTED_TARGETS, (name) => ({ label: `\${${name}}`, insert: quoted(`\${${name}}`) })));
  }
  if (property.hclName !== undefined) {
    const asList = property.types.includes('array') && !site.inList && !inString;
    const insert = (name: string): string => (asList ? JSON.stringify([name]) : quoted(name));
    options.push(...clusterValueOptions(sources.clusterFacts, { blockName: owner.name, attribute: property.hclName, placementTarget: site.placementTarget }, insert));
  }
  return options;
}

/** Values for an attribute in native HCL: those of the schema, and outside quotes the file's variables and locals. */
export function attributeValueOptions(scope: ValueScope, site: ValueSite): ValueOption[] {
  const options = schemaValueOptions(scope, site);
  if (!site.inString) options.push(...references(scope));
  return options;
}

/** Names usable inside `${ }`: node properties in placement rules; elsewhere the task environment as well. */
export function interpolationOptions(scope: ValueScope): ValueOption[] {
  const options = references(scope);
  options.push(...NODE_TARGETS.map((t) => runtimeOption(t)));
  if (scope.blocks.some((b) => PLACEMENT_BLOCKS.has(b.type))) {
    options.push(...clusterNodeTargetOptions(scope.clusterFacts, DOCUMENTED_TARGETS, (label) => ({ label })));
    return options;
  }
  for (const label of portLabels(scope.blocks)) {
    for (const prefix of PORT_VARIABLE_PREFIXES) options.push({ ...runtimeOption(prefix, prefix.name + label), preferred: true });
  }
  for (const key of metaKeys(scope.blocks)) options.push(runtimeOption(META_VARIABLE_PREFIX, META_VARIABLE_PREFIX.name + key));
  options.push(...TASK_ENVIRONMENT.map((name) => runtimeOption(name)));
  return options;
}
