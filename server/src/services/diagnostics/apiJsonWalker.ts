// Walks an API JSON Job alongside the schema (by API field names) and hands
// each described property to the rules' checkApiProperty hooks.
import type { Node as JsonNode } from 'jsonc-parser';
import type { BlockSchema } from '../../schema/schemaModel';
import type { ValidationRule } from './rule';
import type { RuleContext } from './ruleContext';

export function walkApiJob(job: JsonNode, rules: readonly ValidationRule[], ctx: RuleContext): void {
  const schema = ctx.schema.jobBlock();
  if (schema) visitObject(job, schema, rules, ctx);
}

function visitObject(object: JsonNode, schema: BlockSchema, rules: readonly ValidationRule[], ctx: RuleContext): void {
  if (object.type !== 'object') return;
  for (const property of object.children ?? []) {
    const [key, value] = property.children ?? [];
    const described = typeof key?.value === 'string' ? schema.apiProperty(key.value) : undefined;
    if (!described) continue;
    for (const rule of rules) rule.checkApiProperty?.(property, described, ctx);
    const body = described.kind === 'attribute' || described.kind === 'mapAttribute' ? undefined : described.body;
    if (!body || body.freeForm || !value) continue;
    const objects = value.type === 'array' ? value.children ?? [] : described.kind === 'mapBlocks' && value.type === 'object' ? (value.children ?? []).map((p) => p.children?.[1]) : [value];
    for (const element of objects) if (element) visitObject(element, body, rules, ctx);
  }
}
