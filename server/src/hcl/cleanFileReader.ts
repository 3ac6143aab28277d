// The fast way to the AST of a well-formed file: read the common lines
// (block headers, closing braces, `name = literal`, plain `${var.x}`
// templates, heredocs, comments) straight from the lexer's tokens.
//
// - readPlainText: without a syntax tree of the whole file. Used when a
//   document is opened: a file made only of such lines is valid HCL, so its
//   diagnostics need no tree-sitter parse at all (the server builds the tree
//   afterwards, when idle, for incremental parsing). Attributes with other
//   values (calls, operators, multi-line lists) are parsed alone: tree-sitter
//   reads just their lines (its included ranges), a small fraction of the
//   file, and the reader converts them from that partial tree. Anything else
//   (unusual block headers, lines that do not start an item) declines.
// - convertCleanTree: for files tree-sitter parsed without errors; unusual
//   items (calls, operators, multi-line values) are converted from the tree,
//   which is found with one lookup per item instead of walking every node.
//
// Both must give exactly what the tree walk (BodyConverter) gives;
// test/unit/server/cleanFileReader.test.ts compares them on real jobs,
// crafted cases and thousands of mutations. When the tokens do not look
// exactly as expected, they decline and the caller walks the tree. The
// tokens come one at a time from the scanner, which is moved past each item
// the tree converts, so a file is lexed about once.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Node, Range, Tree } from 'web-tree-sitter';
import type { Attribute, Block, Body, BodyItem, HclFile, Label, LiteralExpression } from './ast';
import { ConversionContext } from './conversionContext';
import type { LineIndex } from './lineIndex';
import { BodyConverter, checkSingleLineBlock } from './cstToAst';
import { HclScanner } from '../../../common/src/hcl/lexer';
import { heredocValue, unescapeQuoted } from '../../../common/src/hcl/strings';
import { isPlainQuotedString } from './simpleValues';

const ITEM_TYPES = new Set(['attribute', 'block']);
const ORIGIN = { row: 0, column: 0 };
/** Tokens that open and close what a value may run over lines inside. */
const OPENING = new Set(['oParen', 'oBrack', 'oBrace', 'templateInterp', 'templateControl', 'oHeredoc']);
const CLOSING = new Set(['cParen', 'cBrack', 'cBrace', 'templateSeqEnd', 'cHeredoc']);
/** Characters whose treatment by tree-sitter the plain reader does not model: such texts always get a real parse. */
const UNMODELLED = /[\u0000\u000b\u000c\u2028\u2029\ufeff]|\r(?!\n)/;

/** Thrown to give up; the caller falls back to the full tree walk. */
class NotPlain extends Error {}

/** Parses only the given ranges of the text, read one after another as one file; undefined when out of time. */
export type PartParse = (includedRanges: Range[]) => Tree | undefined;

/**
 * The AST of `text` read without a syntax tree of the whole file, or undefined
 * when the text needs a real parse. With `parseParts`, the attributes whose
 * values the reader cannot read from the text are parsed alone.
 */
export function readPlainText(document: TextDocument, text: string, parseParts?: PartParse): { file: HclFile; lines: LineIndex } | undefined {
  if (UNMODELLED.test(text)) return undefined;
  if (!parseParts) return read(undefined, document, text);
  const unread = new UnreadAttributes();
  const plain = read(undefined, document, text, unread);
  if (!plain || unread.isEmpty()) return plain;
  const tree = parseParts(unread.ranges());
  if (!tree) return undefined;
  try {
    return tree.rootNode.hasError ? undefined : read(tree.rootNode, document, text, unread);
  } finally {
    tree.delete();
  }
}

/**
 * The attributes a first reading found with values it could not read: where
 * each starts, where its value ends, and the part of the text to parse for it
 * (up to its line break, so that the next part's first token stays apart).
 */
class UnreadAttributes {
  private readonly parts: number[] = [];
  private readonly valueEnds = new Map<number, number>();

  add(start: number, valueEnd: number, partEnd: number): void {
    this.parts.push(start, partEnd);
    this.valueEnds.set(start, valueEnd);
  }

  isEmpty(): boolean {
    return this.parts.length === 0;
  }

  /** The parts as tree-sitter's ranges. Only offsets matter: nothing reads tree-sitter's rows and columns (positions come from LineIndex). */
  ranges(): Range[] {
    const ranges: Range[] = [];
    for (let i = 0; i < this.parts.length; i += 2) {
      ranges.push({ startIndex: this.parts[i], endIndex: this.parts[i + 1], startPosition: ORIGIN, endPosition: ORIGIN });
    }
    return ranges;
  }

  /**
   * Whether the partial tree's item starting at `start` ends where the text
   * says its value ends: only then is it what a parse of the whole file has
   * there (an item that reads into the next part, or stops short, is not).
   */
  matches(start: number, end: number): boolean {
    return this.valueEnds.get(start) === end;
  }
}

/** The AST of a text tree-sitter parsed without errors (and the syntax repair did not touch), or undefined. */
export function convertCleanTree(root: Node, document: TextDocument, text: string): { file: HclFile; lines: LineIndex } | undefined {
  // Tree-sitter reads a byte order mark as part of the first item, which the lexer skips.
  return text.charCodeAt(0) === 0xfeff ? undefined : read(root, document, text);
}

/**
 * `root`: the tree to convert unusual items from. `unread`: without a root,
 * where the unusual attributes are noted (and skipped); with one, the partial
 * tree's items are checked against it.
 */
function read(root: Node | undefined, document: TextDocument, text: string, unread?: UnreadAttributes): { file: HclFile; lines: LineIndex } | undefined {
  const ctx = new ConversionContext(document, text);
  try {
    const body = new CleanFileReader(root, ctx, unread).file();
    return { file: { body, references: ctx.references, syntaxErrors: ctx.syntaxErrors.sort((a, b) => a.start - b.start) }, lines: ctx.lines };
  } catch (error) {
    if (error instanceof NotPlain) return undefined;
    throw error;
  }
}

class CleanFileReader {
  private readonly text: string;
  private readonly converter: BodyConverter;
  private readonly scanner: HclScanner;

  /**
   * `root`: the syntax tree to convert unusual items from; without one, they make the reader decline,
   * or with `unread` the unusual attributes are noted there and skipped (a first reading).
   */
  constructor(private readonly root: Node | undefined, private readonly ctx: ConversionContext, private readonly unread?: UnreadAttributes) {
    this.text = ctx.text;
    this.converter = new BodyConverter(ctx);
    this.scanner = new HclScanner(ctx.text);
    this.scanner.next();
  }

  file(): Body {
    const body = this.body();
    if (this.scanner.kind() !== 'end') throw new NotPlain(); // a "}" with no block open
    return body;
  }

  /**
   * Items up to the next unmatched "}" or the end of the text; the scanner is
   * left there. Marked as having errors where the tree walk marks them: a
   * value missing, or a header that ran over lines.
   */
  private body(): Body {
    const scanner = this.scanner;
    const items: BodyItem[] = [];
    let hasError = false;
    for (;;) {
      while (scanner.kind() === 'newline' || scanner.kind() === 'comment') scanner.next();
      if (scanner.kind() === 'end' || scanner.kind() === 'cBrace') break;
      const start = scanner.start;
      const item = this.textItem(start);
      if (item) {
        items.push(item);
      } else if (!this.root && this.unread) {
        this.skipUnreadAttribute(start, this.unread);
      } else {
        const converted = this.fromTree(start);
        hasError ||= converted.length > 1 || (converted[0].kind === 'attribute' && converted[0].value === undefined);
        items.push(...converted);
      }
    }
    this.converter.checkOneItemPerLine(items);
    return { items, hasError };
  }

  /** The item starting at the current token when its tokens are those of a plain line: `name = literal`, a heredoc or a block header. */
  private textItem(start: number): BodyItem | undefined {
    const scanner = this.scanner;
    if (scanner.kind() !== 'ident') return undefined;
    const nameEnd = scanner.end;
    scanner.next();
    if (!scanner.isSymbol('=')) return this.block(start, nameEnd);
    const equals = scanner.start;
    scanner.next();
    if (scanner.kind() === 'oHeredoc') return this.heredocAttribute(start, nameEnd, equals);
    return this.converter.simpleAttributeValue(start, nameEnd, equals, scanner);
  }

  /**
   * A block whose header (labels apart by spaces, as tree-sitter reads them) ends its line,
   * maybe with a line comment after the brace; its body is read the same way.
   */
  private block(start: number, typeEnd: number): Block | undefined {
    const scanner = this.scanner;
    const labels: Label[] = [];
    for (let previousEnd = typeEnd; scanner.start > previousEnd && scanner.kind() !== 'oBrace'; previousEnd = scanner.end, scanner.next()) {
      if (scanner.kind() === 'ident') {
        labels.push(this.ctx.node<Label>(scanner.start, scanner.end, { value: this.text.slice(scanner.start, scanner.end), quoted: false }));
        continue;
      }
      const labelStart = scanner.start;
      if (!isPlainQuotedString(scanner)) return undefined;
      labels.push(this.ctx.node<Label>(labelStart, scanner.end, { value: unescapeQuoted(this.text.slice(labelStart + 1, scanner.end - 1)), quoted: true }));
    }
    if (scanner.kind() !== 'oBrace') return undefined;
    const bodyStart = scanner.end;
    scanner.next();
    if (scanner.kind() === 'comment' && !this.text.startsWith('/*', scanner.start)) scanner.next(); // a line comment may follow
    if (scanner.kind() !== 'newline' && scanner.kind() !== 'end') return undefined;
    const body = this.ctx.nested(start, () => this.body(), () => {
      throw new NotPlain(); // the tree walk reports excessive nesting
    });
    if (scanner.kind() !== 'cBrace') throw new NotPlain();
    const bodyEnd = scanner.start;
    const end = scanner.end;
    scanner.next();
    const block = this.ctx.node<Block>(start, end, {
      kind: 'block',
      type: this.text.slice(start, typeEnd),
      typeSpan: this.ctx.span(start, typeEnd),
      labels,
      body,
      bodySpan: this.ctx.span(bodyStart, bodyEnd),
      closed: true,
    });
    checkSingleLineBlock(block, this.ctx);
    return block;
  }

  /**
   * `name = <<EOT` ... `EOT` whose content has no template sequences: a
   * string literal. The closing line must hold only the marker, indented
   * with spaces and tabs (what tree-sitter certainly reads alike, where the
   * lexer also trims other white space), and no line before it may start
   * with the marker: such texts are left to the tree.
   */
  private heredocAttribute(start: number, nameEnd: number, equals: number): Attribute | undefined {
    const scanner = this.scanner;
    const text = this.text;
    const valueStart = scanner.start;
    const indented = text.charCodeAt(valueStart + 2) === 0x2d; /* <<- */
    const markerStart = valueStart + (indented ? 3 : 2);
    const marker = text.slice(markerStart, scanner.end - (text.charCodeAt(scanner.end - 2) === 0x0d ? 2 : 1));
    for (scanner.next(); scanner.kind() === 'stringLit'; scanner.next()) {
      if (text.startsWith(marker, skipBlanks(text, scanner.start, scanner.end))) return undefined;
    }
    if (scanner.kind() !== 'cHeredoc') return undefined;
    const markerAt = skipBlanks(text, scanner.start, scanner.end);
    const end = markerAt + marker.length;
    if (!text.startsWith(marker, markerAt) || skipBlanks(text, end, scanner.end) !== scanner.end) return undefined;
    scanner.next(); // the line break after the marker
    const raw = text.slice(valueStart, end);
    const value = this.ctx.node<LiteralExpression>(valueStart, end, { kind: 'literal', value: heredocValue(raw, indented) });
    return this.ctx.node<Attribute>(start, end, {
      kind: 'attribute',
      name: text.slice(start, nameEnd),
      nameSpan: this.ctx.span(start, nameEnd),
      equals: this.ctx.span(equals, equals + 1),
      value,
    });
  }

  /**
   * A first reading's `name = value` whose value is not a simple one: noted with the extent its
   * tokens give it (up to a line break outside brackets, templates and heredocs), for tree-sitter
   * to parse alone; the scanner is left on that line break. Anything else declines.
   */
  private skipUnreadAttribute(start: number, unread: UnreadAttributes): void {
    const scanner = this.scanner;
    scanner.reset(start);
    scanner.next();
    if (scanner.kind() !== 'ident' || !scanner.next() || !scanner.isSymbol('=')) throw new NotPlain();
    let depth = 0;
    let valueEnd = -1;
    for (scanner.next(); scanner.kind() !== 'end' && !(depth === 0 && scanner.kind() === 'newline'); scanner.next()) {
      const kind = scanner.kind();
      if (kind === 'comment') continue;
      if (kind === 'invalid') throw new NotPlain();
      if (OPENING.has(kind)) depth++;
      else if (CLOSING.has(kind) && --depth < 0) throw new NotPlain(); // the block's "}" on the same line
      valueEnd = scanner.end;
    }
    if (valueEnd < 0 || depth !== 0) throw new NotPlain(); // no value on the line of "=", or one never closed
    unread.add(start, valueEnd, scanner.kind() === 'newline' ? scanner.end : scanner.start);
  }

  /** The attribute or block the syntax tree has starting here, converted from the tree; the scanner is moved past it. */
  private fromTree(start: number): BodyItem[] {
    if (!this.root) throw new NotPlain();
    let node: Node | null = this.root.descendantForIndex(start);
    while (node && !(ITEM_TYPES.has(node.type) && node.startIndex === start)) {
      node = node.startIndex === start ? node.parent : null;
    }
    if (!node || (this.unread && !this.unread.matches(start, node.endIndex))) throw new NotPlain();
    const cursor = node.walk();
    try {
      const items = node.type === 'attribute' ? [this.converter.attribute(cursor)] : this.converter.block(cursor);
      this.scanner.reset(node.endIndex);
      this.scanner.next();
      return items;
    } finally {
      cursor.delete();
    }
  }
}

/** The first offset from `from` (up to `end`) that is not a space or a tab. */
function skipBlanks(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i++;
  return i;
}
