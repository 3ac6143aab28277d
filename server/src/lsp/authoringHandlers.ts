// LSP requests for writing job files (completion, hover, outline, folding, go to
// definition, references, quick fixes, formatting), mapped onto the services. Each
// handler reads the cached parse of the document's current version.
import {
  CodeActionKind,
  DocumentFormattingRequest,
  DocumentRangeFormattingRequest,
  FoldingRangeRequest,
  type ClientCapabilities,
  type Connection,
  type ServerCapabilities,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { NomadLanguageService, ParsedJobDocument } from '../languageService';
import { getCodeActions } from '../services/codeActions/codeActionService';
import { resolveCompletionItem } from '../services/completion/completionDocs';
import { doComplete } from '../services/completion/completionService';
import { EVALUATE_JOB_REQUEST, type EvaluateJobParams, type EvaluateJobResult } from '../../../common/src/protocol/evaluateJob';
import { evaluateJobRequest } from './evaluateJobHandler';
import { formatDocument } from '../services/format/formatter';
import { doHover } from '../services/hover/hoverService';
import { hclDocumentSymbols } from '../services/symbols/documentSymbols';
import { foldingRanges } from '../services/symbols/foldingRanges';
import { apiJsonDocumentSymbols } from '../services/symbols/jsonSymbols';
import { findDefinition, findReferences } from '../services/symbols/navigation';
import { getClusterFacts } from './clusterFacts';
import { guard, type Logger } from './guard';
import type { ParsedDocuments } from './parsedDocuments';

/**
 * JSON documents already have VS Code's formatter and folding; offering ours as well
 * would make VS Code ask which formatter to use. So these two are registered for the
 * `nomad` language only, dynamically when the client can (static otherwise).
 */
const NOMAD_ONLY = { documentSelector: [{ language: 'nomad' }] };

function registersDynamically(client: ClientCapabilities): boolean {
  const text = client.textDocument;
  return text?.formatting?.dynamicRegistration === true && text.rangeFormatting?.dynamicRegistration === true && text.foldingRange?.dynamicRegistration === true;
}

export function authoringCapabilities(client: ClientCapabilities): ServerCapabilities {
  const capabilities: ServerCapabilities = {
    // `"` opens a value, `.` continues var./attr. paths, `{` follows `$` in an interpolation.
    // Documentation comes with completionItem/resolve, for the one item the editor shows.
    completionProvider: { triggerCharacters: ['"', '.', '{'], resolveProvider: true },
    hoverProvider: true,
    documentSymbolProvider: true,
    definitionProvider: true,
    referencesProvider: true,
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
  };
  if (registersDynamically(client)) return capabilities;
  return { ...capabilities, foldingRangeProvider: true, documentFormattingProvider: true, documentRangeFormattingProvider: true };
}

/** Call once the client has answered `initialized`. */
export function registerNomadOnlyFeatures(connection: Connection, client: ClientCapabilities): void {
  if (!registersDynamically(client)) return;
  void connection.client.register(DocumentFormattingRequest.type, NOMAD_ONLY);
  void connection.client.register(DocumentRangeFormattingRequest.type, NOMAD_ONLY);
  void connection.client.register(FoldingRangeRequest.type, NOMAD_ONLY);
}

export interface AuthoringServices {
  readonly service: NomadLanguageService;
  readonly parsed: ParsedDocuments;
  /** The Nomad version a document is checked against (setting or connected cluster). */
  targetVersion(uri: string): Promise<string | undefined>;
}

type Handler<P, R> = (document: TextDocument, parsed: ParsedJobDocument, service: NomadLanguageService, params: P) => R;

export function registerAuthoringHandlers(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  services: () => Promise<AuthoringServices> | undefined,
  logger: Logger,
): void {
  /** Answers `fallback` for unknown documents or when the service failed to start. */
  const handle =
    <P extends { textDocument: { uri: string } }, R>(name: string, fallback: R, handler: Handler<P, R>) =>
    async (params: P): Promise<R> => {
      const ready = await services()?.catch(() => undefined);
      const document = documents.get(params.textDocument.uri);
      if (!ready || !document) return fallback;
      return guard(logger, name, () => handler(document, ready.parsed.get(document), ready.service, params), fallback)();
    };
  const syntaxRoot = (parsed: ParsedJobDocument) => (parsed.shape === 'hcl' ? parsed.syntaxRoot() : undefined);
  // Formatting refuses files with syntax errors, including HCL's own rules tree-sitter does not enforce (one item per line).
  const formattableRoot = (parsed: ParsedJobDocument) => (parsed.syntaxErrors.length === 0 ? syntaxRoot(parsed) : undefined);

  connection.onCompletion(async (params) => {
    const target = await services()
      ?.then((ready) => ready.targetVersion(params.textDocument.uri))
      .catch(() => undefined);
    return handle('completion', null, (document, parsed, service, completion: typeof params) =>
      doComplete(document, completion.position, parsed, { model: service.schema, clusterFacts: getClusterFacts }, target),
    )(params);
  });
  connection.onCompletionResolve(async (item) => {
    const ready = await services()?.catch(() => undefined);
    return ready ? guard(logger, 'completionResolve', () => resolveCompletionItem(item, ready.service.schema), item)() : item;
  });
  connection.onRequest(
    EVALUATE_JOB_REQUEST,
    (params: EvaluateJobParams): Promise<EvaluateJobResult> =>
      handle<EvaluateJobParams & { textDocument: { uri: string } }, EvaluateJobResult>(
        'evaluateJob',
        { ok: false, message: 'The job file is not open in the language server.' },
        (document, parsed, service) => evaluateJobRequest(document, parsed, service, params),
      )({ ...params, textDocument: { uri: params.uri } }),
  );
  connection.onHover(handle('hover', null, (document, parsed, service, params) => doHover(document, params.position, parsed, service.schema) ?? null));
  connection.onDocumentSymbol(
    handle('documentSymbol', [], (document, parsed, service) => {
      if (parsed.shape === 'hcl' || parsed.shape === 'hcl-json') return hclDocumentSymbols(parsed.hcl);
      return parsed.shape === 'api-json' ? apiJsonDocumentSymbols(document, parsed.job, service.schema) : [];
    }),
  );
  connection.onFoldingRanges(
    handle('foldingRange', [], (document, parsed) => {
      const root = syntaxRoot(parsed);
      return root ? foldingRanges(root, document.getText()) : [];
    }),
  );
  connection.onDefinition(
    handle('definition', null, (document, parsed, _service, params) =>
      parsed.shape === 'hcl' || parsed.shape === 'hcl-json' ? (findDefinition(document.uri, parsed.hcl, document.offsetAt(params.position)) ?? null) : null,
    ),
  );
  connection.onReferences(
    handle('references', [], (document, parsed, _service, params) =>
      parsed.shape === 'hcl' || parsed.shape === 'hcl-json'
        ? findReferences(document.uri, parsed.hcl, document.offsetAt(params.position), params.context.includeDeclaration)
        : [],
    ),
  );
  connection.onCodeAction(
    handle('codeAction', [], (document, parsed, service, params) => getCodeActions(document, params.range, params.context.diagnostics, parsed, service.schema)),
  );
  connection.onDocumentFormatting(
    handle('formatting', [], (document, parsed) => {
      const root = formattableRoot(parsed);
      return root ? formatDocument(document, root) : [];
    }),
  );
  connection.onDocumentRangeFormatting(
    handle('rangeFormatting', [], (document, parsed, _service, params) => {
      const root = formattableRoot(parsed);
      return root ? formatDocument(document, root, params.range) : [];
    }),
  );
}
