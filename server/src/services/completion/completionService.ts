// textDocument/completion for every job file shape: native HCL reads the text around
// the cursor; API JSON and HCL-JSON follow the JSON path. Items leave their
// documentation to completionItem/resolve (completionDocs.ts).
import type { CompletionList } from 'vscode-languageserver-types';
import type { Position, TextDocument } from 'vscode-languageserver-textdocument';
import type { ParsedJobDocument } from '../../jobDocument';
import { completeHcl } from './hclCompletion';
import { completeHclJson } from './hclJsonCompletion';
import { completeApiJson } from './jsonCompletion';
import type { ValueSources } from './valueOptions';

/** `sources`: the schema, and the connected cluster's names (read only when a value could be one). */
export function doComplete(document: TextDocument, position: Position, parsed: ParsedJobDocument, sources: ValueSources): CompletionList {
  const offset = document.offsetAt(position);
  switch (parsed.shape) {
    case 'hcl':
      return { isIncomplete: false, items: completeHcl(document, offset, sources) };
    case 'hcl-json':
      return { isIncomplete: false, items: completeHclJson(document, offset, parsed.json.root, sources) };
    case 'api-json': {
      const jobPath = parsed.job === parsed.json.root ? [] : ['Job'];
      return { isIncomplete: false, items: completeApiJson(document, offset, parsed.json.root, jobPath, sources) };
    }
    default:
      return { isIncomplete: false, items: [] };
  }
}
