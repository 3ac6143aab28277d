// Names declared elsewhere in the file that completion offers: input variables,
// locals, the port labels of the current group and the meta keys in scope.
import type { OutlineBlock } from './tolerantOutline';

export interface DeclaredName {
  readonly name: string;
  /** What the declaration says about it: a variable's default or a local's value. */
  readonly detail: string | undefined;
}

export function declaredVariables(root: OutlineBlock): DeclaredName[] {
  const fromBlocks = root.blocks
    .filter((b) => b.type === 'variable' && b.labels[0])
    .map((b) => ({ name: b.labels[0], detail: b.attributes.find((a) => a.name === 'default')?.valueText }));
  const fromVariablesBlocks = root.blocks
    .filter((b) => b.type === 'variables')
    .flatMap((b) => b.attributes.map((a) => ({ name: a.name, detail: a.valueText })));
  return [...fromBlocks, ...fromVariablesBlocks];
}

export function declaredLocals(root: OutlineBlock): DeclaredName[] {
  return root.blocks.filter((b) => b.type === 'locals').flatMap((b) => b.attributes.map((a) => ({ name: a.name, detail: a.valueText })));
}

function descendants(block: OutlineBlock): OutlineBlock[] {
  return block.blocks.flatMap((child) => [child, ...descendants(child)]);
}

/** Labels of the `port` blocks in the group around the cursor (its `network` blocks, including task-level ones). */
export function portLabels(enclosing: readonly OutlineBlock[]): string[] {
  const group = [...enclosing].reverse().find((b) => b.type === 'group');
  if (!group) return [];
  return descendants(group).flatMap((b) => (b.type === 'port' && b.labels[0] ? [b.labels[0]] : []));
}

/** Keys of `meta` blocks and map attributes on the job, group and task around the cursor. */
export function metaKeys(enclosing: readonly OutlineBlock[]): string[] {
  const keys = new Set<string>();
  for (const block of enclosing) {
    for (const meta of block.blocks.filter((b) => b.type === 'meta')) meta.attributes.forEach((a) => keys.add(a.name));
    for (const attribute of block.attributes.filter((a) => a.name === 'meta')) {
      for (const match of attribute.valueText.matchAll(/(?:^|[{,\n])\s*"?([\w.-]+)"?\s*[=:]/g)) keys.add(match[1]);
    }
  }
  return [...keys];
}
