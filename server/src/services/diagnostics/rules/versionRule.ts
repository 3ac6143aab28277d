// Features newer than the Nomad version the user targets: the setting
// `nomad.schemaVersion`, or with `auto` the connected cluster's version once
// known (no warnings before that).
import type { Node as JsonNode } from 'jsonc-parser';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { nodeSpan } from '../../../json/jsonDocument';
import { isNewerThanTarget } from '../../../schema/targetVersion';
import { DiagnosticCodes } from '../codes';
import type { ValidationRule } from '../rule';
import type { Place, RuleContext } from '../ruleContext';

export const versionRule: ValidationRule = {
  checkAttribute({ attribute, property }, _owner, ctx) {
    if (property) check(property.hclSince, attribute.name, attribute.nameSpan, ctx);
  },
  checkBlock({ block, property, dynamic }, _owner, ctx) {
    check(property.hclSince, property.hclName ?? block.type, dynamic ? block.labels[0] ?? block.typeSpan : block.typeSpan, ctx);
  },
  checkApiProperty(node: JsonNode, property, ctx) {
    const key = node.children?.[0];
    if (key) check(property.since, property.key, nodeSpan(ctx.document, key), ctx);
  },
};

function check(since: string | undefined, name: string, place: Place, ctx: RuleContext): void {
  const target = ctx.targetVersion;
  if (!isNewerThanTarget(since, target)) return;
  ctx.report(place, DiagnosticSeverity.Warning, DiagnosticCodes.needsNewerNomad, `"${name}" needs Nomad ${since} or newer; the target version is ${target}`, {
    data: { since, target },
  });
}
