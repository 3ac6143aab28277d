// Values that certainly have the wrong type (see values/valueCheck.ts for
// what "certainly" means: literals only, after HCL's own conversions).
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { checkValue } from '../../../values/valueCheck';
import { DiagnosticCodes } from '../codes';
import type { ValidationRule } from '../rule';

export const valueTypeRule: ValidationRule = {
  checkAttribute({ attribute, value }, _owner, ctx) {
    if (!attribute.value) return;
    for (const problem of checkValue(attribute.value, value, `"${attribute.name}"`)) {
      ctx.report(problem.span, DiagnosticSeverity.Error, DiagnosticCodes.typeMismatch, problem.message);
    }
  },
};
