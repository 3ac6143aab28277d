// Answers nomad/evaluateJob: parses the variables text with the same parser as job files and
// hands both trees to the evaluator. Never throws: a file it cannot evaluate is an answer too.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Expression } from '../hcl/ast';
import { isAttribute } from '../hcl/ast';
import type { NomadLanguageService } from '../languageService';
import type { EvaluateJobParams, EvaluateJobResult } from '../../../common/src/protocol/evaluateJob';
import { EvaluationError, evaluateJob } from '../services/evaluate/jobEvaluation';
import type { ParsedJobDocument } from '../jobDocument';

export function evaluateJobRequest(
  document: TextDocument,
  parsed: ParsedJobDocument,
  service: NomadLanguageService,
  params: EvaluateJobParams,
): EvaluateJobResult {
  if (parsed.shape !== 'hcl') return { ok: false, message: 'Only native HCL job files have variables to evaluate.' };
  const variablesDocument = TextDocument.create(`${params.uri}#variables`, 'nomad', 0, params.variables);
  const variables = service.parseJobDocument(variablesDocument);
  try {
    if (variables.shape !== 'hcl') return { ok: false, message: 'The variable values are not HCL assignments.' };
    if (variables.syntaxErrors.length) return { ok: false, message: `The variable values have a syntax error: ${variables.syntaxErrors[0].message}` };
    const values = new Map<string, { expression: Expression; document: TextDocument }>();
    for (const item of variables.hcl.body.items.filter(isAttribute)) {
      if (item.value) values.set(item.name, { expression: item.value, document: variablesDocument });
    }
    return { ok: true, hclJson: evaluateJob(document, parsed.hcl, values) };
  } catch (error) {
    if (error instanceof EvaluationError) return { ok: false, message: error.message, line: error.range?.start.line };
    throw error;
  } finally {
    variables.dispose();
  }
}
