// textDocument/completion for every job file shape: native HCL reads the text around
// the cursor; API JSON and HCL-JSON follow the JSON path. Items leave their
// documentation to completionItem/resolve (completionDocs.ts).
import type { CompletionItem, CompletionList } from 'vscode-languageserver-types';
import type { Position, TextDocument } from 'vscode-languageserver-textdocument';
import type { ParsedJobDocument } from '../../jobDocument';
import { completeHcl } from './hclCompletion';
import { completeHclJson } from './hclJsonCompletion';
import { completeApiJson } from './jsonCompletion';
import type { ValueSources } from './valueOptions';
import { orderByTargetVersion } from './versionOrder';

/**
 * `sources`: the schema, and the connected cluster's names (read only when a value could be one).
 * `targetVersion`: the Nomad version the file is checked against; newer fields come last.
 */
export function doComplete(
  document: TextDocument,
  position: Position,
  parsed: ParsedJobDocument,
  sources: ValueSources,
  targetVersion?: string,
): CompletionList {
  const offset = document.offsetAt(position);
  const ordered = (items: CompletionItem[], hclNames: boolean): CompletionList => ({
    isIncomplete: false,
    items: orderByTargetVersion(items, sources.model, targetVersion, hclNames),
  });
  switch (parsed.shape) {
    case 'hcl':
      return ordered(completeHcl(document, offset, sources), true);
    case 'hcl-json':
      return ordered(completeHclJson(document, offset, parsed.json.root, sources), true);
    case 'api-json': {
      const jobPath = parsed.job === parsed.json.root ? [] : ['Job'];
      return ordered(completeApiJson(document, offset, parsed.json.root, jobPath, sources), false);
    }
    default:
      return { isIncomplete: false, items: [] };
  }
}
