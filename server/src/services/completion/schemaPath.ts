// Finds the schema of a block from the blocks enclosing it, the way Nomad reads them:
// a task's `config` follows the task's `driver`, and `dynamic "x" { content { } }`
// holds the body of an `x` block.
import type { BlockSchema, PropertySchema, SchemaModel } from '../../schema/schemaModel';

export interface BlockStep {
  readonly type: string;
  readonly labels: readonly string[];
  /** The block's `driver` attribute, when it is a plain string (only tasks have one). */
  readonly driver?: string;
}

export interface ResolvedStep {
  /** The property this block is written for; undefined for `dynamic`/`content` wrappers. */
  readonly property: PropertySchema | undefined;
  /** What the block's body may contain; undefined when the block is unknown. */
  readonly body: BlockSchema | undefined;
}

/** One entry per step; once a block is unknown, everything inside it is unknown too. */
export function resolveBlockPath(model: SchemaModel, steps: readonly BlockStep[]): ResolvedStep[] {
  const resolved: ResolvedStep[] = [];
  let current: BlockSchema | undefined = model.fileBlock();
  let dynamicTarget: PropertySchema | undefined;
  steps.forEach((step, index) => {
    if (!current) {
      resolved.push({ property: undefined, body: undefined });
      return;
    }
    if (step.type === 'dynamic') {
      dynamicTarget = step.labels[0] === undefined ? undefined : current.hclProperty(step.labels[0]);
      current = model.dynamicBlock();
      resolved.push({ property: undefined, body: current });
      return;
    }
    if (step.type === 'content' && dynamicTarget) {
      current = dynamicTarget.body;
      resolved.push({ property: dynamicTarget, body: current });
      dynamicTarget = undefined;
      return;
    }
    const property: PropertySchema | undefined = current.hclProperty(step.type);
    current = property && model.bodyInContext(property, steps[index - 1]?.driver);
    resolved.push({ property, body: current });
  });
  return resolved;
}

/** The schema of the innermost step's body, or the file's top level for an empty path. */
export function bodySchemaAt(model: SchemaModel, steps: readonly BlockStep[]): BlockSchema | undefined {
  if (steps.length === 0) return model.fileBlock();
  return resolveBlockPath(model, steps)[steps.length - 1].body;
}
