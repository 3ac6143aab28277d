// Converts a tree-sitter HCL syntax tree into our AST (bodies, blocks,
// attributes), salvaging what it can from error nodes so later features keep
// working on a half-typed file. Also reports the newline rules of native HCL
// that tree-sitter's grammar does not enforce (it treats newlines as spaces).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Node, TreeCursor } from 'web-tree-sitter';
import type { Attribute, Block, Body, BodyItem, HclFile, Label } from './ast';
import { ConversionContext } from './conversionContext';
import type { LineIndex } from './lineIndex';
import { ExpressionConverter } from './cstExpressions';
import { HclScanner } from '../../../common/src/hcl/lexer';
import { unescapeQuoted } from '../../../common/src/hcl/strings';
import { readSimpleValue } from './simpleValues';
import type { BlankedLine } from './syntaxRepair';
import { collectTreeSitterErrors } from './treeSitterErrors';

/** The AST of a whole syntax tree, and the line index its nodes compute ranges with. */
export function convertTree(root: Node, document: TextDocument, text: string, blanked: readonly BlankedLine[] = []): { file: HclFile; lines: LineIndex } {
  const ctx = new ConversionContext(document, text, blanked);
  for (const line of blanked) ctx.addSyntaxError(line.message, line.start, line.end);
  collectTreeSitterErrors(root, ctx);
  const cursor = root.walk();
  try {
    const body = new BodyConverter(ctx).body(cursor); // the root holds a `body` (and ERROR nodes at top level)
    return { file: { body, references: ctx.references, syntaxErrors: ctx.syntaxErrors.sort((a, b) => a.start - b.start) }, lines: ctx.lines };
  } finally {
    cursor.delete();
  }
}

interface BlockBodyParts {
  readonly body: Body;
  readonly bodyStart: number;
  readonly bodyEnd: number;
  readonly closed: boolean;
  /** The closing brace is one the syntax repair appended after the end of the file. */
  readonly closedByRepair: boolean;
}

export class BodyConverter {
  private readonly expressions: ExpressionConverter;
  /** Reads attributes from the text where it can (simpleAttribute). */
  private readonly scanner: HclScanner;

  constructor(private readonly ctx: ConversionContext) {
    this.expressions = new ExpressionConverter(ctx);
    this.scanner = new HclScanner(ctx.text);
  }

  /** The cursor is on a `body`, or on the root whose `body` and top-level ERROR nodes are read alike. */
  body(c: TreeCursor): Body {
    const items: BodyItem[] = [];
    const start = c.startIndex;
    const end = c.endIndex;
    const hasError = this.collectItems(c, items) || this.ctx.blankedWithin(start, end, items.filter((item) => item.kind === 'block'));
    this.checkOneItemPerLine(items);
    return { items, hasError };
  }

  /**
   * Appends the attributes and blocks among the children of the cursor's node,
   * including those inside error nodes. Returns true when something there was
   * broken (an error node, a value missing, a header split over lines): the
   * body may hold less than the user wrote.
   */
  private collectItems(c: TreeCursor, items: BodyItem[]): boolean {
    if (!c.gotoFirstChild()) return false;
    let broken = false;
    do {
      const type = c.nodeType;
      if (type === 'attribute') {
        const attribute = this.attribute(c);
        broken ||= attribute.value === undefined;
        items.push(attribute);
      } else if (type === 'block') {
        const parts = this.block(c);
        broken ||= parts.length > 1;
        items.push(...parts);
      } else if (type === 'ERROR' || type === 'body') {
        broken = this.collectItems(c, items) || broken || type === 'ERROR';
      }
    } while (c.gotoNextSibling());
    c.gotoParent();
    return broken;
  }

  attribute(c: TreeCursor): Attribute {
    const start = c.startIndex;
    const end = c.endIndex;
    this.scanner.reset(start);
    this.scanner.next();
    const simple = this.simpleAttribute(this.scanner, end);
    if (simple) return simple;
    c.gotoFirstChild();
    const nameStart = c.startIndex;
    const nameEnd = c.endIndex;
    let equalsOffset = nameEnd;
    let equalsEnd = nameEnd;
    let value: Attribute['value'];
    let brokenValue = false;
    while (c.gotoNextSibling()) {
      const type = c.nodeType;
      if (type === '=') {
        equalsOffset = c.startIndex;
        equalsEnd = c.endIndex;
      }
      else if (type === 'ERROR' && !value) brokenValue = true;
      else if (type === 'expression') value = this.expressions.convert(c);
    }
    c.gotoParent();
    if (!brokenValue && value && this.ctx.lineOf(value.start) !== this.ctx.lineOf(equalsOffset)) brokenValue = true;
    if (brokenValue) {
      // `name =` at the end of a line: HCL wants the value on the same line; what tree-sitter found instead is the next item.
      this.ctx.addSyntaxError(`Expected a value after "=" on the same line`, equalsOffset, equalsOffset + 1);
      value = undefined;
    }
    const nameSpan = this.ctx.span(nameStart, nameEnd);
    const attributeEnd = value ? end : Math.min(end, equalsOffset + 1);
    const equals = this.ctx.span(equalsOffset, equalsEnd);
    return this.ctx.node<Attribute>(start, attributeEnd, { kind: 'attribute', name: this.ctx.text.slice(nameStart, nameEnd), nameSpan, equals, value });
  }

  /**
   * `name = value` from the scanner's current token on, when the value is a literal (or a list of
   * literals) read with no tree needed; it must end at `end`.
   */
  private simpleAttribute(scanner: HclScanner, end: number): Attribute | undefined {
    const start = scanner.start;
    if (scanner.kind() !== 'ident') return undefined;
    const nameEnd = scanner.end;
    scanner.next();
    if (!scanner.isSymbol('=')) return undefined;
    const equals = scanner.start;
    scanner.next();
    return this.simpleAttributeValue(start, nameEnd, equals, scanner, end);
  }

  /** The attribute whose name and `=` have been read, when the scanner's tokens from its value on are a simple value (readSimpleValue). */
  simpleAttributeValue(start: number, nameEnd: number, equals: number, scanner: HclScanner, end?: number): Attribute | undefined {
    const value = readSimpleValue(scanner, this.ctx, end);
    if (!value) return undefined;
    const name = this.ctx.text.slice(start, nameEnd);
    return this.ctx.node<Attribute>(start, value.end, { kind: 'attribute', name, nameSpan: this.ctx.span(start, nameEnd), equals: this.ctx.span(equals, equals + 1), value });
  }

  /** The cursor is on a `block`. Returns the block, or an incomplete attribute and a block when the header runs over lines. */
  block(c: TreeCursor): BodyItem[] {
    const start = c.startIndex;
    const end = c.endIndex;
    c.gotoFirstChild();
    const typeStart = c.startIndex;
    const typeEnd = c.endIndex;
    const labels: Label[] = [];
    while (c.gotoNextSibling() && (c.nodeType === 'string_lit' || c.nodeType === 'identifier')) {
      const raw = this.ctx.text.slice(c.startIndex, c.endIndex);
      const quoted = c.nodeType === 'string_lit';
      const value = quoted ? unescapeQuoted(raw.slice(1, raw.length >= 2 && raw.endsWith('"') ? -1 : undefined)) : raw;
      labels.push(this.ctx.node<Label>(c.startIndex, c.endIndex, { value, quoted }));
    }
    c.gotoParent();
    const { body, bodyStart, bodyEnd, closed, closedByRepair } = this.ctx.nested(start, () => this.blockBody(c), () => ({
      body: { items: [], hasError: true },
      bodyStart: end,
      bodyEnd: end,
      closed: false,
      closedByRepair: false,
    }));
    if (closedByRepair) this.ctx.addSyntaxError(`This ${this.ctx.text.slice(typeStart, typeEnd)} block is not closed: "}" is missing`, typeStart, typeEnd);
    const typeLine = this.ctx.lineOf(typeStart);
    const splitAt = labels.findIndex((label) => this.ctx.lineOf(label.start) !== typeLine);
    const block = this.ctx.node<Block>(start, end, {
      kind: 'block',
      type: this.ctx.text.slice(typeStart, typeEnd),
      typeSpan: this.ctx.span(typeStart, typeEnd),
      labels,
      body,
      bodySpan: this.ctx.span(bodyStart, bodyEnd),
      closed,
    });
    if (splitAt >= 0 && !labels[splitAt].quoted) return this.splitRunOnHeader(block, splitAt);
    const headerEnd = labels.length > 0 ? labels[labels.length - 1].end : typeEnd;
    if (splitAt >= 0 || (bodyStart > start && this.ctx.lineOf(bodyStart - 1) !== this.ctx.lineOf(headerEnd))) {
      this.ctx.addSyntaxError('A block header and its "{" must be on one line', typeStart, headerEnd);
    }
    checkSingleLineBlock(block, this.ctx);
    return [block];
  }

  /** The cursor is on a `block`: everything between its braces, including what error nodes hold. */
  blockBody(c: TreeCursor): BlockBodyParts {
    const end = c.endIndex;
    const items: BodyItem[] = [];
    let bodyStart = end;
    let bodyEnd = end;
    let closed = false;
    let closedByRepair = false;
    let hasError = false;
    if (!c.gotoFirstChild()) return { body: { items, hasError }, bodyStart, bodyEnd, closed, closedByRepair };
    do {
      switch (c.nodeType) {
        case 'block_start':
          bodyStart = c.endIndex;
          break;
        case 'body':
        case 'ERROR':
          if (bodyStart === end) break; // an error inside the header
          hasError = this.collectItems(c, items) || hasError || c.nodeType === 'ERROR';
          break;
        case 'block_end': {
          // Empty when tree-sitter inserted it (the MISSING "}" is its child); past the end when the repair appended it.
          const present = c.endIndex > c.startIndex;
          closed = present && c.startIndex < this.ctx.documentLength;
          closedByRepair = present && !closed;
          hasError ||= !closed;
          bodyEnd = c.startIndex;
          break;
        }
      }
    } while (c.gotoNextSibling());
    c.gotoParent();
    this.checkOneItemPerLine(items);
    hasError ||= this.ctx.blankedWithin(bodyStart, bodyEnd, items.filter((item) => item.kind === 'block'));
    return { body: { items, hasError }, bodyStart, bodyEnd: Math.max(bodyStart, bodyEnd), closed, closedByRepair };
  }

  /**
   * `cou` followed on the next line by `task "t" {`: tree-sitter reads one
   * block typed `cou` with labels `task "t"`. HCL ends a header at the line
   * break, so the user is typing `cou` and the block really is `task "t"`.
   */
  private splitRunOnHeader(block: Block, splitAt: number): BodyItem[] {
    const typeLabel = block.labels[splitAt];
    const incomplete = this.ctx.node<Attribute>(block.typeSpan.start, block.typeSpan.end, {
      kind: 'attribute',
      name: block.type,
      nameSpan: block.typeSpan,
      equals: this.ctx.span(block.typeSpan.end, block.typeSpan.end),
      value: undefined,
    });
    this.ctx.addSyntaxError(`"${block.type}" needs "= value" or a block body on the same line`, block.typeSpan.start, block.typeSpan.end);
    const items: BodyItem[] = [incomplete];
    if (splitAt > 0) {
      this.ctx.addSyntaxError('A block header must be on one line', block.labels[0].start, block.labels[splitAt - 1].end);
    }
    items.push(
      this.ctx.node<Block>(typeLabel.start, block.end, {
        kind: 'block',
        type: typeLabel.value,
        typeSpan: this.ctx.span(typeLabel.start, typeLabel.end),
        labels: block.labels.slice(splitAt + 1),
        body: block.body,
        bodySpan: block.bodySpan,
        closed: block.closed,
      }),
    );
    return items;
  }

  /** Native HCL ends every attribute and block with a newline. */
  checkOneItemPerLine(items: readonly BodyItem[]): void {
    for (let i = 1; i < items.length; i++) {
      const previous = items[i - 1];
      const item = items[i];
      if (previous.kind === 'attribute' && previous.value === undefined) continue; // already reported
      if (this.ctx.lineOf(previous.end) === this.ctx.lineOf(item.start)) {
        const nameSpan = item.kind === 'block' ? item.typeSpan : item.nameSpan;
        this.ctx.addSyntaxError('Put each attribute and block on its own line', nameSpan.start, nameSpan.end);
      }
    }
  }
}

/**
 * HCL allows `name { x = 1 }` on one line with at most one attribute and no
 * nested block; several items on the line are reported by checkOneItemPerLine.
 */
export function checkSingleLineBlock(block: Block, ctx: ConversionContext): void {
  const items = block.body.items;
  if (!block.closed || items.length !== 1 || items[0].kind !== 'block') return;
  if (ctx.lineOf(block.bodySpan.start) !== ctx.lineOf(block.bodySpan.end)) return;
  ctx.addSyntaxError('A block on a single line may hold only one attribute', items[0].start, items[0].end);
}
