// Reads an HCL-JSON jobspec (`{"job": {"name": {...}}}`) into the same AST as
// native HCL. Whether a JSON property is a block or an attribute depends on
// the schema (HCL's JSON syntax is schema-driven): block properties take one
// object level per label, and an array stands for repeated blocks.
import type { Node } from 'jsonc-parser';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Attribute, Block, Body, BodyItem, Expression, HclFile, Label, Reference, SyntaxProblem } from '../hcl/ast';
import { CHECKED_SCOPES } from '../hcl/conversionContext';
import { BlockSchema, isBlockKind, labelCount, SchemaModel } from '../schema/schemaModel';
import { propertyValue } from '../../../common/src/json/properties';
import { nodeSpan, spanOf } from './jsonDocument';

/** HCL-JSON treats a property named "//" as a comment. */
const COMMENT_KEY = '//';
const TEMPLATE_START = /(^|[^$])\$\{|(^|[^%])%\{/;
const INTERPOLATION = /\$\{([^}]*)\}/g;
const SCOPE_REFERENCE = /(?<![\w.])([A-Za-z_][\w]*)\.([A-Za-z_][\w-]*)/g;

export function hclJsonToAst(root: Node, document: TextDocument, schema: SchemaModel, syntaxErrors: readonly SyntaxProblem[]): HclFile {
  const mapper = new HclJsonMapper(document, schema, syntaxErrors);
  const body = root.type === 'object' ? mapper.body(root, schema.fileBlock()) : { items: [], hasError: true };
  return { body, references: mapper.references, syntaxErrors };
}

class HclJsonMapper {
  readonly references: Reference[] = [];
  private readonly text: string;

  constructor(private readonly document: TextDocument, private readonly schema: SchemaModel, private readonly errors: readonly SyntaxProblem[]) {
    this.text = document.getText();
  }

  /** `block` undefined: free-form content, every property an attribute. */
  body(object: Node, block: BlockSchema | undefined, dynamicTarget?: BlockSchema): Body {
    const items: BodyItem[] = [];
    for (const property of object.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      const key: unknown = keyNode?.value;
      if (typeof key !== 'string' || key === COMMENT_KEY) continue;
      const schemaProperty = block?.hclProperty(key);
      if (key === 'content' && dynamicTarget) {
        items.push(...this.blocks(keyNode, valueNode, 0, dynamicTarget));
      } else if (key === 'dynamic' && block && !schemaProperty && !block.freeForm) {
        items.push(...this.blocks(keyNode, valueNode, 1, this.schema.dynamicBlock(), block));
      } else if (block && schemaProperty && isBlockKind(schemaProperty.kind)) {
        const driverAttribute = this.schema.driverAttribute(schemaProperty, block);
        const driver = driverAttribute === undefined ? undefined : propertyValue(object, driverAttribute)?.value;
        const body = this.schema.bodyInContext(schemaProperty, typeof driver === 'string' ? driver : undefined);
        items.push(...this.blocks(keyNode, valueNode, labelCount(schemaProperty.kind), body));
      } else if (block && !schemaProperty && !block.extraAttributes && valueNode?.type === 'object') {
        items.push(...this.blocks(keyNode, valueNode, 0, undefined)); // unknown, but written like a block: call it one
      } else {
        items.push(this.attribute(property, keyNode, valueNode));
      }
    }
    const end = object.offset + object.length;
    return { items, hasError: this.errors.some((e) => e.start >= object.offset && e.start < end) };
  }

  /** The blocks a property value stands for: objects nested once per label, arrays meaning "several". */
  private blocks(keyNode: Node, value: Node | undefined, labels: number, body: BlockSchema | undefined, dynamicOwner?: BlockSchema): BodyItem[] {
    const out: BodyItem[] = [];
    const visit = (node: Node | undefined, found: Label[]): void => {
      if (!node) return;
      if (node.type === 'array') {
        for (const element of node.children ?? []) visit(element, found);
      } else if (node.type === 'object' && found.length < labels) {
        for (const property of node.children ?? []) {
          const [labelNode, inner] = property.children ?? [];
          if (typeof labelNode?.value !== 'string') continue;
          visit(inner, [...found, { value: labelNode.value, quoted: true, ...nodeSpan(this.document, labelNode) }]);
        }
      } else if (node.type === 'object') {
        const target = dynamicOwner && found[0] ? dynamicOwner.hclProperty(found[0].value)?.body : undefined;
        out.push(this.block(keyNode, found, node, body, target));
      } else {
        out.push(this.attribute(node.parent?.type === 'property' ? node.parent : node, keyNode, node)); // not a block at all: let validation say so
      }
    };
    visit(value, []);
    return out;
  }

  private block(keyNode: Node, labels: Label[], object: Node, body: BlockSchema | undefined, dynamicTarget?: BlockSchema): Block {
    const end = object.offset + object.length;
    const closed = this.text[end - 1] === '}';
    return {
      kind: 'block',
      type: keyNode.value as string,
      typeSpan: nodeSpan(this.document, keyNode),
      labels,
      body: this.body(object, body?.freeForm ? undefined : body, dynamicTarget),
      bodySpan: spanOf(this.document, object.offset + 1, closed ? end - 1 : end),
      closed,
      ...spanOf(this.document, keyNode.offset, end),
    };
  }

  private attribute(property: Node, keyNode: Node, valueNode: Node | undefined): Attribute {
    const colon = property.colonOffset ?? keyNode.offset + keyNode.length;
    const end = valueNode ? valueNode.offset + valueNode.length : colon + 1;
    return {
      kind: 'attribute',
      name: String(keyNode.value),
      nameSpan: nodeSpan(this.document, keyNode),
      equals: spanOf(this.document, colon, colon + 1),
      value: valueNode && this.expression(valueNode),
      ...spanOf(this.document, keyNode.offset, end),
    };
  }

  private expression(node: Node): Expression {
    const span = nodeSpan(this.document, node);
    switch (node.type) {
      case 'array':
        return { kind: 'tuple', items: (node.children ?? []).map((child) => this.expression(child)), ...span };
      case 'object':
        return {
          kind: 'object',
          entries: (node.children ?? []).flatMap((property) => {
            const [keyNode, valueNode] = property.children ?? [];
            if (!keyNode) return [];
            const key = typeof keyNode.value === 'string' ? keyNode.value : undefined;
            return [{ key, keySpan: nodeSpan(this.document, keyNode), value: valueNode && this.expression(valueNode), ...nodeSpan(this.document, property) }];
          }),
          ...span,
        };
      case 'string':
        if (TEMPLATE_START.test(String(node.value))) {
          this.collectReferences(node.offset, this.text.slice(node.offset, node.offset + node.length));
          return { kind: 'template', parts: [], ...span };
        }
        return { kind: 'literal', value: node.value as string, ...span };
      case 'property':
        return { kind: 'other', children: [], ...span };
      default:
        return { kind: 'literal', value: node.value as number | boolean | null, ...span };
    }
  }

  private collectReferences(offset: number, raw: string): void {
    for (const interpolation of raw.matchAll(INTERPOLATION)) {
      const innerStart = offset + (interpolation.index ?? 0) + 2;
      for (const match of interpolation[1].matchAll(SCOPE_REFERENCE)) {
        if (!CHECKED_SCOPES.has(match[1])) continue;
        const start = innerStart + (match.index ?? 0);
        this.references.push({ root: match[1], name: match[2], ...spanOf(this.document, start, start + match[0].length) });
      }
    }
  }
}
