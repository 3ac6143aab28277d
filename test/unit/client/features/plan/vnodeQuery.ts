// Reading a virtual DOM tree in tests, the way a person reads the page.
import { isElement, type VElement, type VNode } from '../../../../../client/webview/plan/vnode';

/** All text below a node, as a reader would see it. */
export function textOf(node: VNode): string {
  return isElement(node) ? node.children.map(textOf).join('') : node.text;
}

/** Depth-first list of elements matching a predicate. */
export function findAll(node: VNode, predicate: (element: VElement) => boolean): VElement[] {
  if (!isElement(node)) return [];
  return [...(predicate(node) ? [node] : []), ...node.children.flatMap((child) => findAll(child, predicate))];
}
