// Candidate values: for an attribute (enums, booleans, durations, drivers, constraint
// targets, variables and locals) and for what may go inside `${ }` at the cursor.
import { CompletionItemKind } from 'vscode-languageserver';
import type { BlockSchema, PropertySchema, SchemaModel } from '../../schema/schemaModel';
import { declaredLocals, declaredVariables, metaKeys, portLabels, type DeclaredName } from './outlineQueries';
import { META_VARIABLE_PREFIX, NODE_TARGETS, PORT_VARIABLE_PREFIXES, TASK_ENVIRONMENT, type RuntimeName } from './runtimeNames';
import { formatDuration, stringEnum } from './snippets';
import type { OutlineBlock } from './tolerantOutline';
import type { ValueOption } from './completionItems';

const COMMON_DURATIONS = ['5s', '10s', '30s', '1m', '5m', '10m', '1h'];
/** Blocks whose `attribute` names a node property to compare against. */
const NODE_TARGET_OWNERS = new Set(['Constraint', 'Affinity', 'Spread']);
const PLACEMENT_BLOCKS = new Set(['constraint', 'affinity', 'spread']);

export interface ValueScope {
  readonly model: SchemaModel;
  readonly root: OutlineBlock;
  readonly blocks: readonly OutlineBlock[];
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

/** Values for attribute `property` of a block with schema `owner`; `inString` when typing inside its quotes. */
export function attributeValueOptions(
  scope: ValueScope,
  owner: BlockSchema | undefined,
  property: PropertySchema | undefined,
  inString: boolean,
): ValueOption[] {
  const quoted = (text: string): string => (inString ? text : JSON.stringify(text));
  const options: ValueOption[] = [];
  if (property && owner) {
    if (owner.name === 'Task' && property.apiName === 'Driver') {
      for (const driver of scope.model.driverNames()) {
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
    if (property.duration) {
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
    }
  }
  if (!inString) options.push(...references(scope));
  return options;
}

/** Names usable inside `${ }`: node properties in placement rules; elsewhere the task environment as well. */
export function interpolationOptions(scope: ValueScope): ValueOption[] {
  const options = references(scope);
  options.push(...NODE_TARGETS.map((t) => runtimeOption(t)));
  if (scope.blocks.some((b) => PLACEMENT_BLOCKS.has(b.type))) return options;
  for (const label of portLabels(scope.blocks)) {
    for (const prefix of PORT_VARIABLE_PREFIXES) options.push({ ...runtimeOption(prefix, prefix.name + label), preferred: true });
  }
  for (const key of metaKeys(scope.blocks)) options.push(runtimeOption(META_VARIABLE_PREFIX, META_VARIABLE_PREFIX.name + key));
  options.push(...TASK_ENVIRONMENT.map((name) => runtimeOption(name)));
  return options;
}
