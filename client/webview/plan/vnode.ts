// A tiny virtual DOM: the page is described as plain objects, then built with
// createElement / createTextNode / setAttribute only. Server text can only
// ever become a text node, never markup, and the description can be tested
// under Node without a browser.

export interface VElement {
  tag: string;
  attrs: Record<string, string>;
  children: VNode[];
}

export interface VText {
  text: string;
}

export type VNode = VElement | VText;

export type Child = VNode | string | false | null | undefined | Child[];

export function h(tag: string, attrs: Record<string, string | false | undefined> = {}, ...children: Child[]): VElement {
  const clean: Record<string, string> = {};
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined && value !== false) clean[name] = value;
  return { tag, attrs: clean, children: flatten(children) };
}

function flatten(children: Child[]): VNode[] {
  const nodes: VNode[] = [];
  for (const child of children) {
    if (child === false || child === null || child === undefined) continue;
    if (Array.isArray(child)) nodes.push(...flatten(child));
    else nodes.push(typeof child === 'string' ? { text: child } : child);
  }
  return nodes;
}

export function isElement(node: VNode): node is VElement {
  return 'tag' in node;
}

/** The DOM calls `toDom` needs, so tests can pass a recording fake and browsers the real document. */
export interface DomFactory<N, E extends N> {
  createElement(tag: string): E;
  createTextNode(text: string): N;
  setAttribute(element: E, name: string, value: string): void;
  append(parent: E, child: N): void;
}

const SAFE_TAG = /^[a-z][a-z0-9]*$/;
const SAFE_ATTRIBUTE = /^(?!on)[a-z][a-z0-9-]*$/;

export function toDom<N, E extends N>(node: VNode, dom: DomFactory<N, E>): N {
  if (!isElement(node)) return dom.createTextNode(node.text);
  if (!SAFE_TAG.test(node.tag)) throw new Error(`Refusing to create <${node.tag}>`);
  const element = dom.createElement(node.tag);
  for (const [name, value] of Object.entries(node.attrs)) {
    if (!SAFE_ATTRIBUTE.test(name)) throw new Error(`Refusing attribute ${name}`);
    dom.setAttribute(element, name, value);
  }
  for (const child of node.children) dom.append(element, toDom(child, dom));
  return element;
}
