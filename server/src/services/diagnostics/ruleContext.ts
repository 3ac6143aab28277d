// What a validation rule sees and how it reports: one context per run.
import type { Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver-types';
import type { Range, TextDocument } from 'vscode-languageserver-textdocument';
import type { ParsedJobDocument } from '../../jobDocument';
import type { ApiValidators } from '../../schema/apiValidators';
import type { SchemaModel } from '../../schema/schemaModel';
import { targetVersionOf } from '../../schema/targetVersion';
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

/**
 * Where a diagnostic goes: an AST node (its range is read when the results
 * are put together, so a finding kept from an earlier version follows the
 * node if an edit moved it), or a fixed range.
 */
export type Place = { readonly range: Range } | Range;

/** A finding whose range is not computed yet. */
export interface PendingDiagnostic {
  readonly place: Place;
  readonly diagnostic: Omit<Diagnostic, 'range'>;
}

export class RuleContext {
  readonly pending: PendingDiagnostic[] = [];
  /** The Nomad version to check `x-since` against; undefined means "don't warn". */
  readonly targetVersion: string | undefined;

  constructor(
    readonly document: TextDocument,
    readonly parsed: ParsedJobDocument,
    readonly schema: SchemaModel,
    readonly apiValidators: ApiValidators,
    readonly settings: ValidationSettings,
  ) {
    this.targetVersion = targetVersionOf(settings.schemaVersion, settings.clusterVersion);
  }

  report(
    place: Place,
    severity: DiagnosticSeverity,
    /** One of DiagnosticCodes, or a semantic rule's id. */
    code: DiagnosticCode | string,
    message: string,
    extra: { data?: unknown; tags?: DiagnosticTag[]; relatedInformation?: DiagnosticRelatedInformation[] } = {},
  ): void {
    this.pending.push({ place, diagnostic: { severity, code, source: DIAGNOSTIC_SOURCE, message, ...extra } });
  }

  /** The findings with their ranges, in document order. */
  diagnostics(): Diagnostic[] {
    const diagnostics = this.pending.slice(0, MAX_DIAGNOSTICS).map(({ place, diagnostic }) => ({ range: 'range' in place ? place.range : place, ...diagnostic }));
    return diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  }
}
