// Parses native HCL into our AST, reusing the previous version's syntax tree
// after an edit (tree-sitter's incremental parsing).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Node, Parser, Range, Tree } from 'web-tree-sitter';
import type { HclFile } from './ast';
import { ConversionContext } from './conversionContext';
import type { LineIndex } from './lineIndex';
import { convertCleanTree, readPlainText } from './cleanFileReader';
import { convertTree } from './cstToAst';
import { findSingleEdit } from './textEdit';
import { createHclTreeSitterParser } from './treeSitter';
import { updateAfterEdit } from './incrementalAst';
import { repairSyntax } from './syntaxRepair';

/**
 * One parsed version of a document. May own a tree-sitter tree (WebAssembly
 * memory): call dispose() when replaced. A plain file is read without one;
 * HclParser.syntaxRoot() makes it when a feature or the next edit needs it.
 * `text` is what was (or will be) parsed: the document's text, with lines
 * blanked by the syntax repair if any.
 */
export class HclSyntaxTree {
  private tree: Tree | undefined;

  constructor(readonly text: string, readonly file: HclFile, tree: Tree | undefined, readonly lines: LineIndex) {
    this.tree = tree;
  }

  /** A file the parser gave up on (time budget): no structure, one problem saying so. */
  static unparsed(text: string, document: TextDocument): HclSyntaxTree {
    const newline = text.indexOf('\n');
    const end = newline < 0 ? text.length : newline;
    const ctx = new ConversionContext(document, text);
    ctx.addSyntaxError('This file is too irregular to parse in reasonable time; fix the syntax near the top to get checks back', 0, end);
    return new HclSyntaxTree(text, { body: { items: [], hasError: true }, references: [], syntaxErrors: ctx.syntaxErrors }, undefined, ctx.lines);
  }

  /** The tree-sitter tree, for incremental re-parsing only; undefined once disposed or not made yet. */
  get syntaxTree(): Tree | undefined {
    return this.tree;
  }

  /** For HclParser: the tree of exactly `text`, made after the fact. */
  attach(tree: Tree): void {
    this.tree?.delete();
    this.tree = tree;
  }

  dispose(): void {
    this.tree?.delete();
    this.tree = undefined;
  }
}

/**
 * Parses `text`, reusing `oldTree` (already edited) if given, and only the
 * parts of it in `included` if given; undefined when the time budget ran out.
 */
export type TreeParse = (text: string, oldTree?: Tree, included?: Range[]) => Tree | undefined;

/**
 * Budget for one document's parse, repairs included, in milliseconds of CPU
 * time (so a busy machine does not make a normal file give up). tree-sitter's
 * error recovery can go superlinear on broken input (thousands of unclosed
 * `{ a =`, long runs of blank lines after a mistake); a normal 5,000-line job
 * parses in tens of milliseconds. Below a second, so that no text keeps the
 * server from its other requests for longer.
 */
export const DEFAULT_PARSE_BUDGET_MS = 500;

/**
 * How many of tree-sitter's progress callbacks pass between two looks at the
 * clock. Reading CPU time is a system call, and tree-sitter calls back about
 * 1,500 times while parsing a 5,000-line job (some 20 µs apart): looking every
 * time cost about 5% of the parse, looking every 16th leaves the deadline
 * checked at least every half millisecond of parsing.
 */
const CLOCK_EVERY_CALLS = 16;

/** CPU milliseconds this process has used so far. */
function cpuNow(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

export class HclParser {
  private constructor(private readonly parser: Parser, private readonly budgetMs: number) {}

  static async create(wasmDirectory?: string, budgetMs = DEFAULT_PARSE_BUDGET_MS): Promise<HclParser> {
    return new HclParser(await createHclTreeSitterParser(wasmDirectory), budgetMs);
  }

  /**
   * Parses `document`; with `previous` (an earlier version of the same
   * document, holding its syntax tree) only the edited part is re-read.
   * Without one, a plain file is read from its text alone (cleanFileReader.ts).
   */
  parse(document: TextDocument, previous?: HclSyntaxTree): HclSyntaxTree {
    const text = document.getText();
    const parse = this.boundedParse();
    const oldTree = previous?.syntaxTree;
    // Re-using a tree full of error recovery can take far longer than a fresh parse (measured: 23 s against
    // 1 s for thousands of unclosed `{ a =`), and tree-sitter cannot cancel it midway. Broken files start over.
    if (!oldTree || oldTree.rootNode.hasError) {
      const plain = readPlainText(document, text, (ranges) => parse(text, undefined, ranges));
      return plain ? new HclSyntaxTree(text, plain.file, undefined, plain.lines) : this.convert(document, text, parse(text), parse);
    }
    const edit = findSingleEdit(previous.text, text);
    if (!edit) return new HclSyntaxTree(text, previous.file, oldTree.copy(), previous.lines);
    const edited = oldTree.copy();
    edited.edit(edit);
    try {
      const tree = parse(text, edited);
      if (!tree || tree.rootNode.hasError) return this.convert(document, text, tree, parse);
      const lines = previous.lines;
      lines.update(text, edit.startIndex, edit.oldEndIndex, edit.newEndIndex);
      const file = updateAfterEdit(previous.file, edited, tree, edit, document, lines);
      return file ? new HclSyntaxTree(text, file, tree, lines) : this.convert(document, text, tree, parse);
    } finally {
      edited.delete();
    }
  }

  /** Whole-tree conversion, after repairing what tree-sitter could not read. */
  private convert(document: TextDocument, text: string, tree: Tree | undefined, parse: TreeParse): HclSyntaxTree {
    if (!tree) return HclSyntaxTree.unparsed(text, document);
    const clean = tree.rootNode.hasError ? undefined : convertCleanTree(tree.rootNode, document, text);
    if (clean) return new HclSyntaxTree(text, clean.file, tree, clean.lines);
    const repaired = tree.rootNode.hasError ? repairSyntax(parse, text, tree) : { text, tree, blanked: [] };
    const { file, lines } = convertTree(repaired.tree.rootNode, document, repaired.text, repaired.blanked);
    return new HclSyntaxTree(repaired.text, file, repaired.tree, lines);
  }

  /**
   * The syntax tree of `syntax`, parsing its text now if it was read without
   * one or gave its tree up; undefined when the parse ran out of time.
   */
  syntaxRoot(syntax: HclSyntaxTree): Node | undefined {
    if (!syntax.syntaxTree) {
      const tree = this.boundedParse()(syntax.text);
      if (tree) syntax.attach(tree);
    }
    return syntax.syntaxTree?.rootNode;
  }

  /** A parse function sharing one deadline; after a cancelled parse the parser must be reset. */
  private boundedParse(): TreeParse {
    const deadline = cpuNow() + this.budgetMs;
    let calls = 0;
    const progressCallback = (): boolean => ++calls % CLOCK_EVERY_CALLS === 0 && cpuNow() > deadline;
    return (text, oldTree, includedRanges) => {
      const tree = this.parser.parse(text, oldTree, { progressCallback, includedRanges });
      if (!tree) this.parser.reset();
      return tree ?? undefined;
    };
  }
}
