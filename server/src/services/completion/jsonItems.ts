// What completion in both JSON shapes (API JSON and HCL-JSON) shares: where the
// cursor is in the JSON, property-name items with a value snippet, and value items.
import { findNodeAtLocation, getLocation, type JSONPath, type Node } from 'jsonc-parser';
import type { CompletionItem, Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PropertySchema } from '../../schema/schemaModel';
import { propertyItem, valueItem, type ValueOption } from './completionItems';

export interface JsonCursor {
  /** The JSON path of the cursor; at a key, its last segment is the key being typed. */
  readonly path: JSONPath;
  readonly isAtPropertyKey: boolean;
  /** The key being typed, or the value's token (quotes included): what a completion replaces. */
  readonly range: Range;
  /** At a key: the key as typed so far. */
  readonly typedKey: unknown;
}

const TOKEN_TYPES = new Set(['property', 'string', 'number', 'boolean', 'null']);

/**
 * Where the cursor is in the JSON; undefined just past a finished key or value
 * (`"a": true |`), where nothing is being typed.
 */
export function jsonCursor(document: TextDocument, offset: number): JsonCursor | undefined {
  const location = getLocation(document.getText(), offset);
  const node = location.previousNode;
  const range = (start: number, end: number): Range => ({ start: document.positionAt(start), end: document.positionAt(end) });
  // getLocation reports a key being typed as a `property` node spanning just the quoted key.
  if (node && TOKEN_TYPES.has(node.type)) {
    const end = node.offset + node.length;
    if (offset < node.offset || offset > end) return undefined;
    return { path: location.path, isAtPropertyKey: location.isAtPropertyKey, range: range(node.offset, end), typedKey: node.value };
  }
  const text = document.getText();
  let start = offset;
  while (start > 0 && /[\w"]/.test(text[start - 1])) start--;
  return { path: location.path, isAtPropertyKey: location.isAtPropertyKey, range: range(start, offset), typedKey: node?.value };
}

export interface JsonField {
  readonly property: PropertySchema;
  /** The key it is written as: an API name, or an HCL name. */
  readonly key: string;
}

/**
 * `"key": <value>` items for the JSON object at `objectPath`. A key may appear once in
 * a JSON object, so keys already there are left out, except the one being typed.
 */
export function jsonKeyItems(
  root: Node | undefined,
  objectPath: JSONPath,
  cursor: JsonCursor,
  fields: readonly JsonField[],
  valueSnippet: (property: PropertySchema) => string,
): CompletionItem[] {
  const object = root && findNodeAtLocation(root, objectPath);
  const present = new Set((object?.children ?? []).map((p) => p.children?.[0]?.value));
  return fields.flatMap(({ property, key }) =>
    property.readOnly || (present.has(key) && key !== cursor.typedKey)
      ? []
      : [propertyItem(property, key, cursor.range, `"${key}": ${valueSnippet(property)}`, `"${key}"`)],
  );
}

export interface JsonValueTarget {
  /** The path of the object holding the attribute. */
  readonly objectPath: JSONPath;
  readonly key: string;
  /** The cursor is at an element of the attribute's list. */
  readonly inList: boolean;
}

/** The attribute whose value the cursor is at (`path` from jsonCursor, not at a key). */
export function jsonValueTarget(path: JSONPath): JsonValueTarget | undefined {
  const last = path[path.length - 1];
  if (typeof last === 'string') return { objectPath: path.slice(0, -1), key: last, inList: false };
  const key = path[path.length - 2];
  return typeof last === 'number' && typeof key === 'string' ? { objectPath: path.slice(0, -2), key, inList: true } : undefined;
}

/** A string property of the object at `objectPath`, such as a constraint's target. */
export function jsonStringAt(root: Node | undefined, objectPath: JSONPath, key: string | undefined): string | undefined {
  const value = root && key !== undefined ? findNodeAtLocation(root, [...objectPath, key])?.value : undefined;
  return typeof value === 'string' ? value : undefined;
}

/**
 * Value items whose label is the JSON text inserted (`"batch"`), as VS Code's own JSON
 * completion shows them: the replaced token starts with a quote, and so must the label.
 */
export function jsonValueItems(options: readonly ValueOption[], range: Range): CompletionItem[] {
  return options.map((option) => valueItem({ ...option, label: option.insert ?? option.label }, range));
}
