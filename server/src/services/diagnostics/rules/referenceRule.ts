// `var.x` without a `variable "x"` (or `variables { x = ... }`) declaration,
// and `local.x` without a `locals { x = ... }` entry.
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { HclFile } from '../../../hcl/ast';
import { DiagnosticCodes } from '../codes';
import type { ValidationRule } from '../rule';

export const referenceRule: ValidationRule = {
  checkDocument(ctx) {
    const parsed = ctx.parsed;
    if (parsed.shape !== 'hcl' && parsed.shape !== 'hcl-json') return;
    const file = parsed.hcl;
    if (file.body.hasError) return; // a declaration may sit in the unreadable part
    const { variables, locals } = declaredNames(file);
    for (const reference of file.references) {
      if (reference.root === 'var' && !variables.has(reference.name)) {
        ctx.report(reference, DiagnosticSeverity.Error, DiagnosticCodes.undefinedVariable, `Variable "${reference.name}" is not declared: add variable "${reference.name}" { } to the file`, { data: { name: reference.name } });
      } else if (reference.root === 'local' && !locals.has(reference.name)) {
        ctx.report(reference, DiagnosticSeverity.Error, DiagnosticCodes.undefinedLocal, `Local value "${reference.name}" is not defined in any locals block`, { data: { name: reference.name } });
      }
    }
  },
};

export function declaredNames(file: HclFile): { variables: Set<string>; locals: Set<string> } {
  const variables = new Set<string>();
  const locals = new Set<string>();
  for (const item of file.body.items) {
    if (item.kind !== 'block') continue;
    if (item.type === 'variable' && item.labels[0]) variables.add(item.labels[0].value);
    const target = item.type === 'variables' ? variables : item.type === 'locals' ? locals : undefined;
    if (!target) continue;
    for (const inner of item.body.items) if (inner.kind === 'attribute') target.add(inner.name);
  }
  return { variables, locals };
}
