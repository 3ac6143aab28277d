// Blocks with the wrong number of labels: `group { }` without its name,
// `resources "x" { }` with one it does not take.
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { isBlockKind, labelCount } from '../../../schema/schemaModel';
import { DiagnosticCodes } from '../codes';
import type { ValidationRule } from '../rule';

export const labelCountRule: ValidationRule = {
  checkBlock({ block, property, dynamic }, _owner, ctx) {
    const expected = dynamic ? 1 : isBlockKind(property.kind) ? labelCount(property.kind) : 0;
    const labels = block.labels;
    if (labels.length === expected) return;
    if (labels.length < expected) {
      const example = dynamic ? `dynamic "${property.hclName}" { ... }` : `${block.type} "name" { ... }`;
      ctx.report(block.typeSpan, DiagnosticSeverity.Error, DiagnosticCodes.labelCount, `A ${block.type} block needs a label: ${example}`);
      return;
    }
    const extra = labels.slice(expected);
    const first = extra[0];
    const last = extra[extra.length - 1];
    const range = { get range() { return { start: first.range.start, end: last.range.end }; } };
    const message = expected === 0 ? `A ${block.type} block takes no label` : `A ${block.type} block takes one label, not ${labels.length}`;
    ctx.report(range, DiagnosticSeverity.Error, DiagnosticCodes.labelCount, message);
  },
};
