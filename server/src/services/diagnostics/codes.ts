// Stable diagnostic codes: quick fixes, tests and the CLI's output key on them.
export const DIAGNOSTIC_SOURCE = 'nomad';

export const DiagnosticCodes = {
  syntaxError: 'syntax-error',
  unknownAttribute: 'unknown-attribute',
  unknownBlock: 'unknown-block',
  wrongKind: 'wrong-kind',
  typeMismatch: 'type-mismatch',
  invalidEnum: 'invalid-enum',
  invalidDuration: 'invalid-duration',
  belowMinimum: 'below-minimum',
  labelCount: 'label-count',
  duplicateBlock: 'duplicate-block',
  duplicateAttribute: 'duplicate-attribute',
  duplicateName: 'duplicate-name',
  missingRequired: 'missing-required',
  undefinedVariable: 'undefined-variable',
  undefinedLocal: 'undefined-local',
  readOnlyField: 'read-only-field',
  needsNewerNomad: 'needs-newer-nomad',
  deprecated: 'deprecated',
  apiSchema: 'api-schema',
} as const;

export type DiagnosticCode = (typeof DiagnosticCodes)[keyof typeof DiagnosticCodes];

/** `data` of unknown-name and invalid-enum diagnostics: what a quick fix may replace the name or value with. */
export interface SuggestionData {
  readonly suggestion: string;
}
