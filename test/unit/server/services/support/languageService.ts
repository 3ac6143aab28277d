// The real language service (parser, schema, diagnostics) for feature tests.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService, type NomadLanguageService, type ParsedJobDocument } from '../../../../../server/src/languageService';

let service: Promise<NomadLanguageService> | undefined;

export function languageService(): Promise<NomadLanguageService> {
  service ??= createLanguageService();
  return service;
}

export interface OpenDocument {
  readonly document: TextDocument;
  readonly parsed: ParsedJobDocument;
  readonly service: NomadLanguageService;
}

export async function openDocument(text: string, languageId = 'nomad', uri = languageId === 'json' ? 'file:///job.json' : 'file:///job.nomad.hcl'): Promise<OpenDocument> {
  const ls = await languageService();
  const document = TextDocument.create(uri, languageId, 1, text);
  return { document, parsed: ls.parseJobDocument(document, undefined, { languageId }), service: ls };
}
