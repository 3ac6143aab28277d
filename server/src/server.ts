// Language server entry: wires the LSP connection to the language service.
// Runs under VS Code (IPC) or standalone: `node dist/server.js --stdio`.
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type ClientCapabilities, type InitializeParams, type InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService, type NomadLanguageService } from './languageService';
import { authoringCapabilities, registerAuthoringHandlers, registerNomadOnlyFeatures } from './lsp/authoringHandlers';
import { onClusterFactsWanted, setClusterFacts } from './lsp/clusterFacts';
import { DocumentValidator } from './lsp/documentValidator';
import { describeError, guard, logUnhandled, type Logger } from './lsp/guard';
import { ParsedDocuments } from './lsp/parsedDocuments';
import { SettingsCache } from './lsp/settingsCache';
import { ValidationScheduler } from './lsp/validationScheduler';
import { CLUSTER_FACTS_NOTIFICATION, CLUSTER_FACTS_WANTED_NOTIFICATION } from '../../common/src/protocol/clusterFacts';
import { CLUSTER_VERSION_NOTIFICATION, type ClusterVersionParams } from '../../common/src/protocol/clusterVersion';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const logger: Logger = { error: (message) => connection.console.error(message) };
logUnhandled(logger);

let ready:
  | Promise<{
      service: NomadLanguageService;
      validator: DocumentValidator;
      scheduler: ValidationScheduler;
      parsed: ParsedDocuments;
      settings: SettingsCache;
      targetVersion(uri: string): Promise<string | undefined>;
    }>
  | undefined;
let clientCapabilities: ClientCapabilities = {};

connection.onInitialize(
  guard(logger, 'initialize', (params: InitializeParams): InitializeResult => {
    clientCapabilities = params.capabilities;
    const settings = new SettingsCache(connection, params.capabilities.workspace?.configuration === true);
    ready = createLanguageService().then((service) => {
      const parsed = new ParsedDocuments(service);
      const validator = new DocumentValidator(connection, documents, service, parsed, settings);
      const scheduler = new ValidationScheduler((uri) => validator.validate(uri), logger);
      for (const document of documents.all()) scheduler.schedule(document.uri, 0);
      return { service, validator, scheduler, parsed, settings, targetVersion: (uri: string) => validator.targetVersion(uri) };
    });
    ready.catch((error: unknown) => logger.error(`The Nomad language service could not start: ${describeError(error)}`));
    return { capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental, ...authoringCapabilities(params.capabilities) } };
  }, { capabilities: {} }),
);

/** Runs `action` once the service is up; a failed start was logged already. */
function whenReady(name: string, action: (parts: Awaited<NonNullable<typeof ready>>) => void): void {
  void ready?.then(guard(logger, name, action, undefined), () => undefined);
}

connection.onInitialized(() => registerNomadOnlyFeatures(connection, clientCapabilities));
registerAuthoringHandlers(connection, documents, () => ready, logger);

// An edit waits out the burst of keystrokes it belongs to; a document just opened has none to wait for.
const justOpened = new Set<string>();
documents.onDidOpen((event) => justOpened.add(event.document.uri));
documents.onDidChangeContent((event) => {
  const uri = event.document.uri;
  const delayMs = justOpened.delete(uri) ? 0 : undefined;
  whenReady('didChange', ({ scheduler }) => scheduler.schedule(uri, delayMs));
});
documents.onDidClose((event) =>
  whenReady('didClose', ({ scheduler, parsed, settings, validator }) => {
    scheduler.cancel(event.document.uri);
    parsed.forget(event.document.uri);
    settings.forget(event.document.uri);
    validator.clear(event.document.uri);
  }),
);
connection.onDidChangeConfiguration((params) =>
  whenReady('didChangeConfiguration', ({ settings, scheduler }) => {
    settings.changed(params.settings);
    for (const document of documents.all()) scheduler.schedule(document.uri);
  }),
);
connection.onNotification(CLUSTER_VERSION_NOTIFICATION, (params: ClusterVersionParams) =>
  whenReady('clusterVersion', ({ validator, scheduler }) => {
    validator.setClusterVersion(params.version);
    for (const document of documents.all()) scheduler.schedule(document.uri);
  }),
);
connection.onNotification(CLUSTER_FACTS_NOTIFICATION, (params: unknown) => setClusterFacts(params));
onClusterFactsWanted(() => void connection.sendNotification(CLUSTER_FACTS_WANTED_NOTIFICATION).catch(() => undefined));
connection.onShutdown(() =>
  whenReady('shutdown', ({ scheduler, parsed }) => {
    scheduler.dispose();
    parsed.dispose();
  }),
);

documents.listen(connection);
connection.listen();
