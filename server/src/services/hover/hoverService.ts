// textDocument/hover for every job file shape (HCL-JSON shares the HCL AST).
import type { Hover } from 'vscode-languageserver-types';
import type { Position, TextDocument } from 'vscode-languageserver-textdocument';
import type { ParsedJobDocument } from '../../jobDocument';
import type { SchemaModel } from '../../schema/schemaModel';
import { hoverHcl } from './hclHover';
import { hoverApiJson } from './jsonHover';

export function doHover(document: TextDocument, position: Position, parsed: ParsedJobDocument, schema: SchemaModel): Hover | undefined {
  const offset = document.offsetAt(position);
  switch (parsed.shape) {
    case 'hcl':
    case 'hcl-json':
      return hoverHcl(document, offset, parsed.hcl, schema);
    case 'api-json':
      return hoverApiJson(document, offset, parsed.json.root, parsed.job === parsed.json.root ? [] : ['Job'], schema);
    default:
      return undefined;
  }
}
