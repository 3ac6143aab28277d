// Parse results per open document, one per version: every feature asks here
// instead of parsing. Keeps the previous version so the next parse can be
// incremental, and frees parser memory when a document closes.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { NomadLanguageService, ParsedJobDocument } from '../languageService';

export class ParsedDocuments {
  private readonly entries = new Map<string, ParsedJobDocument>();

  constructor(private readonly service: NomadLanguageService) {}

  get(document: TextDocument): ParsedJobDocument {
    const previous = this.entries.get(document.uri);
    if (previous?.version === document.version) return previous;
    const parsed = this.service.parseJobDocument(document, previous, { languageId: document.languageId });
    previous?.dispose();
    this.entries.set(document.uri, parsed);
    return parsed;
  }

  forget(uri: string): void {
    this.entries.get(uri)?.dispose();
    this.entries.delete(uri);
  }

  dispose(): void {
    for (const uri of [...this.entries.keys()]) this.forget(uri);
  }
}
