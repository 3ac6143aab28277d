// The outline of an API JSON job: the Job, then every nested block-like field
// (TaskGroups, Tasks, Services, Volumes, ...) named as in HCL: `group "app"`.
import type { Node } from 'jsonc-parser';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { BlockSchema, SchemaModel } from '../../schema/schemaModel';
import { headerName } from './documentSymbols';

const KINDS: Record<string, SymbolKind> = {
  group: SymbolKind.Namespace,
  task: SymbolKind.Class,
  service: SymbolKind.Interface,
  check: SymbolKind.Event,
  volume: SymbolKind.Struct,
};

function rangeOf(document: TextDocument, node: Node): DocumentSymbol['range'] {
  return { start: document.positionAt(node.offset), end: document.positionAt(node.offset + node.length) };
}

function stringProperty(object: Node, key: string): string | undefined {
  const value = object.children?.find((p) => p.children?.[0]?.value === key)?.children?.[1]?.value;
  return typeof value === 'string' ? value : undefined;
}

class JsonOutline {
  constructor(
    private readonly document: TextDocument,
    private readonly model: SchemaModel,
  ) {}

  symbol(name: string, kind: SymbolKind, node: Node, key: Node | undefined, schema: BlockSchema | undefined): DocumentSymbol {
    return {
      name,
      kind,
      range: rangeOf(this.document, node),
      selectionRange: rangeOf(this.document, key ?? node),
      children: schema && node.type === 'object' ? this.children(node, schema) : [],
    };
  }

  /** One symbol per block-like value in `object`; plain attributes are left out. */
  children(object: Node, schema: BlockSchema): DocumentSymbol[] {
    const symbols: DocumentSymbol[] = [];
    for (const property of object.children ?? []) {
      const [keyNode, value] = property.children ?? [];
      const field = typeof keyNode?.value === 'string' ? schema.apiProperty(keyNode.value) : undefined;
      if (!field || !value || field.kind === 'attribute' || field.kind === 'mapAttribute') continue;
      const type = field.hclName ?? field.key;
      const kind = KINDS[type] ?? SymbolKind.Object;
      const driver = field.driverField === undefined ? undefined : stringProperty(object, field.driverField);
      const body = this.model.bodyInContext(field, driver);
      if (field.kind === 'block') symbols.push(this.symbol(type, kind, property, keyNode, body));
      else if (field.kind === 'mapBlocks' && value.type === 'object') {
        for (const entry of value.children ?? []) {
          const [entryKey, entryValue] = entry.children ?? [];
          if (entryValue) symbols.push(this.symbol(headerName(type, [String(entryKey?.value)]), kind, entry, entryKey, body));
        }
      } else if (value.type === 'array') {
        for (const element of value.children ?? []) {
          const labelField = field.labelFields[0];
          const label = labelField && element.type === 'object' ? stringProperty(element, labelField) : undefined;
          symbols.push(this.symbol(headerName(type, label === undefined ? [] : [label]), kind, element, undefined, body));
        }
      }
    }
    return symbols;
  }
}

export function apiJsonDocumentSymbols(document: TextDocument, job: Node, model: SchemaModel): DocumentSymbol[] {
  const schema = model.jobBlock();
  const id = stringProperty(job, 'ID') ?? stringProperty(job, 'Name');
  return [new JsonOutline(document, model).symbol(headerName('job', id === undefined ? [] : [id]), SymbolKind.Module, job, undefined, schema)];
}
