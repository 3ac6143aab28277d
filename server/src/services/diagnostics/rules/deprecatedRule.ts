// Deprecated fields: a hint shown struck through, with the schema's advice.
import type { Node as JsonNode } from 'jsonc-parser';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver-types';
import type { Range } from 'vscode-languageserver-textdocument';
import { isEmptyJsonValue, nodeSpan } from '../../../json/jsonDocument';
import type { PropertySchema } from '../../../schema/schemaModel';
import { DiagnosticCodes } from '../codes';
import type { ValidationRule } from '../rule';
import type { RuleContext } from '../ruleContext';

export const deprecatedRule: ValidationRule = {
  checkAttribute({ attribute, property }, _owner, ctx) {
    if (property) check(property, attribute.name, attribute.nameSpan.range, ctx);
  },
  checkBlock({ block, property, dynamic }, _owner, ctx) {
    if (!dynamic) check(property, block.type, block.typeSpan.range, ctx);
  },
  checkApiProperty(node: JsonNode, property, ctx) {
    const [key, value] = node.children ?? [];
    // Job reads carry every field, deprecated ones empty: only a value someone set deserves the hint.
    if (key && !isEmptyJsonValue(value)) check(property, property.key, nodeSpan(ctx.document, key).range, ctx);
  },
};

function check(property: PropertySchema, name: string, range: Range, ctx: RuleContext): void {
  const advice = property.deprecated;
  if (advice === undefined) return;
  ctx.report(range, DiagnosticSeverity.Hint, DiagnosticCodes.deprecated, `"${name}" is deprecated. ${advice}`.trim(), { tags: [DiagnosticTag.Deprecated] });
}
