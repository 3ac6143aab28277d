// Where the file declares its input variables and locals, and where it uses them:
// the basis of hover on `var.x`, go to definition and find references.
import type { Attribute, Block, HclFile, Reference, Span } from '../../hcl/ast';
import { isAttribute, isBlock } from '../../hcl/ast';

export type Declaration =
  | { kind: 'variable'; name: string; nameSpan: Span; block: Block }
  /** A name inside a top-level `variables { }` block. */
  | { kind: 'variableAttribute'; name: string; nameSpan: Span; attribute: Attribute }
  | { kind: 'local'; name: string; nameSpan: Span; attribute: Attribute };

const scopeOf = (declaration: Declaration): string => (declaration.kind === 'local' ? 'local' : 'var');

export function declarations(file: HclFile): Declaration[] {
  const found: Declaration[] = [];
  for (const item of file.body.items) {
    if (!isBlock(item)) continue;
    if (item.type === 'variable' && item.labels[0]) {
      found.push({ kind: 'variable', name: item.labels[0].value, nameSpan: item.labels[0], block: item });
    } else if (item.type === 'variables' || item.type === 'locals') {
      for (const attribute of item.body.items.filter(isAttribute)) {
        const kind = item.type === 'locals' ? 'local' : 'variableAttribute';
        found.push({ kind, name: attribute.name, nameSpan: attribute.nameSpan, attribute });
      }
    }
  }
  return found;
}

export function declarationOf(file: HclFile, reference: Reference): Declaration | undefined {
  return declarations(file).find((d) => scopeOf(d) === reference.root && d.name === reference.name);
}

export function referencesTo(file: HclFile, declaration: Declaration): Reference[] {
  return file.references.filter((r) => r.root === scopeOf(declaration) && r.name === declaration.name);
}

export function referenceAt(file: HclFile, offset: number): Reference | undefined {
  return file.references.find((r) => r.start <= offset && offset <= r.end);
}

export function declarationAt(file: HclFile, offset: number): Declaration | undefined {
  return declarations(file).find((d) => d.nameSpan.start <= offset && offset <= d.nameSpan.end);
}
