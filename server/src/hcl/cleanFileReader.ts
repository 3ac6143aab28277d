// The fast way to the AST of a well-formed file: read the common lines
// (block headers, closing braces, `name = literal`, plain `${var.x}`
// templates, heredocs, comments) straight from the text.
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
// crafted cases and thousands of mutations. When the text does not look
// exactly as expected, they decline and the caller walks the tree.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Node } from 'web-tree-sitter';
import type { Attribute, Block, Body, BodyItem, HclFile, Label, LiteralExpression } from './ast';
import { ConversionContext } from './conversionContext';
import type { LineIndex } from './lineIndex';
import { BodyConverter, checkSingleLineBlock } from './cstToAst';
import { closesHeredoc, commentEnd, heredocMarkerAt } from '../../../common/src/hcl/lexer';
import { hasTemplateSyntax, heredocValue, unescapeQuoted } from '../../../common/src/hcl/strings';
import { NAME, QUOTED_STRING } from './simpleValues';

// Labels as tree-sitter reads them: identifiers or quoted strings (without templates, which labels cannot hold).
const LABEL = `${NAME}|${QUOTED_STRING}`;
/** `type "label" ... {` ending its line, maybe with a comment after the brace. */
const BLOCK_HEADER = new RegExp(String.raw`(${NAME})((?:[ \t]+(?:${LABEL}))*)[ \t]*\{[ \t]*(?:(?:#|//).*)?(?=\r|\n|$)`, 'uy');
const LABEL_TOKEN = new RegExp(LABEL, 'gu');
/** `name = <<`: the start of a heredoc attribute, whose introducer the lexer's rule then reads. */
const HEREDOC_ATTRIBUTE = new RegExp(String.raw`(${NAME})[ \t]*=[ \t]*(?=<<)`, 'uy');
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
  return read(root, document, text);
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
  private position = 0;
  private lastLine = { from: -1, end: -1 };

  /** `root`: the syntax tree to convert unusual items from; without one, they make the reader decline. */
  constructor(private readonly root: Node | undefined, private readonly ctx: ConversionContext) {
    this.text = ctx.text;
    this.converter = new BodyConverter(ctx);
  }

  file(): Body {
    const body = this.body();
    if (this.position < this.text.length) throw new NotPlain(); // a "}" with no block open
    return body;
  }

  /**
   * Items up to the next unmatched "}" or the end of the text; `position` is
   * left there. Marked as having errors where the tree walk marks them: a
   * value missing, or a header that ran over lines.
   */
  private body(): Body {
    const items: BodyItem[] = [];
    let hasError = false;
    let previousEnd = -1;
    for (this.skipSpaceAndComments(); this.position < this.text.length && this.text[this.position] !== '}'; this.skipSpaceAndComments()) {
      const start = this.position;
      // An item on the line where the one before ended is never plain; trying the text readers on it
      // would scan the rest of the line again for every item of a long line.
      const sharesLine = previousEnd >= 0 && start <= this.lineEnd(previousEnd);
      const item = sharesLine ? undefined : this.simpleAttribute(start) ?? this.heredocAttribute(start) ?? this.block(start);
      if (item) {
        items.push(item);
      } else {
        const converted = this.fromTree(start);
        hasError ||= converted.length > 1 || (converted[0].kind === 'attribute' && converted[0].value === undefined);
        items.push(...converted);
      }
      previousEnd = this.position;
    }
    this.converter.checkOneItemPerLine(items);
    return { items, hasError };
  }

  /** `name = literal` alone on its line. */
  private simpleAttribute(start: number): BodyItem | undefined {
    let end = this.lineEnd(start);
    while (end > start && (this.text[end - 1] === ' ' || this.text[end - 1] === '\t')) end--;
    const attribute = this.converter.simpleAttribute(start, end);
    if (attribute) this.position = end;
    return attribute;
  }

  /** A block whose header ends its line; its body is read the same way. */
  private block(start: number): Block | undefined {
    BLOCK_HEADER.lastIndex = start;
    const header = BLOCK_HEADER.exec(this.text);
    if (!header) return undefined;
    const [, type, labelText] = header;
    const typeEnd = start + type.length;
    const labels: Label[] = [];
    for (const match of labelText.matchAll(LABEL_TOKEN)) {
      const labelStart = typeEnd + (match.index ?? 0);
      const raw = match[0];
      const quoted = raw.startsWith('"');
      labels.push(this.ctx.node<Label>(labelStart, labelStart + raw.length, { value: quoted ? unescapeQuoted(raw.slice(1, -1)) : raw, quoted }));
    }
    const bodyStart = this.text.indexOf('{', typeEnd + labelText.length) + 1;
    this.position = bodyStart;
    const body = this.ctx.nested(start, () => this.body(), () => {
      throw new NotPlain(); // the tree walk reports excessive nesting
    });
    if (this.text[this.position] !== '}') throw new NotPlain();
    const bodyEnd = this.position;
    this.position++;
    const block = this.ctx.node<Block>(start, this.position, {
      kind: 'block',
      type,
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
   * `name = <<EOT` ... `EOT` whose content has no template syntax: a string
   * literal. The closing marker is a line holding only the marker (indented
   * or not) and ending in a line break; a line merely starting with the
   * marker is left to the tree.
   */
  private heredocAttribute(start: number): Attribute | undefined {
    HEREDOC_ATTRIBUTE.lastIndex = start;
    const header = HEREDOC_ATTRIBUTE.exec(this.text);
    if (!header) return undefined;
    const [, name] = header;
    const equals = this.text.indexOf('=', start + name.length);
    const valueStart = start + header[0].length;
    const introducer = heredocMarkerAt(this.text, valueStart);
    if (!introducer) return undefined;
    const marker = introducer.marker;
    let lineStart = introducer.end;
    for (;;) {
      if (lineStart === 0 || lineStart >= this.text.length) return undefined; // never closed (0: no further line)
      const lineEnd = this.lineEnd(lineStart);
      const line = this.text.slice(lineStart, lineEnd);
      const content = line.replace(/^[ \t]+/, '');
      // HCL's closing rule, on lines indented with spaces and tabs only (what tree-sitter certainly reads alike);
      // tree-sitter wants a line break after the marker, even at the end of the file.
      if (closesHeredoc(this.text, lineStart, lineEnd, marker) && content.replace(/[ \t]+$/, '') === marker) {
        if (lineEnd >= this.text.length) return undefined;
        const end = lineStart + (line.length - content.length) + marker.length;
        const raw = this.text.slice(valueStart, end);
        if (hasTemplateSyntax(raw)) return undefined;
        const value = this.ctx.node<LiteralExpression>(valueStart, end, { kind: 'literal', value: heredocValue(raw, raw.startsWith('<<-')) });
        this.position = end;
        return this.ctx.node<Attribute>(start, end, {
          kind: 'attribute',
          name,
          nameSpan: this.ctx.span(start, start + name.length),
          equals: this.ctx.span(equals, equals + 1),
          value,
        });
      }
      if (content.startsWith(marker)) return undefined;
      lineStart = this.text.indexOf('\n', lineEnd) + 1;
    }
  }

  /** The attribute or block the syntax tree has starting here, converted from the tree. */
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
      this.position = node.endIndex;
      return items;
    } finally {
      cursor.delete();
    }
  }

  private skipSpaceAndComments(): void {
    const text = this.text;
    let i = this.position;
    for (;;) {
      const ch = text[i];
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') i++;
      else if (ch === '#' || ch === '/') {
        const end = commentEnd(text, i);
        if (end < 0) {
          if (ch === '/' && text[i + 1] === '*') throw new NotPlain(); // never closed
          break;
        }
        i = end;
      } else break;
    }
    this.position = i;
  }

  /** The end of the line `from` is on; the last answer is kept, as the items of one line ask in turn. */
  private lineEnd(from: number): number {
    if (from >= this.lastLine.from && from <= this.lastLine.end) return this.lastLine.end;
    const text = this.text;
    let i = from;
    while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    this.lastLine = { from, end: i };
    return i;
  }
}
