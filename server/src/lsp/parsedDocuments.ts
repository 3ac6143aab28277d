// Parse results per open document, one per version: every feature asks here
// instead of parsing. Keeps the previous version so the next parse can be
// incremental, and frees parser memory when a document closes. Only the few
// most recently edited documents keep their syntax trees (what incremental
// parsing needs, about 5 MB each for a 5,000-line job): an idle document
// costs its AST only, and pays one full parse when edited again.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { NomadLanguageService, ParsedJobDocument } from '../languageService';

export const SYNTAX_TREES_KEPT = 4;

export class ParsedDocuments {
  /** In order of last parse, most recent last. */
  private readonly entries = new Map<string, ParsedJobDocument>();

  constructor(private readonly service: NomadLanguageService, private readonly treesKept = SYNTAX_TREES_KEPT) {}

  get(document: TextDocument): ParsedJobDocument {
    const previous = this.entries.get(document.uri);
    if (previous?.version === document.version) return previous;
    const parsed = this.service.parseJobDocument(document, previous, { languageId: document.languageId });
    previous?.dispose();
    this.entries.delete(document.uri);
    this.entries.set(document.uri, parsed);
    this.compactIdle();
    return parsed;
  }

  /**
   * Makes sure the current version of `document` has its syntax tree, so the
   * next edit re-parses incrementally. A file opened plain was read without
   * one (see hcl/cleanFileReader.ts); the server calls this when idle, after
   * publishing diagnostics.
   */
  prepareForEdits(document: TextDocument): void {
    const parsed = this.entries.get(document.uri);
    if (parsed?.version === document.version && parsed.shape === 'hcl') parsed.syntaxRoot();
  }

  forget(uri: string): void {
    this.entries.get(uri)?.dispose();
    this.entries.delete(uri);
  }

  dispose(): void {
    for (const uri of [...this.entries.keys()]) this.forget(uri);
  }

  private compactIdle(): void {
    const idle = this.entries.size - this.treesKept;
    let index = 0;
    for (const parsed of this.entries.values()) {
      if (index++ >= idle) break;
      parsed.compact();
    }
  }
}
