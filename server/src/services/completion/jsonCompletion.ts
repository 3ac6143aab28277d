// Completion in API JSON job files (`{"Job": {...}}` or a bare Job): property names
// and values from the same schema as HCL, keyed by API names.
import { findNodeAtLocation, getLocation, type JSONPath, type Node } from 'jsonc-parser';
import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type Range,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { BlockSchema, PropertySchema, SchemaModel } from '../../schema/schemaModel';
import { describeType, propertyMarkdown } from '../hover/propertyDocs';
import { stringEnum } from './snippets';

/** The object schema at `path` (a path to an object), following arrays, map keys and a task's driver config. */
export function apiSchemaAt(model: SchemaModel, root: Node | undefined, jobPath: JSONPath, path: JSONPath): BlockSchema | undefined {
  let schema = model.jobBlock();
  let expectMapKey = false;
  for (let i = 0; i < path.length && schema; i++) {
    const segment = path[i];
    if (typeof segment === 'number') continue;
    if (expectMapKey) {
      expectMapKey = false;
      continue;
    }
    const property: PropertySchema | undefined = schema.apiProperty(segment);
    if (!property) return undefined;
    if (property.kind === 'mapBlocks') expectMapKey = true;
    const driver = property.driverField && findNodeAtLocation(root as Node, [...jobPath, ...path.slice(0, i), property.driverField])?.value;
    schema = model.bodyInContext(property, typeof driver === 'string' ? driver : undefined);
  }
  return schema;
}

function valueSnippet(property: PropertySchema): string {
  const options = stringEnum(property);
  if (options.length) return `"\${1|${options.join(',')}|}"`;
  const types = property.types;
  if (property.kind === 'blocks' || property.kind === 'labeledBlocks') return '[$1]';
  if (property.kind !== 'attribute') return '{$1}';
  if (types.includes('boolean')) return '${1|false,true|}';
  if (types.includes('integer') || types.includes('number')) return typeof property.defaultValue === 'number' ? `\${1:${property.defaultValue}}` : '$1';
  if (types.includes('array')) return '[$1]';
  if (types.includes('object')) return '{$1}';
  if (types.includes('string')) return '"$1"';
  return '$1';
}

function keyName(property: PropertySchema, inDriverConfig: boolean): string | undefined {
  return inDriverConfig ? property.hclName : property.apiName;
}

function rangeOf(document: TextDocument, node: Node | undefined, offset: number): Range {
  const text = document.getText();
  // getLocation reports a key being typed as a `property` node spanning just the quoted key.
  if (node && (node.type === 'property' || node.type === 'string' || node.type === 'number' || node.type === 'boolean' || node.type === 'null')) {
    return { start: document.positionAt(node.offset), end: document.positionAt(node.offset + node.length) };
  }
  let start = offset;
  while (start > 0 && /[\w"]/.test(text[start - 1])) start--;
  return { start: document.positionAt(start), end: document.positionAt(offset) };
}

/** `jobPath`: where the Job object sits ([] for a bare Job, ['Job'] when wrapped). */
export function completeApiJson(document: TextDocument, offset: number, root: Node | undefined, jobPath: JSONPath, model: SchemaModel): CompletionItem[] {
  const location = getLocation(document.getText(), offset);
  const path = location.path;
  if (path.length <= jobPath.length || jobPath.some((segment, i) => path[i] !== segment)) return [];
  const inJob = path.slice(jobPath.length);
  const container = apiSchemaAt(model, root, jobPath, inJob.slice(0, -1));
  if (!container) return [];
  const inDriverConfig = inJob[inJob.length - 2] === 'Config';
  const range = rangeOf(document, location.previousNode, offset);
  if (location.isAtPropertyKey) {
    const object = findNodeAtLocation(root as Node, [...jobPath, ...inJob.slice(0, -1)]);
    const present = new Set((object?.children ?? []).map((p) => p.children?.[0]?.value));
    return container.properties.flatMap((property) => {
      const key = keyName(property, inDriverConfig);
      if (key === undefined || property.readOnly || (present.has(key) && key !== location.previousNode?.value)) return [];
      return [
        {
          label: key,
          kind: property.kind === 'attribute' ? CompletionItemKind.Property : CompletionItemKind.Module,
          detail: describeType(property),
          documentation: { kind: MarkupKind.Markdown, value: propertyMarkdown(property, key) },
          insertTextFormat: InsertTextFormat.Snippet,
          textEdit: { range, newText: `"${key}": ${valueSnippet(property)}` },
          filterText: `"${key}"`,
        },
      ];
    });
  }
  const last = inJob[inJob.length - 1];
  const property = typeof last === 'string' ? (inDriverConfig ? container.hclProperty(last) : container.apiProperty(last)) : undefined;
  if (!property) return [];
  const values: string[] = stringEnum(property).map((v) => JSON.stringify(v));
  if (property.types.includes('boolean')) values.push('true', 'false');
  return values.map((value) => ({ label: value, kind: CompletionItemKind.EnumMember, textEdit: { range, newText: value } }));
}
