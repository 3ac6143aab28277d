// A faster way to the same AST for files tree-sitter parsed without errors:
// read the common lines (block headers, closing braces, `name = literal`,
// comments) straight from the text, and ask the syntax tree only for the
// rest (heredocs, templates, multi-line values). Walking a 5,000-line job
// node by node costs thousands of WebAssembly calls; this reads it with a few
// regular expressions and about one tree lookup per unusual item.
//
// It must give exactly what BodyConverter gives (test/unit/server/
// cleanFileReader.test.ts compares them). Whenever the text does not look as
// expected, it gives up and the caller converts the tree as usual.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Node } from 'web-tree-sitter';
import type { Block, Body, BodyItem, HclFile, Label } from './ast';
import { ConversionContext } from './conversionContext';
import type { LineIndex } from './lineIndex';
import { BodyConverter, checkSingleLineBlock } from './cstToAst';
import { unescapeQuoted } from './hclStrings';

const NAME = String.raw`[\p{ID_Start}_][\p{ID_Continue}_-]*`;
// Labels as tree-sitter reads them: identifiers or quoted strings (without templates, which labels cannot hold).
const LABEL = String.raw`${NAME}|"(?:[^"\\$%\r\n]|\\[^\r\n]|\$(?!\{)|%(?!\{))*"`;
/** `type "label" ... {` ending its line, maybe with a comment after the brace. */
const BLOCK_HEADER = new RegExp(String.raw`(${NAME})((?:[ \t]+(?:${LABEL}))*)[ \t]*\{[ \t]*(?:(?:#|//).*)?(?=\r|\n|$)`, 'uy');
const LABEL_TOKEN = new RegExp(LABEL, 'gu');
const ITEM_TYPES = new Set(['attribute', 'block']);

/** Thrown to give up; the caller falls back to the full tree walk. */
class NotPlain extends Error {}

/**
 * The AST of `text`, or undefined when it has something this reader does not
 * handle on its own and cannot find in the tree. Only for trees without
 * errors of texts the syntax repair did not touch.
 */
export function convertCleanTree(root: Node, document: TextDocument, text: string): { file: HclFile; lines: LineIndex } | undefined {
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

  constructor(private readonly root: Node, private readonly ctx: ConversionContext) {
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
    for (this.skipSpaceAndComments(); this.position < this.text.length && this.text[this.position] !== '}'; this.skipSpaceAndComments()) {
      const start = this.position;
      const item = this.simpleAttribute(start) ?? this.block(start);
      if (item) {
        items.push(item);
        continue;
      }
      const converted = this.fromTree(start);
      hasError ||= converted.length > 1 || (converted[0].kind === 'attribute' && converted[0].value === undefined);
      items.push(...converted);
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

  /** The attribute or block the syntax tree has starting here, converted from the tree. */
  private fromTree(start: number): BodyItem[] {
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
      else if (ch === '#' || (ch === '/' && text[i + 1] === '/')) i = this.lineEnd(i);
      else if (ch === '/' && text[i + 1] === '*') {
        const close = text.indexOf('*/', i + 2);
        if (close < 0) throw new NotPlain();
        i = close + 2;
      } else break;
    }
    this.position = i;
  }

  private lineEnd(from: number): number {
    const text = this.text;
    let i = from;
    while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    return i;
  }
}
