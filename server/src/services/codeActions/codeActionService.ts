// textDocument/codeAction: quick fixes for our diagnostics in the requested range,
// plus duration rewrites at the cursor.
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ParsedJobDocument } from '../../jobDocument';
import type { SchemaModel } from '../../schema/schemaModel';
import { DIAGNOSTIC_SOURCE } from '../diagnostics/codes';
import { durationActions } from './durationActions';
import { quickFixesFor } from './quickFixes';

export function getCodeActions(
  document: TextDocument,
  range: Range,
  diagnostics: readonly Diagnostic[],
  parsed: ParsedJobDocument,
  schema: SchemaModel,
): CodeAction[] {
  const file = parsed.shape === 'hcl' ? parsed.hcl : undefined;
  const actions = diagnostics
    .filter((d) => d.source === DIAGNOSTIC_SOURCE)
    .flatMap((d) => quickFixesFor(document, d, file, schema));
  if (file) actions.push(...durationActions(document, document.offsetAt(range.start), file, schema));
  return actions;
}
