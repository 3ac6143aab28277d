// Runs every validation rule over a parsed job document. The rule list is the
// one place to register a new check.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ParsedJobDocument } from '../../jobDocument';
import type { ApiValidators } from '../../schema/apiValidators';
import type { SchemaModel } from '../../schema/schemaModel';
import { walkApiJob } from './apiJsonWalker';
import type { ValidationRule } from './rule';
import { RuleContext, type ValidationSettings } from './ruleContext';
import { apiSchemaRule } from './rules/apiSchemaRule';
import { cardinalityRule } from './rules/cardinalityRule';
import { deprecatedRule } from './rules/deprecatedRule';
import { duplicateNameRule } from './rules/duplicateNameRule';
import { durationRule } from './rules/durationRule';
import { enumRule } from './rules/enumRule';
import { labelCountRule } from './rules/labelCountRule';
import { minimumRule } from './rules/minimumRule';
import { readOnlyRule } from './rules/readOnlyRule';
import { referenceRule } from './rules/referenceRule';
import { requiredRule } from './rules/requiredRule';
import { semanticRule } from './rules/semanticRule';
import { syntaxRule } from './rules/syntaxRule';
import { unknownNameRule } from './rules/unknownNameRule';
import { valueTypeRule } from './rules/valueTypeRule';
import { versionRule } from './rules/versionRule';
import { walkHclFile, type ValidationCache } from './schemaWalker';

export const validationRules: readonly ValidationRule[] = [
  syntaxRule,
  unknownNameRule,
  labelCountRule,
  cardinalityRule,
  duplicateNameRule,
  requiredRule,
  valueTypeRule,
  enumRule,
  durationRule,
  minimumRule,
  referenceRule,
  versionRule,
  deprecatedRule,
  readOnlyRule,
  apiSchemaRule,
  semanticRule,
];

export function validateJobDocument(
  document: TextDocument,
  parsed: ParsedJobDocument,
  schema: SchemaModel,
  apiValidators: ApiValidators,
  settings: ValidationSettings,
  cache?: ValidationCache,
  rules: readonly ValidationRule[] = validationRules,
): Diagnostic[] {
  if (parsed.shape === 'not-a-job') return [];
  const ctx = new RuleContext(document, parsed, schema, apiValidators, settings);
  for (const rule of rules) rule.checkDocument?.(ctx);
  if (parsed.shape === 'api-json') walkApiJob(parsed.job, rules, ctx);
  else walkHclFile(parsed.hcl, rules, ctx, cache);
  return ctx.diagnostics();
}
