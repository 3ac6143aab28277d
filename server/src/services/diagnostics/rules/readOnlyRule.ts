// API JSON copied from `nomad job inspect` carries fields only the server
// sets (Status, CreateIndex, ...): Nomad ignores them on submit.
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { isEmptyJsonValue, nodeSpan } from '../../../json/jsonDocument';
import { DiagnosticCodes } from '../codes';
import type { ValidationRule } from '../rule';

export const readOnlyRule: ValidationRule = {
  checkApiProperty(node, property, ctx) {
    const [key, value] = node.children ?? [];
    if (!key || !property.readOnly || isEmptyJsonValue(value)) return;
    ctx.report(nodeSpan(ctx.document, key).range, DiagnosticSeverity.Warning, DiagnosticCodes.readOnlyField, `"${property.key}" is set by the Nomad server; a submitted value is ignored`);
  },
};
