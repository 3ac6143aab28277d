// Hover on property names in API JSON job files, from the same schema as HCL.
import { getLocation, type JSONPath, type Node } from 'jsonc-parser';
import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { SchemaModel } from '../../schema/schemaModel';
import { apiSchemaAt } from '../completion/jsonCompletion';
import { propertyMarkdown } from './propertyDocs';

export function hoverApiJson(document: TextDocument, offset: number, root: Node | undefined, jobPath: JSONPath, model: SchemaModel): Hover | undefined {
  const location = getLocation(document.getText(), offset);
  const key = location.previousNode;
  if (!location.isAtPropertyKey || !key || location.path.length <= jobPath.length) return undefined;
  if (jobPath.some((segment, i) => location.path[i] !== segment)) return undefined;
  const inJob = location.path.slice(jobPath.length);
  const name = inJob[inJob.length - 1];
  if (typeof name !== 'string') return undefined;
  const container = apiSchemaAt(model, root, jobPath, inJob.slice(0, -1));
  const inDriverConfig = inJob[inJob.length - 2] === 'Config';
  const property = inDriverConfig ? container?.hclProperty(name) : container?.apiProperty(name);
  if (!property) return undefined;
  return {
    contents: { kind: MarkupKind.Markdown, value: propertyMarkdown(property, name) },
    range: { start: document.positionAt(key.offset), end: document.positionAt(key.offset + key.length) },
  };
}
