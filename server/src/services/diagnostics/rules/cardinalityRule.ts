// Things given twice where once is allowed: a single block (`resources`,
// `update`, ...), a block limited by maxItems (`job`), or the same attribute.
// A driver's map blocks may repeat (see BlockSchema.isDriverConfig).
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { DiagnosticCodes } from '../codes';
import type { ValidationRule } from '../rule';

export const cardinalityRule: ValidationRule = {
  checkBody(body, ctx) {
    const blocksSeen = new Map<unknown, number>();
    for (const { block, property } of body.blocks) {
      const limit = property.maxBlocks;
      if (limit === undefined || (property.kind === 'mapAttribute' && body.schema.isDriverConfig)) continue;
      const count = (blocksSeen.get(property) ?? 0) + 1;
      blocksSeen.set(property, count);
      if (count > limit) {
        const name = property.hclName ?? block.type;
        ctx.report(block.typeSpan, DiagnosticSeverity.Error, DiagnosticCodes.duplicateBlock, `Only one "${name}" block is allowed in ${body.ownerName}`);
      }
    }
    // Messages name no line numbers: findings are kept across edits that move lines (see schemaWalker.ts).
    const attributesSeen = new Set<string>();
    for (const { attribute, property } of body.attributes) {
      if (!attributesSeen.has(attribute.name)) {
        attributesSeen.add(attribute.name);
        if (property?.kind === 'mapAttribute' && body.blocks.some((b) => b.property === property)) {
          ctx.report(attribute.nameSpan, DiagnosticSeverity.Error, DiagnosticCodes.duplicateAttribute, `"${attribute.name}" is also given as a block in ${body.ownerName}`);
        }
        continue;
      }
      ctx.report(attribute.nameSpan, DiagnosticSeverity.Error, DiagnosticCodes.duplicateAttribute, `"${attribute.name}" is already set above in ${body.ownerName}`);
    }
  },
};
