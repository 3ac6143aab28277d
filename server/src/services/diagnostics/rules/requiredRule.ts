// Required attributes and blocks that are missing (a task without `driver`).
// Quiet when a syntax error sits in the body: the item may be in the part
// the parser could not read.
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { isBlockKind } from '../../../schema/schemaModel';
import { DiagnosticCodes } from '../codes';
import type { ValidationRule } from '../rule';

export const requiredRule: ValidationRule = {
  checkBody(body, ctx) {
    if (!body.owner || body.body.hasError) return;
    for (const property of body.schema.requiredProperties) {
      const name = property.hclName as string;
      if (body.labelFields.includes(property.key)) continue;
      const present = body.attributes.some((a) => a.property === property) || body.blocks.some((b) => b.property === property) || body.misplaced.some((m) => m.property === property);
      if (present) continue;
      const what = isBlockKind(property.kind) ? `a "${name}" block` : `the attribute "${name}"`;
      ctx.report(body.owner.typeSpan, DiagnosticSeverity.Error, DiagnosticCodes.missingRequired, `${body.ownerName} needs ${what}`, { data: { name } });
    }
  },
};
