// Validates one open document and publishes the result: parse (cached per
// version), read its settings, run the rules, send diagnostics.
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { NomadLanguageService } from '../languageService';
import { targetVersionOf } from '../schema/targetVersion';
import { describeError } from './guard';
import type { ParsedDocuments } from './parsedDocuments';
import { schemaVersionOf, type SettingsCache } from './settingsCache';

const JSON_LANGUAGES = new Set(['json', 'jsonc']);

export class DocumentValidator {
  private clusterVersion: string | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly service: NomadLanguageService,
    private readonly parsedDocuments: ParsedDocuments,
    private readonly settings: SettingsCache,
  ) {}

  /** From the nomad/clusterVersion notification; null when disconnected. */
  setClusterVersion(version: string | null): void {
    this.clusterVersion = version ?? undefined;
  }

  /** The version completion and checks follow for this document (see targetVersionOf). */
  async targetVersion(uri: string): Promise<string | undefined> {
    return targetVersionOf(schemaVersionOf(await this.settings.get(uri)), this.clusterVersion);
  }

  async validate(uri: string): Promise<void> {
    const document = this.documents.get(uri);
    if (!document) return;
    const settings = await this.settings.get(uri);
    const current = this.documents.get(uri);
    if (current?.version !== document.version) return; // changed meanwhile: its own validation is scheduled
    const parsed = this.parsedDocuments.get(document);
    const diagnostics = this.service.doValidation(document, parsed, {
      schemaVersion: schemaVersionOf(settings),
      clusterVersion: this.clusterVersion,
      // VS Code's JSON support already reports JSON syntax errors in json documents.
      reportJsonSyntaxErrors: !JSON_LANGUAGES.has(document.languageId),
    });
    await this.connection.sendDiagnostics({ uri, version: document.version, diagnostics });
    // Diagnostics first; the syntax tree for incremental parsing once nothing else waits.
    setImmediate(() => {
      try {
        if (this.documents.get(uri)?.version === document.version) this.parsedDocuments.prepareForEdits(document);
      } catch (error) {
        this.connection.console.error(`Preparing ${uri} for edits failed: ${describeError(error)}`);
      }
    });
  }

  clear(uri: string): void {
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
