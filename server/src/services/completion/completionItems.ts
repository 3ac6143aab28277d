// Builds completion items: schema fields as attributes or blocks, and plain values.
import {
  CompletionItemKind,
  CompletionItemTag,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type Range,
} from 'vscode-languageserver-types';
import type { BlockSchema, PropertySchema } from '../../schema/schemaModel';
import { describeType } from '../hover/propertyDocs';
import { propertyDocKey } from './completionDocs';
import { attributeSnippet, blockSnippet, type ExtraChoices } from './snippets';

const isBlockLike = (p: PropertySchema): boolean => p.kind !== 'attribute';

/** Required first, deprecated last, otherwise by name. */
function sortKey(property: PropertySchema, name: string): string {
  const group = property.required ? '0' : property.deprecated ? '2' : '1';
  return `${group}${name}`;
}

/**
 * A schema field named `name` (HCL or API) inserting the snippet `newText`, in any
 * syntax. Its documentation comes with completionItem/resolve (completionDocs.ts).
 */
export function propertyItem(property: PropertySchema, name: string, range: Range, newText: string, filterText?: string): CompletionItem {
  const item: CompletionItem = {
    label: name,
    kind: isBlockLike(property) ? CompletionItemKind.Module : CompletionItemKind.Property,
    detail: describeType(property),
    sortText: sortKey(property, name),
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range, newText },
    data: propertyDocKey(property, name),
  };
  if (filterText !== undefined) item.filterText = filterText;
  if (property.deprecated) item.tags = [CompletionItemTag.Deprecated];
  return item;
}

export function fieldItem(property: PropertySchema, range: Range, extraChoices?: ExtraChoices): CompletionItem | undefined {
  const name = property.hclName;
  if (name === undefined) return undefined;
  const snippet = isBlockLike(property) ? blockSnippet(name, property, extraChoices) : attributeSnippet(name, property, extraChoices);
  return propertyItem(property, name, range, snippet);
}

export interface PresentItems {
  readonly attributes: ReadonlySet<string>;
  readonly blocks: ReadonlySet<string>;
}

/** Fields that may still be written in a body: single blocks and attributes already there are left out. */
export function bodyFieldItems(schema: BlockSchema, present: PresentItems, range: Range, extraChoices?: ExtraChoices): CompletionItem[] {
  const items: CompletionItem[] = [];
  for (const property of schema.properties) {
    const name = property.hclName;
    if (name === undefined || property.readOnly) continue;
    const single = property.kind === 'attribute' || property.kind === 'block' || property.kind === 'mapAttribute';
    if (single && (present.attributes.has(name) || present.blocks.has(name))) continue;
    const item = fieldItem(property, range, extraChoices);
    if (item) items.push(item);
  }
  return items;
}

/** `dynamic "x" { for_each = ... content { } }` for the repeatable blocks of a body. */
export function dynamicBlockItem(schema: BlockSchema, range: Range): CompletionItem | undefined {
  const repeatable = schema.properties.filter(
    (p) => p.hclName !== undefined && !p.readOnly && (p.kind === 'blocks' || p.kind === 'labeledBlocks' || p.kind === 'mapBlocks'),
  );
  if (!repeatable.length) return undefined;
  const choices = repeatable.map((p) => p.hclName).join(',');
  return {
    label: 'dynamic',
    kind: CompletionItemKind.Snippet,
    detail: 'generated blocks',
    documentation: {
      kind: MarkupKind.Markdown,
      value: 'Generates one block per element of `for_each`; inside `content`, the iterator (named after the block type) holds `key` and `value`.',
    },
    sortText: '3dynamic',
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range, newText: `dynamic "\${1|${choices}|}" {\n\tfor_each = \${2:var.items}\n\n\tcontent {\n\t\t$0\n\t}\n}` },
  };
}

export interface ValueOption {
  readonly label: string;
  /** Text inserted; the label when absent. */
  readonly insert?: string;
  readonly kind: CompletionItemKind;
  readonly detail?: string;
  readonly documentation?: string;
  /** Sorted before the others (e.g. the default value). */
  readonly preferred?: boolean;
}

export function valueItem(option: ValueOption, range: Range): CompletionItem {
  const item: CompletionItem = {
    label: option.label,
    kind: option.kind,
    sortText: `${option.preferred ? '0' : '1'}${option.label}`,
    textEdit: { range, newText: option.insert ?? option.label },
  };
  if (option.detail) item.detail = option.detail;
  if (option.documentation) item.documentation = { kind: MarkupKind.Markdown, value: option.documentation };
  return item;
}
