// Finds what the cursor is on in the AST: the blocks around it and the block
// header or attribute under it. Shared by hover and code actions.
import type { Attribute, Block, Body, Span } from '../../hcl/ast';
import { isBlock } from '../../hcl/ast';
import type { BlockStep } from '../completion/schemaPath';

export type Target =
  | { kind: 'blockType'; block: Block }
  | { kind: 'label'; block: Block; index: number }
  | { kind: 'attributeName'; attribute: Attribute }
  | { kind: 'attributeValue'; attribute: Attribute };

export interface AstPath {
  /** Blocks containing the offset, outermost first (including the block whose header is targeted). */
  readonly blocks: readonly Block[];
  readonly target: Target | undefined;
}

export const contains = (span: Span, offset: number): boolean => span.start <= offset && offset <= span.end;

export function astPathAt(body: Body, offset: number): AstPath {
  const blocks: Block[] = [];
  let current: Body = body;
  for (;;) {
    const item = current.items.find((i) => contains(i, offset));
    if (!item) return { blocks, target: undefined };
    if (!isBlock(item)) {
      const onName = contains(item.nameSpan, offset);
      return { blocks, target: { kind: onName ? 'attributeName' : 'attributeValue', attribute: item } };
    }
    blocks.push(item);
    if (contains(item.typeSpan, offset)) return { blocks, target: { kind: 'blockType', block: item } };
    const label = item.labels.findIndex((l) => contains(l, offset));
    if (label !== -1) return { blocks, target: { kind: 'label', block: item, index: label } };
    current = item.body;
  }
}

/** A block's `driver` attribute when it is a plain string. */
export function driverOf(block: Block): string | undefined {
  const driver = block.body.items.find((i): i is Attribute => !isBlock(i) && i.name === 'driver');
  return driver?.value?.kind === 'literal' && typeof driver.value.value === 'string' ? driver.value.value : undefined;
}

export function stepsOf(blocks: readonly Block[]): BlockStep[] {
  return blocks.map((b) => ({ type: b.type, labels: b.labels.map((l) => l.value), driver: driverOf(b) }));
}
