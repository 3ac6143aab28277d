// Completion in HCL-JSON jobspecs (`{"job": {"web": {...}}}`): HCL names as keys,
// read the way json/hclJsonToAst.ts reads them. A block type's value holds one
// object level per label, and arrays stand for repeated blocks; the schema says
// which keys are blocks. Items and values are those of the other shapes.
import { findNodeAtLocation, type JSONPath, type Node } from 'jsonc-parser';
import type { CompletionItem } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isBlockKind, labelCount, type BlockSchema, type PropertySchema, type SchemaModel } from '../../schema/schemaModel';
import { jsonCursor, jsonKeyItems, jsonStringAt, jsonValueItems, jsonValueTarget } from './jsonItems';
import { bodySchemaAt, type BlockStep } from './schemaPath';
import { builtInDriverChoices, labelPlaceholder, valueSnippet, type ExtraChoices } from './snippets';
import { schemaValueOptions, type ValueSources } from './valueOptions';

/** The innermost block body around the cursor. */
interface BlockPlace {
  /** The blocks from the top of the file down to it, as native HCL would write them. */
  readonly steps: readonly BlockStep[];
  /** Its object's JSON path. */
  readonly objectPath: JSONPath;
  /** The rest of the cursor's path inside it: the key being typed, or an attribute's key (and list index). */
  readonly rest: JSONPath;
}

/** How many labels a block key takes in `body`; undefined when the key is not a block. */
function labelsOf(body: BlockSchema, key: string): number | undefined {
  const property = body.hclProperty(key);
  if (property) return isBlockKind(property.kind) ? labelCount(property.kind) : undefined;
  // `"dynamic": {"port": {...}}` generates blocks wherever they are allowed (as hclJsonToAst reads it).
  return key === 'dynamic' ? 1 : undefined;
}

/**
 * Follows block keys and their labels down the cursor's path. At a key, the key being
 * typed is never followed, even when it names a block already. Undefined at a label,
 * or at the value of a block key itself.
 */
function blockPlace(model: SchemaModel, root: Node | undefined, path: JSONPath, atKey: boolean): BlockPlace | undefined {
  const walkable = atKey ? path.slice(0, -1) : path;
  const steps: BlockStep[] = [];
  let body = bodySchemaAt(model, steps);
  let at = 0;
  while (at < walkable.length && body && !body.freeForm) {
    const key = walkable[at];
    const labels = typeof key === 'string' ? labelsOf(body, key) : undefined;
    if (labels === undefined) break;
    let next = at + 1;
    const found: string[] = [];
    // Array indices between the levels are repeated blocks (or repeated labels).
    while (next < walkable.length && found.length < labels) {
      const segment = walkable[next++];
      if (typeof segment === 'string') found.push(segment);
    }
    while (typeof walkable[next] === 'number') next++;
    if (found.length < labels || (next >= walkable.length && !atKey)) return undefined;
    const objectPath = walkable.slice(0, next);
    const driver = root && findNodeAtLocation(root, [...objectPath, 'driver'])?.value;
    steps.push({ type: key as string, labels: found, driver: typeof driver === 'string' ? driver : undefined });
    body = bodySchemaAt(model, steps);
    at = next;
  }
  return { steps, objectPath: walkable.slice(0, at), rest: path.slice(at) };
}

/** The value after `"key": `: blocks are objects keyed by their labels; attribute values read as in HCL. */
function hclJsonValueSnippet(property: PropertySchema, extraChoices: ExtraChoices): string {
  switch (property.kind) {
    case 'labeledBlocks':
    case 'mapBlocks':
      return `{"${labelPlaceholder(property, 1)}": {$0}}`;
    case 'block':
    case 'blocks':
    case 'mapAttribute':
      return '{$0}';
    default:
      // HCL's literal values (strings, numbers, booleans, lists) are written the same in JSON.
      return valueSnippet(property, 1, extraChoices);
  }
}

export function completeHclJson(document: TextDocument, offset: number, root: Node | undefined, sources: ValueSources): CompletionItem[] {
  const cursor = jsonCursor(document, offset);
  if (!cursor) return [];
  const place = blockPlace(sources.model, root, cursor.path, cursor.isAtPropertyKey);
  const owner = place && bodySchemaAt(sources.model, place.steps);
  if (!place || !owner) return [];
  if (cursor.isAtPropertyKey) {
    // Deeper keys belong to an attribute's object (`meta`, `env`): any name goes.
    if (place.rest.length !== 1) return [];
    const fields = owner.properties.flatMap((property) => (property.hclName === undefined ? [] : [{ property, key: property.hclName }]));
    const drivers = builtInDriverChoices(sources.model);
    return jsonKeyItems(root, place.objectPath, cursor, fields, (property) => hclJsonValueSnippet(property, drivers));
  }
  const target = jsonValueTarget(place.rest);
  if (!target || target.objectPath.length > 0) return [];
  const placementTarget = jsonStringAt(root, place.objectPath, 'attribute');
  const site = { owner, property: owner.hclProperty(target.key), inString: false, inList: target.inList, placementTarget, durationsAsText: true };
  return jsonValueItems(schemaValueOptions(sources, site), cursor.range);
}
