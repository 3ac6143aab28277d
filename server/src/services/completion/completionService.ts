// textDocument/completion for every job file shape: native HCL reads the text around
// the cursor; API JSON follows the JSON path. (HCL-JSON jobspecs get no completion yet.)
import type { CompletionList } from 'vscode-languageserver';
import type { Position, TextDocument } from 'vscode-languageserver-textdocument';
import type { ParsedJobDocument } from '../../jobDocument';
import type { SchemaModel } from '../../schema/schemaModel';
import { completeHcl } from './hclCompletion';
import { completeApiJson } from './jsonCompletion';

export function doComplete(document: TextDocument, position: Position, parsed: ParsedJobDocument, schema: SchemaModel): CompletionList {
  const offset = document.offsetAt(position);
  switch (parsed.shape) {
    case 'hcl':
      return { isIncomplete: false, items: completeHcl(document, offset, schema) };
    case 'api-json': {
      const jobPath = parsed.job === parsed.json.root ? [] : ['Job'];
      return { isIncomplete: false, items: completeApiJson(document, offset, parsed.json.root, jobPath, schema) };
    }
    default:
      return { isIncomplete: false, items: [] };
  }
}
