// Small questions asked of jsonc-parser trees on both sides.
import type { Node } from 'jsonc-parser';

/** The value of `key` in an object node. */
export function propertyValue(object: Node | undefined, key: string): Node | undefined {
  return propertyOf(object, key)?.children?.[1];
}

/** The key node of property `key` in an object node. */
export function propertyKey(object: Node | undefined, key: string): Node | undefined {
  return propertyOf(object, key)?.children?.[0];
}

function propertyOf(object: Node | undefined, key: string): Node | undefined {
  if (object?.type !== 'object') return undefined;
  return object.children?.find((p) => p.children?.[0]?.value === key);
}
