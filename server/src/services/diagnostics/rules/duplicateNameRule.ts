// Labeled blocks sharing a name in one body: two groups "web", two tasks
// "app", two `port "http"`, two `variable "x"`.
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { DiagnosticCodes } from '../codes';
import type { ValidationRule } from '../rule';

export const duplicateNameRule: ValidationRule = {
  checkBody(body, ctx) {
    const seen = new Set<string>();
    for (const { block, property, dynamic } of body.blocks) {
      if (dynamic || (property.kind !== 'labeledBlocks' && property.kind !== 'mapBlocks')) continue;
      const label = block.labels[0];
      if (!label) continue;
      const key = `${block.type}\u0000${label.value}`;
      if (!seen.has(key)) {
        seen.add(key);
        continue;
      }
      ctx.report(label, DiagnosticSeverity.Error, DiagnosticCodes.duplicateName, `Another ${block.type} in ${body.ownerName} is already named "${label.value}"`);
    }
  },
};
