// Parses native HCL into our AST, reusing the previous version's syntax tree
// after an edit (tree-sitter's incremental parsing).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Parser, Tree } from 'web-tree-sitter';
import type { HclFile } from './ast';
import { convertTree } from './cstToAst';
import { findSingleEdit } from './textEdit';
import { createHclTreeSitterParser } from './treeSitter';
import { updateAfterEdit } from './incrementalAst';
import { repairSyntax } from './syntaxRepair';

/**
 * One parsed version of a document. Owns a tree-sitter tree (WebAssembly
 * memory): call dispose() when replaced. `text` is what was parsed: the
 * document's text, with lines blanked by the syntax repair if any.
 */
export class HclSyntaxTree {
  private tree: Tree | undefined;

  constructor(readonly text: string, readonly file: HclFile, tree: Tree) {
    this.tree = tree;
  }

  /** The tree-sitter tree, for incremental re-parsing only; undefined once disposed. */
  get syntaxTree(): Tree | undefined {
    return this.tree;
  }

  dispose(): void {
    this.tree?.delete();
    this.tree = undefined;
  }
}

export class HclParser {
  private constructor(private readonly parser: Parser) {}

  static async create(wasmDirectory?: string): Promise<HclParser> {
    return new HclParser(await createHclTreeSitterParser(wasmDirectory));
  }

  /** Parses `document`; with `previous` (an earlier version of the same document) only the edited part is re-read. */
  parse(document: TextDocument, previous?: HclSyntaxTree): HclSyntaxTree {
    const text = document.getText();
    const oldTree = previous?.syntaxTree;
    if (!previous || !oldTree) return this.convert(document, text, this.parseText(text));
    const edit = findSingleEdit(previous.text, text);
    if (!edit) return new HclSyntaxTree(text, previous.file, oldTree.copy());
    const edited = oldTree.copy();
    edited.edit(edit);
    const tree = this.parseText(text, edited);
    try {
      if (tree.rootNode.hasError) return this.convert(document, text, tree);
      const file = updateAfterEdit(previous.file, previous.text, edited, tree, edit, document, text);
      return file ? new HclSyntaxTree(text, file, tree) : this.convert(document, text, tree);
    } finally {
      edited.delete();
    }
  }

  /** Whole-tree conversion, after repairing what tree-sitter could not read. */
  private convert(document: TextDocument, text: string, tree: Tree): HclSyntaxTree {
    const repaired = tree.rootNode.hasError ? repairSyntax(this.parser, text, tree) : { text, tree, blanked: [] };
    return new HclSyntaxTree(repaired.text, convertTree(repaired.tree.rootNode, document, repaired.text, repaired.blanked), repaired.tree);
  }

  private parseText(text: string, oldTree?: Tree): Tree {
    const tree = this.parser.parse(text, oldTree);
    if (!tree) throw new Error('tree-sitter returned no tree');
    return tree;
  }
}
