// Syntax errors found while parsing (tree-sitter, HCL's newline rules, JSON).
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { DiagnosticCodes } from '../codes';
import type { ValidationRule } from '../rule';

export const syntaxRule: ValidationRule = {
  checkDocument(ctx) {
    if (ctx.parsed.shape !== 'hcl' && ctx.settings.reportJsonSyntaxErrors === false) return;
    for (const problem of ctx.parsed.syntaxErrors) {
      ctx.report(problem, DiagnosticSeverity.Error, DiagnosticCodes.syntaxError, problem.message);
    }
  },
};
