// Names the schema does not allow where they are written, with the closest
// known name as a suggestion (also in `data`, for a quick fix); and known
// names written in the wrong form (`resources = {...}` instead of a block).
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { BodyItem } from '../../../hcl/ast';
import type { HclKind } from '../../../schema/jsonSchema';
import { isBlockKind } from '../../../schema/schemaModel';
import { DiagnosticCodes, type SuggestionData } from '../codes';
import type { ClassifiedBody, ValidationRule } from '../rule';
import type { RuleContext } from '../ruleContext';
import { closestMatch, didYouMean } from '../suggest';

export const unknownNameRule: ValidationRule = {
  checkMisplaced({ item, property }, owner, ctx) {
    if (property) reportWrongForm(item, property.kind, ctx);
    else if (item.kind === 'block' && item.type === 'dynamic') reportBadDynamic(item, owner, ctx);
    else reportUnknown(item, owner, ctx);
  },
};

function reportWrongForm(item: BodyItem, kind: HclKind, ctx: RuleContext): void {
  if (item.kind === 'attribute' && isBlockKind(kind)) {
    ctx.report(item.nameSpan, DiagnosticSeverity.Error, DiagnosticCodes.wrongKind, `"${item.name}" is a block: write ${item.name} { ... }`);
  } else if (item.kind === 'block') {
    ctx.report(item.typeSpan, DiagnosticSeverity.Error, DiagnosticCodes.wrongKind, `"${item.type}" is an attribute: write ${item.type} = ...`);
  }
}

function reportBadDynamic(item: BodyItem & { kind: 'block' }, owner: ClassifiedBody, ctx: RuleContext): void {
  const label = item.labels[0];
  if (!label) return; // the label-count rule reports the missing label
  const blockNames = owner.schema.properties.filter((p) => isBlockKind(p.kind) && p.hclName).map((p) => p.hclName as string);
  const suggestion = closestMatch(label.value, blockNames);
  ctx.report(
    label,
    DiagnosticSeverity.Error,
    DiagnosticCodes.unknownBlock,
    `dynamic cannot generate "${label.value}" blocks in ${owner.ownerName}.${didYouMean(suggestion)}`,
    suggestion === undefined ? {} : { data: { suggestion } satisfies SuggestionData },
  );
}

function reportUnknown(item: BodyItem, owner: ClassifiedBody, ctx: RuleContext): void {
  const isBlock = item.kind === 'block';
  const name = isBlock ? item.type : item.name;
  const span = isBlock ? item.typeSpan : item.nameSpan;
  const code = isBlock ? DiagnosticCodes.unknownBlock : DiagnosticCodes.unknownAttribute;
  if (isBlock && owner.schema.extraAttributes) {
    ctx.report(span, DiagnosticSeverity.Error, code, `${owner.ownerName} holds only attributes; "${name}" cannot be a block here`);
    return;
  }
  const suggestion = closestMatch(name, owner.schema.hclNames());
  const kind = isBlock ? 'block' : 'attribute';
  ctx.report(
    span,
    DiagnosticSeverity.Error,
    code,
    `Unknown ${kind} "${name}" in ${owner.ownerName}.${didYouMean(suggestion)}`,
    suggestion === undefined ? {} : { data: { suggestion } satisfies SuggestionData },
  );
}
