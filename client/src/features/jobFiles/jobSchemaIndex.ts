// How each HCL name of a jobspec maps to the API JSON, read from the project's
// jobspec schema (common/schema/job.schema.json, generated from
// Nomad's api structs): per struct, the HCL name, its kind of syntax, the API
// field, the label field, durations and the body's struct.
import jobSchema from '../../../../common/schema/job.schema.json';

export type HclKind = 'attribute' | 'block' | 'blocks' | 'labeledBlocks' | 'mapBlocks' | 'mapAttribute';

export interface HclField {
  /** The API JSON property. */
  api: string;
  kind: HclKind;
  /** For labeled blocks: the API property the label goes to. */
  label?: string;
  /** API integer nanoseconds; HCL may write "10s". */
  duration: boolean;
  /** A construct of the HCL syntax only (a shorthand, or a block Nomad moves elsewhere). */
  hclOnly: boolean;
  /** The struct of the block's body; absent for free-form maps (driver config, meta). */
  definition?: string;
  /** A free-form map whose values are strings (meta, env). */
  stringValues: boolean;
}

interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  items?: SchemaNode;
  additionalProperties?: boolean | SchemaNode;
  properties?: Record<string, SchemaNode>;
  'x-hcl'?: string;
  'x-hclKind'?: HclKind;
  'x-label'?: string;
  'x-duration'?: boolean;
  'x-hclOnly'?: boolean;
  'x-readOnly'?: boolean;
}

let index: Map<string, Map<string, HclField>> | undefined;

/** The field written as `hclName` inside a block of struct `definition` (e.g. 'TaskGroup', 'count'). */
export function hclField(definition: string, hclName: string): HclField | undefined {
  index ??= buildIndex((jobSchema as { definitions: Record<string, SchemaNode> }).definitions);
  return index.get(definition)?.get(hclName);
}

function buildIndex(definitions: Record<string, SchemaNode>): Map<string, Map<string, HclField>> {
  const result = new Map<string, Map<string, HclField>>();
  for (const [name, definition] of Object.entries(definitions)) {
    const fields = new Map<string, HclField>();
    for (const [api, property] of Object.entries(definition.properties ?? {})) {
      const hcl = property['x-hcl'];
      const kind = property['x-hclKind'];
      if (!hcl || !kind || property['x-readOnly']) continue;
      const values = typeof property.additionalProperties === 'object' ? property.additionalProperties : undefined;
      const target = property.$ref ?? property.items?.$ref ?? values?.$ref;
      fields.set(hcl, {
        api,
        kind,
        label: property['x-label'],
        duration: property['x-duration'] === true,
        hclOnly: property['x-hclOnly'] === true,
        definition: target?.replace('#/definitions/', ''),
        stringValues: [values?.type].flat().includes('string'),
      });
    }
    result.set(name, fields);
  }
  return result;
}
