// Second chance for files tree-sitter cannot make sense of. Its HCL grammar
// recovers badly from two common states: a string left open while typing
// (`driver = "dock`) reads on through the following lines, and some errors
// (`count = = 1`) turn the whole file into one flat error node. Then nothing
// after the mistake could be validated or completed.
//
// The repair blanks the offending line (a comment of the same length, newlines kept, so every
// offset stays valid), parses again and keeps the result when it
// has fewer errors. Blanked lines are reported as syntax errors, and bodies
// containing them are marked broken so checks like "missing attribute" stay
// quiet about what the blanked line might have held. A file that simply
// stops inside blocks (typing top to bottom) gets the missing braces appended
// after its end, where they shift no offset.
import type { Node, Tree } from 'web-tree-sitter';
import type { TreeParse } from './hclParser';

export interface BlankedLine {
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

interface Culprit extends BlankedLine {
  /** Blanking is right even without fewer errors (HCL rejects the line anyway). */
  readonly certain: boolean;
}

export interface RepairResult {
  readonly text: string;
  readonly tree: Tree;
  readonly blanked: readonly BlankedLine[];
}

const MAX_REPAIRS = 3;
/** Recursion bound for the tree walks below (hostile input can nest thousands of levels). */
const MAX_TREE_DEPTH = 500;
const MAX_APPENDED_BRACES = 64;
const STRING_NODES = ['string_lit', 'quoted_template'];

/** Takes ownership of `tree`: returns it or a better one (deleting the other). */
export function repairSyntax(parse: TreeParse, text: string, tree: Tree): RepairResult {
  let current = { text, tree };
  const blanked: BlankedLine[] = [];
  for (let attempt = 0; attempt < MAX_REPAIRS && current.tree.rootNode.hasError; attempt++) {
    const culprit = findCulprit(current.tree.rootNode, current.text);
    if (!culprit || blanked.some((line) => line.start === culprit.start)) break;
    const repairedText = current.text.slice(0, culprit.start) + blankLine(culprit.end - culprit.start) + current.text.slice(culprit.end);
    const repairedTree = parse(repairedText); // fresh: re-using a broken tree can be very slow (see hclParser.ts)
    if (!repairedTree) break;
    const before = errorCount(current.tree.rootNode);
    const after = errorCount(repairedTree.rootNode);
    if (after > before || (after === before && !culprit.certain)) {
      repairedTree.delete();
      break;
    }
    current.tree.delete();
    current = { text: repairedText, tree: repairedTree };
    blanked.push({ start: culprit.start, end: culprit.end, message: culprit.message });
  }
  if (current.tree.rootNode.hasError) current = closeOpenBlocks(parse, current);
  return { ...current, blanked };
}

/**
 * Text of the same length as a line, that HCL ignores: a comment rather than
 * spaces. tree-sitter's error recovery re-reads a run of whitespace once per
 * attempt, so a long blanked line after a broken attribute took seconds
 * (20,000 spaces: over 20 s); a comment is a single token.
 */
function blankLine(length: number): string {
  return length === 0 ? '' : `#${' '.repeat(length - 1)}`;
}

/** Appends the closing braces a file that ends inside blocks lacks, if that reads better. */
function closeOpenBlocks(parse: TreeParse, current: { text: string; tree: Tree }): { text: string; tree: Tree } {
  const missing = Math.min(MAX_APPENDED_BRACES, unclosedBraces(current.text));
  if (missing === 0) return current;
  const text = `${current.text}\n${'}\n'.repeat(missing)}`;
  const tree = parse(text);
  if (!tree) return current;
  if (errorCount(tree.rootNode) >= errorCount(current.tree.rootNode)) {
    tree.delete();
    return current;
  }
  current.tree.delete();
  return { text, tree };
}

/** "{" minus "}" outside strings and comments: a rough count, only used to try a repair. */
function unclosedBraces(text: string): number {
  const code = text
    .replace(/\/\*[\s\S]*?(\*\/|$)/g, ' ')
    .replace(/(#|\/\/)[^\n]*/g, ' ')
    .replace(/"(\\.|[^"\\\n])*"?/g, ' ');
  let depth = 0;
  for (const ch of code) {
    if (ch === '{') depth++;
    else if (ch === '}') depth = Math.max(0, depth - 1);
  }
  return depth;
}

/** The line to blank: an unterminated string's, else the first problem's when tree-sitter lost the structure. */
function findCulprit(root: Node, text: string): Culprit | undefined {
  for (const node of root.descendantsOfType(STRING_NODES)) {
    if (node && node.startPosition.row !== node.endPosition.row) {
      return { ...lineAround(text, node.startIndex), message: 'Unterminated string: a quoted string must end on the line it starts', certain: true };
    }
  }
  if (!recoveredPoorly(root)) return undefined;
  const problem = firstProblem(root);
  if (!problem) return undefined;
  // tree-sitter puts a missing token where the next one starts, often on the next line; the mistake is before it.
  const offset = problem.isMissing ? previousNonSpace(text, problem.startIndex) : problem.startIndex;
  return { ...lineAround(text, offset), message: 'Invalid syntax on this line', certain: false };
}

/**
 * Local errors tree-sitter recovers from well are left alone (its own error
 * positions are more precise). Poor recovery: the file became an error node,
 * an error node swallowed several lines, or a heredoc never ends.
 */
function recoveredPoorly(root: Node): boolean {
  if (root.isError) return true;
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (node.isError && node.endPosition.row > node.startPosition.row) return true;
    if (node.isMissing && node.type === 'heredoc_identifier') return true;
    for (const child of node.children) if (child && (child.hasError || child.isMissing)) stack.push(child);
  }
  return false;
}

/** The first missing token (other than closing braces, which tree-sitter places well) or innermost error node. */
function firstProblem(node: Node, depth = 0): Node | undefined {
  if (depth > MAX_TREE_DEPTH) return undefined;
  for (const child of node.children) {
    if (!child) continue;
    if (child.isMissing && child.type !== '}' && child.type !== 'block_end') return child;
    if (!child.hasError) continue;
    const inner = firstProblem(child, depth + 1);
    if (inner) return inner;
    // An error node at the top holds the whole file as loose tokens: its start says nothing.
    if (child.isError && !node.isError && node.parent !== null) return child;
  }
  return undefined;
}

function previousNonSpace(text: string, offset: number): number {
  let i = offset - 1;
  while (i > 0 && /\s/.test(text[i])) i--;
  return Math.max(0, i);
}

function errorCount(node: Node, depth = 0): number {
  if (!node.hasError || depth > MAX_TREE_DEPTH) return 0;
  let count = node.isError || node.isMissing ? 1 : 0;
  for (const child of node.children) if (child) count += errorCount(child, depth + 1);
  return count;
}

function lineAround(text: string, offset: number): { start: number; end: number } {
  const start = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  const ends = [text.indexOf('\n', offset), text.indexOf('\r', offset)].filter((i) => i >= 0);
  return { start, end: ends.length > 0 ? Math.min(...ends) : text.length };
}
