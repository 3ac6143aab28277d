// Documentation of schema fields in completion lists, built on demand: a list may
// hold a hundred fields, and the editor shows the documentation of one at a time.
// Items carry a small key in `data`; completionItem/resolve turns it into markdown.
import { MarkupKind, type CompletionItem } from 'vscode-languageserver-types';
import type { PropertySchema, SchemaModel } from '../../schema/schemaModel';
import { propertyMarkdown } from '../hover/propertyDocs';

/** What an item needs to find its documentation again: the property's id and the name shown (HCL or API). */
export interface PropertyDocKey {
  readonly property: number;
  readonly name: string;
}

export function propertyDocKey(property: PropertySchema, name: string): PropertyDocKey {
  return { property: property.id, name };
}

export function isPropertyDocKey(data: unknown): data is PropertyDocKey {
  const key = data as Partial<PropertyDocKey> | null | undefined;
  return typeof key?.property === 'number' && typeof key.name === 'string';
}

/** Adds the documentation an item's key stands for; other items come back as they are. */
export function resolveCompletionItem(item: CompletionItem, model: SchemaModel): CompletionItem {
  if (item.documentation !== undefined || !isPropertyDocKey(item.data)) return item;
  const property = model.propertyById(item.data.property);
  if (!property) return item;
  return { ...item, documentation: { kind: MarkupKind.Markdown, value: propertyMarkdown(property, item.data.name) } };
}
