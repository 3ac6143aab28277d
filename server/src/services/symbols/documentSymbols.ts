// The outline of a job file: every block, nested as written, named like its header
// (`group "app"`), plus input variables and locals. Kinds follow what each block is:
// the job a module, groups namespaces, tasks classes, services interfaces.
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { Block, Body, HclFile, Span } from '../../hcl/ast';
import { isAttribute, isBlock } from '../../hcl/ast';

const KINDS: Record<string, SymbolKind> = {
  job: SymbolKind.Module,
  group: SymbolKind.Namespace,
  task: SymbolKind.Class,
  service: SymbolKind.Interface,
  check: SymbolKind.Event,
  volume: SymbolKind.Struct,
  volume_mount: SymbolKind.Struct,
  network: SymbolKind.Package,
  port: SymbolKind.Number,
  template: SymbolKind.File,
  artifact: SymbolKind.File,
  variable: SymbolKind.Variable,
  variables: SymbolKind.Namespace,
  locals: SymbolKind.Namespace,
  constraint: SymbolKind.Operator,
  affinity: SymbolKind.Operator,
  spread: SymbolKind.Operator,
  meta: SymbolKind.Object,
  env: SymbolKind.Object,
};

/** `task "web"`; labels are quoted as in the header even when written bare. */
export function headerName(type: string, labels: readonly string[]): string {
  return [type, ...labels.map((l) => JSON.stringify(l))].join(' ');
}

function headerSpan(block: Block): Span {
  const last = block.labels[block.labels.length - 1] ?? block.typeSpan;
  return { start: block.typeSpan.start, end: last.end, range: { start: block.typeSpan.range.start, end: last.range.end } };
}

function blockSymbol(block: Block): DocumentSymbol {
  const children = bodySymbols(block.body, block.type === 'locals' || block.type === 'variables');
  return {
    name: headerName(block.type, block.labels.map((l) => l.value)),
    kind: KINDS[block.type] ?? SymbolKind.Object,
    range: block.range,
    selectionRange: headerSpan(block).range,
    children,
  };
}

/** Blocks always; attributes only where they are declarations (in `locals` and `variables`). */
function bodySymbols(body: Body, attributesAreDeclarations: boolean): DocumentSymbol[] {
  const symbols: DocumentSymbol[] = [];
  for (const item of body.items) {
    if (isBlock(item)) symbols.push(blockSymbol(item));
    else if (attributesAreDeclarations && isAttribute(item)) {
      symbols.push({ name: item.name, kind: SymbolKind.Constant, range: item.range, selectionRange: item.nameSpan.range });
    }
  }
  return symbols;
}

export function hclDocumentSymbols(file: HclFile): DocumentSymbol[] {
  return bodySymbols(file.body, false);
}
