// What a validation rule sees and how it reports: one context per run.
import type { Diagnostic, DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver-types';
import type { Range, TextDocument } from 'vscode-languageserver-textdocument';
import type { ParsedJobDocument } from '../../jobDocument';
import type { ApiValidators } from '../../schema/apiValidators';
import type { SchemaModel } from '../../schema/schemaModel';
import { DIAGNOSTIC_SOURCE, type DiagnosticCode } from './codes';

export interface ValidationSettings {
  /** `auto` (follow the connected cluster) or a Nomad version such as `1.6.0`. */
  readonly schemaVersion: string;
  /** The connected cluster's version, once the client has told us. */
  readonly clusterVersion?: string;
  /** JSON syntax errors; off when the editor's own JSON support already shows them. */
  readonly reportJsonSyntaxErrors?: boolean;
}

export const defaultValidationSettings: ValidationSettings = { schemaVersion: 'auto', reportJsonSyntaxErrors: true };

/** A badly broken file could produce thousands; beyond this they stop helping. */
const MAX_DIAGNOSTICS = 1000;

export class RuleContext {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    readonly document: TextDocument,
    readonly parsed: ParsedJobDocument,
    readonly schema: SchemaModel,
    readonly apiValidators: ApiValidators,
    readonly settings: ValidationSettings,
  ) {}

  /** The Nomad version to check `x-since` against; undefined means "don't warn". */
  get targetVersion(): string | undefined {
    const configured = this.settings.schemaVersion.trim();
    return configured === '' || configured === 'auto' ? this.settings.clusterVersion : configured;
  }

  report(
    range: Range,
    severity: DiagnosticSeverity,
    code: DiagnosticCode,
    message: string,
    extra: { data?: unknown; tags?: DiagnosticTag[] } = {},
  ): void {
    if (this.diagnostics.length >= MAX_DIAGNOSTICS) return;
    this.diagnostics.push({ range, severity, code, source: DIAGNOSTIC_SOURCE, message, ...extra });
  }
}
