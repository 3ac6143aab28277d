// Things given twice where once is allowed: a single block (`resources`,
// `update`, ...), a block limited by maxItems (`job`), or the same attribute.
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { DiagnosticCodes } from '../codes';
import type { ValidationRule } from '../rule';

export const cardinalityRule: ValidationRule = {
  checkBody(body, ctx) {
    const blocksSeen = new Map<unknown, number>();
    for (const { block, property } of body.blocks) {
      const limit = property.maxBlocks;
      if (limit === undefined) continue;
      const count = (blocksSeen.get(property) ?? 0) + 1;
      blocksSeen.set(property, count);
      if (count > limit) {
        const name = property.hclName ?? block.type;
        ctx.report(block.typeSpan.range, DiagnosticSeverity.Error, DiagnosticCodes.duplicateBlock, `Only one "${name}" block is allowed in ${body.ownerName}`);
      }
    }
    const attributesSeen = new Map<string, number>();
    for (const { attribute, property } of body.attributes) {
      const firstLine = attributesSeen.get(attribute.name);
      if (firstLine === undefined) {
        attributesSeen.set(attribute.name, attribute.range.start.line);
        if (property?.kind === 'mapAttribute' && body.blocks.some((b) => b.property === property)) {
          ctx.report(attribute.nameSpan.range, DiagnosticSeverity.Error, DiagnosticCodes.duplicateAttribute, `"${attribute.name}" is also given as a block in ${body.ownerName}`);
        }
        continue;
      }
      ctx.report(attribute.nameSpan.range, DiagnosticSeverity.Error, DiagnosticCodes.duplicateAttribute, `"${attribute.name}" is already set on line ${firstLine + 1}`);
    }
  },
};
