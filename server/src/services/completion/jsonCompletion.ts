// Completion in API JSON job files (`{"Job": {...}}` or a bare Job): property names
// and values from the same schema as HCL, keyed by API names.
import { findNodeAtLocation, type JSONPath, type Node } from 'jsonc-parser';
import type { CompletionItem } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { BlockSchema, PropertySchema, SchemaModel } from '../../schema/schemaModel';
import { jsonCursor, jsonKeyItems, jsonStringAt, jsonValueItems, jsonValueTarget } from './jsonItems';
import { stringEnum } from './snippets';
import { schemaValueOptions, type ValueSources } from './valueOptions';

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

/** The value after `"Key": `: API JSON writes durations as nanoseconds and blocks as objects or lists of them. */
function apiValueSnippet(property: PropertySchema): string {
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

/** A driver's `config` is keyed by the driver's own (HCL) names, also in API JSON. */
const isDriverConfig = (objectPath: JSONPath): boolean => objectPath[objectPath.length - 1] === 'Config';

/** `jobPath`: where the Job object sits ([] for a bare Job, ['Job'] when wrapped). */
export function completeApiJson(document: TextDocument, offset: number, root: Node | undefined, jobPath: JSONPath, sources: ValueSources): CompletionItem[] {
  const cursor = jsonCursor(document, offset);
  if (!cursor) return [];
  const path = cursor.path;
  if (path.length <= jobPath.length || jobPath.some((segment, i) => path[i] !== segment)) return [];
  const inJob = path.slice(jobPath.length);
  if (cursor.isAtPropertyKey) {
    const objectPath = inJob.slice(0, -1);
    const container = apiSchemaAt(sources.model, root, jobPath, objectPath);
    if (!container) return [];
    const keyOf = (p: PropertySchema): string | undefined => (isDriverConfig(objectPath) ? p.hclName : p.apiName);
    const fields = container.properties.flatMap((property) => {
      const key = keyOf(property);
      return key === undefined ? [] : [{ property, key }];
    });
    return jsonKeyItems(root, [...jobPath, ...objectPath], cursor, fields, apiValueSnippet);
  }
  const target = jsonValueTarget(inJob);
  if (!target) return [];
  const owner = apiSchemaAt(sources.model, root, jobPath, target.objectPath);
  const inDriverConfig = isDriverConfig(target.objectPath);
  const property = inDriverConfig ? owner?.hclProperty(target.key) : owner?.apiProperty(target.key);
  const placementTarget = jsonStringAt(root, [...jobPath, ...target.objectPath], owner?.hclProperty('attribute')?.apiName);
  // Driver config is passed to the driver as written, so its durations are text even in API JSON.
  const site = { owner, property, inString: false, inList: target.inList, placementTarget, durationsAsText: inDriverConfig };
  return jsonValueItems(schemaValueOptions(sources, site), cursor.range);
}
