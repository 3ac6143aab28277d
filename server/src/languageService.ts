// The language service: everything the editor features need, with no LSP
// connection and no `vscode` import, so the CLI, tests and benchmarks use it
// exactly as the server does. Callers parse once per document version and
// hand the result to each service.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { HclParser } from './hcl/hclParser';
import { parseJobDocument, type ParsedJobDocument, type ParseOptions } from './jobDocument';
import { ApiValidators } from './schema/apiValidators';
import { bundledSchema } from './schema/bundledSchema';
import type { SchemaModel } from './schema/schemaModel';
import { validateJobDocument } from './services/diagnostics/diagnosticsService';
import { defaultValidationSettings, type ValidationSettings } from './services/diagnostics/ruleContext';
import { ValidationCache } from './services/diagnostics/schemaWalker';

export type { ParsedJobDocument, JobShape } from './jobDocument';
export type { ValidationSettings } from './services/diagnostics/ruleContext';

export interface LanguageServiceOptions {
  /** Folder holding tree-sitter.wasm and tree-sitter-hcl.wasm; default: beside the bundle, else node_modules. */
  readonly wasmDirectory?: string;
  /** Schema to validate against; default: the bundled data. */
  readonly schema?: SchemaModel;
}

export interface NomadLanguageService {
  readonly schema: SchemaModel;
  /**
   * Parses a document. Pass the previous version's result to re-parse only
   * what changed. Like tree-sitter's Tree.edit, this may update the previous
   * AST in place: after the call use only the new result (the caller still
   * disposes the previous one).
   */
  parseJobDocument(document: TextDocument, previous?: ParsedJobDocument, options?: ParseOptions): ParsedJobDocument;
  doValidation(document: TextDocument, parsed: ParsedJobDocument, settings?: ValidationSettings): Diagnostic[];
}

export async function createLanguageService(options: LanguageServiceOptions = {}): Promise<NomadLanguageService> {
  const hclParser = await HclParser.create(options.wasmDirectory);
  const schema = options.schema ?? bundledSchema();
  const apiValidators = ApiValidators.for(schema);
  const validationCache = new ValidationCache();
  return {
    schema,
    parseJobDocument: (document, previous, parseOptions) => parseJobDocument(document, hclParser, schema, previous, parseOptions),
    doValidation: (document, parsed, settings = defaultValidationSettings) => validateJobDocument(document, parsed, schema, apiValidators, settings, validationCache),
  };
}
