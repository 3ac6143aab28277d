// Literal numbers below the schema's minimum (a negative count, priority 0).
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { DiagnosticCodes } from '../codes';
import type { ValidationRule } from '../rule';

export const minimumRule: ValidationRule = {
  checkAttribute({ attribute, value }, _owner, ctx) {
    const written = attribute.value;
    if (value.minimum === undefined || written?.kind !== 'literal') return;
    const number = typeof written.value === 'number' ? written.value : typeof written.value === 'string' && written.value.trim() !== '' ? Number(written.value) : NaN;
    if (Number.isNaN(number) || number >= value.minimum || value.duration) return;
    ctx.report(written, DiagnosticSeverity.Error, DiagnosticCodes.belowMinimum, `"${attribute.name}" must be at least ${value.minimum}`);
  },
};
