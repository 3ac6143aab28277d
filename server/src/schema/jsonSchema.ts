// The part of JSON Schema (draft-07) the schema data uses, with the `x-`
// annotations described in common/schema/README.md.

/** How a property is written in HCL. */
export type HclKind = 'attribute' | 'block' | 'blocks' | 'labeledBlocks' | 'mapBlocks' | 'mapAttribute';

export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object' | 'null';

export interface JsonSchema {
  $id?: string;
  $ref?: string;
  type?: JsonType | JsonType[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  required?: string[];
  enum?: unknown[];
  default?: unknown;
  minimum?: number;
  maxItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  definitions?: Record<string, JsonSchema>;
  'x-hcl'?: string;
  'x-hclKind'?: HclKind;
  'x-label'?: string;
  'x-since'?: string;
  'x-deprecated'?: string;
  'x-readOnly'?: boolean;
  'x-duration'?: boolean;
  'x-hclOnly'?: boolean;
  /** First version where the HCL spelling works, when older than the API key (a renamed Go field). */
  'x-hclSince'?: string;
  /** Block limit where `maxItems` cannot say it (the file's single `job`, a map of labeled blocks). */
  'x-maxBlocks'?: number;
  /** Body fields the label fills (the file's `job` label fills ID and Name). */
  'x-labelFills'?: string[];
  /** The labels a labeled block accepts (a task's `scaling` is `cpu` or `mem`). */
  'x-labelEnum'?: string[];
  /** On a driver `config` property: the API name of the sibling field naming the driver. */
  'x-driverConfig'?: string;
}
