// The fast way to the AST of a well-formed file: read the common lines
// (block headers, closing braces, `name = literal`, plain `${var.x}`
// templates, heredocs, comments) straight from the lexer's tokens.
//
// - readPlainText: without any syntax tree. Used when a document is opened:
//   a file made only of such lines is valid HCL, so its diagnostics need no
//   tree-sitter parse at all (the server builds the tree afterwards, when
//   idle, for incremental parsing). Anything else declines.
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
import type { Node } from 'web-tree-sitter';
import type { Attribute, Block, Body, BodyItem, HclFile, Label, LiteralExpression } from './ast';
import { ConversionContext } from './conversionContext';
import type { LineIndex } from './lineIndex';
import { BodyConverter, checkSingleLineBlock } from './cstToAst';
import { HclScanner } from '../../../common/src/hcl/lexer';
import { heredocValue, unescapeQuoted } from '../../../common/src/hcl/strings';
import { isPlainQuotedString } from './simpleValues';

const ITEM_TYPES = new Set(['attribute', 'block']);
/** Characters whose treatment by tree-sitter the plain reader does not model: such texts always get a real parse. */
const UNMODELLED = /[\u0000\u000b\u000c\u2028\u2029\ufeff]|\r(?!\n)/;

/** Thrown to give up; the caller falls back to the full tree walk. */
class NotPlain extends Error {}

/** The AST of `text` read without a syntax tree, or undefined when the text needs a real parse. */
export function readPlainText(document: TextDocument, text: string): { file: HclFile; lines: LineIndex } | undefined {
  return UNMODELLED.test(text) ? undefined : read(undefined, document, text);
}

/** The AST of a text tree-sitter parsed without errors (and the syntax repair did not touch), or undefined. */
export function convertCleanTree(root: Node, document: TextDocument, text: string): { file: HclFile; lines: LineIndex } | undefined {
  // Tree-sitter reads a byte order mark as part of the first item, which the lexer skips.
  return text.charCodeAt(0) === 0xfeff ? undefined : read(root, document, text);
}

function read(root: Node | undefined, document: TextDocument, text: string): { file: HclFile; lines: LineIndex } | undefined {
  const ctx = new ConversionContext(document, text);
  try {
    const body = new CleanFileReader(root, ctx).file();
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

  /** `root`: the syntax tree to convert unusual items from; without one, they make the reader decline. */
  constructor(private readonly root: Node | undefined, private readonly ctx: ConversionContext) {
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

  /** The attribute or block the syntax tree has starting here, converted from the tree; the scanner is moved past it. */
  private fromTree(start: number): BodyItem[] {
    if (!this.root) throw new NotPlain();
    let node: Node | null = this.root.descendantForIndex(start);
    while (node && !(ITEM_TYPES.has(node.type) && node.startIndex === start)) {
      node = node.startIndex === start ? node.parent : null;
    }
    if (!node) throw new NotPlain();
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
