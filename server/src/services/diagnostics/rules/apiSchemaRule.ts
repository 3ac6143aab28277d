// API JSON against the JSON Schema (ajv), errors mapped from their
// instancePath back to ranges. Follows Go's decoder where it is lenient:
// `null` means "unset" anywhere, and field names match case-insensitively.
import type { ErrorObject } from 'ajv';
import { getNodeValue, type Node as JsonNode } from 'jsonc-parser';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { propertyValue } from '../../../../../common/src/json/properties';
import { nodeSpan } from '../../../json/jsonDocument';
import type { JsonSchema } from '../../../schema/jsonSchema';
import { DiagnosticCodes, type SuggestionData } from '../codes';
import type { ValidationRule } from '../rule';
import type { RuleContext } from '../ruleContext';
import { closestMatch, didYouMean } from '../suggest';

export const apiSchemaRule: ValidationRule = {
  checkDocument(ctx) {
    const parsed = ctx.parsed;
    if (parsed.shape !== 'api-json') return;
    const validateJob = ctx.apiValidators.jobValidator();
    if (!validateJob(getNodeValue(parsed.job))) report(validateJob.errors ?? [], parsed.job, 'Job', ctx);
    for (const task of tasksOf(parsed.job)) {
      const driver = propertyValue(task, 'Driver')?.value;
      const config = propertyValue(task, 'Config');
      const validateConfig = typeof driver === 'string' && config?.type === 'object' ? ctx.apiValidators.driverValidator(driver) : undefined;
      if (validateConfig && config && !validateConfig(getNodeValue(config))) report(validateConfig.errors ?? [], config, 'Config', ctx);
    }
  },
};

function tasksOf(job: JsonNode): JsonNode[] {
  const groups = propertyValue(job, 'TaskGroups')?.children ?? [];
  return groups.flatMap((group) => propertyValue(group, 'Tasks')?.children ?? []).filter((task) => task.type === 'object');
}

function report(errors: readonly ErrorObject[], base: JsonNode, baseName: string, ctx: RuleContext): void {
  const seen = new Set<string>();
  for (const error of errors) {
    if (error.data === null) continue;
    const path = error.instancePath.split('/').slice(1).map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
    const node = nodeAt(base, path);
    if (!node) continue;
    const finding = describe(error, node, [baseName, ...path]);
    if (!finding) continue;
    const key = `${finding.node.offset}:${finding.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    ctx.report(nodeSpan(ctx.document, finding.node).range, DiagnosticSeverity.Error, DiagnosticCodes.apiSchema, finding.message, finding.data ? { data: finding.data } : {});
  }
}

interface Finding {
  readonly node: JsonNode;
  readonly message: string;
  readonly data?: SuggestionData;
}

function describe(error: ErrorObject, node: JsonNode, path: string[]): Finding | undefined {
  const field = [...path].reverse().find((part) => !/^\d+$/.test(part)) ?? path[0];
  const parentSchema = error.parentSchema as JsonSchema | undefined;
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String(error.params.additionalProperty);
      const known = Object.keys(parentSchema?.properties ?? {});
      if (known.some((k) => k.toLowerCase() === name.toLowerCase())) return undefined; // Go matches field names case-insensitively
      const keyNode = node.children?.find((p) => p.children?.[0]?.value === name)?.children?.[0] ?? node;
      const suggestion = closestMatch(name, known);
      return { node: keyNode, message: `Unknown field "${name}" in ${field}.${didYouMean(suggestion)}`, data: suggestion === undefined ? undefined : { suggestion } };
    }
    case 'required': {
      // Mark the key holding the object, or just its "{" when it is a list element: the object may be long.
      const holder = node.parent?.type === 'property' ? node.parent.children?.[0] ?? node : { ...node, length: 1 };
      return { node: holder, message: `Missing required field "${String(error.params.missingProperty)}"` };
    }
    case 'type':
      return { node, message: `"${field}" must be ${describeType(error.params.type)}` };
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[]).map(String);
      const suggestion = closestMatch(String(error.data), allowed);
      return {
        node,
        message: `"${String(error.data)}" is not allowed for "${field}": use one of ${allowed.map((a) => `"${a}"`).join(', ')}.${didYouMean(suggestion)}`,
        data: suggestion === undefined ? undefined : { suggestion },
      };
    }
    case 'minimum':
      return { node, message: `"${field}" must be at least ${String(error.params.limit)}` };
    default:
      return { node, message: `"${field}" ${error.message ?? 'is not valid'}` };
  }
}

function describeType(type: unknown): string {
  const names: Record<string, string> = { string: 'a string', integer: 'a whole number', number: 'a number', boolean: 'true or false', array: 'a list', object: 'an object' };
  return String(type).split(',').map((t) => names[t] ?? t).join(' or ');
}

/** The node at a JSON path below `base`; array indexes are decimal strings in ajv paths. */
function nodeAt(base: JsonNode, path: readonly string[]): JsonNode | undefined {
  let node: JsonNode | undefined = base;
  for (const part of path) {
    if (!node) return undefined;
    node = node.type === 'array' ? node.children?.[Number(part)] : propertyValue(node, part);
  }
  return node;
}
