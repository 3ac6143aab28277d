// Deprecated fields: a hint shown struck through, with the schema's advice.
import type { Node as JsonNode } from 'jsonc-parser';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver-types';
import { isEmptyJsonValue, nodeSpan } from '../../../json/jsonDocument';
import type { PropertySchema } from '../../../schema/schemaModel';
import { DiagnosticCodes } from '../codes';
import type { ValidationRule } from '../rule';
import type { Place, RuleContext } from '../ruleContext';

export const deprecatedRule: ValidationRule = {
  checkAttribute({ attribute, property }, _owner, ctx) {
    if (property) check(property, attribute.name, attribute.nameSpan, ctx);
  },
  checkBlock({ block, property, dynamic }, _owner, ctx) {
    if (!dynamic) check(property, block.type, block.typeSpan, ctx);
  },
  checkApiProperty(node: JsonNode, property, ctx) {
    const [key, value] = node.children ?? [];
    // Job reads carry every field, deprecated ones empty: only a value someone set deserves the hint.
    if (key && !isEmptyJsonValue(value)) check(property, property.key, nodeSpan(ctx.document, key), ctx);
  },
};

function check(property: PropertySchema, name: string, place: Place, ctx: RuleContext): void {
  const advice = property.deprecated;
  if (advice === undefined) return;
  ctx.report(place, DiagnosticSeverity.Hint, DiagnosticCodes.deprecated, `"${name}" is deprecated. ${advice}`.trim(), { tags: [DiagnosticTag.Deprecated] });
}
