// A forgiving one-pass reader of HCL text for completion. While a user types, the
// file is usually broken (`dri` alone on a line, an unclosed `{`, `count =` with
// nothing after it), and tree-sitter may fold whole regions into one error node.
// This reader only tracks what completion needs: the blocks (type, labels, range),
// their attributes with simple literal values, and where the cursor sits among
// strings, interpolations, comments and heredocs. Newlines end items, as in HCL.
// It reads the project's lexer's tokens (common/src/hcl/lexer.ts), so strings,
// heredocs, comments and identifiers are what they are everywhere else; one
// forgiveness of its own: an unclosed `/*` comments out the rest of the text, as
// the user is most likely still typing the comment.
import { HclScanner, type HclTokenKind } from '../../../../common/src/hcl/lexer';

/** An attribute; its value is only cut out of the text when asked for (most never are). */
export class OutlineAttribute {
  constructor(
    readonly name: string,
    readonly nameStart: number,
    private readonly text: string,
    private readonly valueStart: number,
    private readonly valueEnd: number,
  ) {}

  /** Raw text after `=` up to the end of the item, trimmed. */
  get valueText(): string {
    return this.text.slice(this.valueStart, this.valueEnd).trim();
  }

  /** The unquoted value when it is one plain string: no escapes, no `$` or `%`. */
  get stringValue(): string | undefined {
    const scanner = new HclScanner(this.text);
    scanner.reset(this.valueStart);
    if (!scanner.next() || scanner.kind() !== 'oQuote') return undefined;
    const contentStart = scanner.end;
    if (scanner.next() && scanner.kind() === 'quotedLit') scanner.next();
    const contentEnd = scanner.start;
    if (scanner.kind() !== 'cQuote' || (scanner.next() && scanner.start < this.valueEnd)) return undefined;
    const content = this.text.slice(contentStart, contentEnd);
    return /[\\$%]/.test(content) ? undefined : content;
  }
}

export interface OutlineBlock {
  readonly type: string;
  readonly labels: string[];
  readonly start: number;
  /** Just after `{`. */
  readonly bodyStart: number;
  /** Just after `}`; undefined while the block is still open at the end of the text. */
  end: number | undefined;
  readonly attributes: OutlineAttribute[];
  readonly blocks: OutlineBlock[];
  readonly parent: OutlineBlock | undefined;
}

type ItemState = 'item' | 'name' | 'value';

/** One level of nesting the reader is inside. */
export type Frame =
  | {
      kind: 'body';
      /** Undefined for an object constructor (`meta = { ... }`) rather than a block body. */
      block: OutlineBlock | undefined;
      /** The attribute path this object is the value of (empty for a block body). */
      owner: string[];
      state: ItemState;
      name: string;
      nameStart: number;
      labels: string[];
      valueStart: number;
    }
  | { kind: 'tuple' | 'paren'; owner: string[] }
  | { kind: 'string'; owner: string[]; start: number; isLabel: boolean }
  | { kind: 'interpolation'; start: number }
  | { kind: 'heredoc'; owner: string[] };

export interface CursorSnapshot {
  /** Innermost last; copies taken when the reader reached the cursor. */
  readonly frames: readonly Frame[];
  readonly inComment: boolean;
}

export interface Outline {
  readonly root: OutlineBlock;
  readonly cursor: CursorSnapshot;
}

function newBlock(type: string, labels: string[], start: number, bodyStart: number, parent?: OutlineBlock): OutlineBlock {
  return { type, labels, start, bodyStart, end: undefined, attributes: [], blocks: [], parent };
}

function bodyFrame(block: OutlineBlock | undefined, owner: string[]): Frame {
  return { kind: 'body', block, owner, state: 'item', name: '', nameStart: 0, labels: [], valueStart: 0 };
}

/** Body frames keep changing as reading goes on; the snapshot must keep their state at the cursor. */
function copyFrame(frame: Frame): Frame {
  return frame.kind === 'body' ? { ...frame, labels: [...frame.labels] } : { ...frame };
}

function ownerOf(frame: Frame | undefined): string[] {
  if (!frame || frame.kind === 'interpolation') return [];
  if (frame.kind === 'body') return frame.state === 'value' ? [...frame.owner, frame.name] : frame.owner;
  return frame.owner;
}

/** Tokens that change nothing the reader tracks: the cursor inside one sees the state before it. */
const INERT: ReadonlySet<HclTokenKind> = new Set<HclTokenKind>(['quotedLit', 'stringLit', 'number', 'invalid']);
/** Tokens that may end a quoted string; any other after one means the string ran into its line break unclosed. */
const IN_STRING: ReadonlySet<HclTokenKind> = new Set<HclTokenKind>(['quotedLit', 'cQuote', 'templateInterp', 'templateControl']);

class Reader {
  private readonly scanner: HclScanner;
  private readonly root = newBlock('', [], 0, 0);
  private readonly frames: Frame[] = [bodyFrame(this.root, [])];
  private snapshot: CursorSnapshot | undefined;
  /** Where the last line comment ended, before its line break. */
  private lineCommentEnd = -1;

  constructor(
    private readonly text: string,
    private readonly cursor: number,
  ) {
    this.scanner = new HclScanner(text);
  }

  read(): Outline {
    const scanner = this.scanner;
    while (scanner.next() && this.token(scanner.kind() as HclTokenKind, scanner.start, scanner.end));
    const end = this.text.length;
    this.takeSnapshotAt(end);
    for (const frame of this.frames) if (frame.kind === 'body' && frame.state === 'value') this.finishItem(frame, end);
    return { root: this.root, cursor: this.snapshot ?? { frames: [], inComment: false } };
  }

  private takeSnapshotAt(position: number, inComment = false): void {
    if (this.snapshot || position < this.cursor) return;
    this.snapshot = { frames: this.frames.map(copyFrame), inComment };
  }

  private get top(): Frame {
    return this.frames[this.frames.length - 1];
  }

  /**
   * Takes in one token; false when the rest of the text is a comment. The
   * cursor's snapshot is taken before the first token at or after it, or
   * before one it lies inside of whose reading changes the state after the
   * cursor: a name being typed, a comment, a CRLF line break, a `~}`.
   */
  private token(kind: HclTokenKind, start: number, end: number): boolean {
    this.takeSnapshotAt(start);
    const inside = start < this.cursor && this.cursor <= end;
    // Between the \r and \n of a line break is still on the line, in its comment if it ends in one.
    if (kind === 'newline' && inside && this.cursor < end) this.takeSnapshotAt(this.cursor, start === this.lineCommentEnd);
    if (this.top.kind === 'string' && !IN_STRING.has(kind)) this.closeString();
    const top = this.top;
    if (inside && (INERT.has(kind) || kind === 'ident')) this.takeSnapshotAt(this.cursor);
    switch (kind) {
      case 'newline':
        return this.newline(top, start);
      case 'comment':
        if (inside) this.takeSnapshotAt(this.cursor, true);
        if (!this.text.startsWith('/*', start)) this.lineCommentEnd = end;
        return true;
      case 'ident':
        return this.identifier(top, start, end);
      case 'oQuote':
        this.frames.push({ kind: 'string', owner: ownerOf(top), start, isLabel: top.kind === 'body' && top.state !== 'value' });
        return true;
      case 'cQuote':
        return this.closeString(start);
      case 'templateInterp':
      case 'templateControl':
        this.frames.push({ kind: 'interpolation', start });
        return true;
      case 'templateSeqEnd':
        if (inside && this.cursor < end) this.takeSnapshotAt(this.cursor); // between `~` and `}`
        return this.closeBrace(end, true);
      case 'oHeredoc':
        this.frames.push({ kind: 'heredoc', owner: ownerOf(top) });
        return true;
      case 'cHeredoc':
        this.frames.pop();
        return true;
      case 'oBrace':
        return this.openBrace(top, end);
      case 'cBrace':
        return this.closeBrace(end, false);
      case 'oBrack':
      case 'oParen':
        this.frames.push({ kind: kind === 'oBrack' ? 'tuple' : 'paren', owner: ownerOf(top) });
        return true;
      case 'cBrack':
      case 'cParen':
        if (top.kind === 'tuple' || top.kind === 'paren') this.frames.pop();
        return true;
      case 'symbol':
        return this.symbol(top, start, end);
      default:
        return true;
    }
  }

  private symbol(top: Frame, start: number, end: number): boolean {
    const scanner = this.scanner;
    if (scanner.isSymbol('=') || (scanner.isSymbol(':') && top.kind === 'body' && !top.block)) {
      if (top.kind === 'body' && top.state === 'name') {
        top.state = 'value';
        top.valueStart = end;
      }
    } else if (scanner.isSymbol(',')) {
      if (top.kind === 'body' && top.state === 'value') this.finishItem(top, start);
    } else if (scanner.isSymbol('/') && this.text.charCodeAt(end) === 0x2a /* * */) {
      // The lexer reads a `/*` that is never closed as symbols.
      if (start < this.cursor && this.cursor <= this.text.length) this.takeSnapshotAt(this.cursor, true);
      return false;
    } else if (start < this.cursor && this.cursor <= end) {
      this.takeSnapshotAt(this.cursor);
    }
    return true;
  }

  /** The string on top ends: at its closing quote at `end`, or unclosed at a line break (no `end`). */
  private closeString(end?: number): boolean {
    const frame = this.frames.pop() as Extract<Frame, { kind: 'string' }>;
    const parent = this.top;
    if (!frame.isLabel || parent.kind !== 'body') return true;
    const content = end === undefined ? '' : this.text.slice(frame.start + 1, end);
    if (parent.state === 'item') {
      // A quoted object key: `"key" = value`.
      parent.state = 'name';
      parent.name = content;
      parent.nameStart = frame.start;
    } else {
      parent.labels.push(content);
    }
    return true;
  }

  private newline(top: Frame, start: number): boolean {
    if (top.kind !== 'body') return true;
    if (top.state === 'value') this.finishItem(top, start);
    else top.state = 'item';
    return true;
  }

  private identifier(top: Frame, start: number, end: number): boolean {
    if (top.kind === 'body' && top.state === 'item') {
      top.state = 'name';
      top.name = this.text.slice(start, end);
      top.nameStart = start;
      top.labels = [];
    } else if (top.kind === 'body' && top.state === 'name') {
      top.labels.push(this.text.slice(start, end));
    }
    return true;
  }

  private openBrace(top: Frame, end: number): boolean {
    if (top.kind === 'body' && top.state === 'name' && top.block) {
      const block = newBlock(top.name, top.labels, top.nameStart, end, top.block);
      top.block.blocks.push(block);
      top.state = 'item';
      this.frames.push(bodyFrame(block, []));
    } else {
      // An object constructor, or a `{` inside an interpolation.
      this.frames.push(bodyFrame(undefined, ownerOf(top)));
    }
    return true;
  }

  /**
   * Closes whatever is open up to the nearest brace-delimited frame: unclosed brackets inside it
   * end with it. The end of a template sequence closes its interpolation, whatever it holds.
   */
  private closeBrace(end: number, sequenceEnd: boolean): boolean {
    while (this.frames.length > 1) {
      const frame = this.frames.pop() as Frame;
      if (frame.kind === 'body') {
        if (frame.state === 'value') this.finishItem(frame, end - 1);
        if (frame.block) frame.block.end = end;
        if (sequenceEnd) continue;
        const parent = this.top;
        if (parent.kind === 'body' && parent.state === 'value' && !frame.block) return true;
        if (parent.kind === 'body') parent.state = 'item';
        return true;
      }
      if (frame.kind === 'interpolation') return true;
    }
    return true;
  }

  private finishItem(frame: Extract<Frame, { kind: 'body' }>, end: number): void {
    frame.state = 'item';
    if (!frame.block) return;
    frame.block.attributes.push(new OutlineAttribute(frame.name, frame.nameStart, this.text, frame.valueStart, end));
  }
}

/** Reads the whole text; `cursor` is the offset whose surroundings completion asks about. */
export function readOutline(text: string, cursor: number): Outline {
  return new Reader(text, cursor).read();
}

/** The blocks containing `offset`, outermost first (the file's root excluded). */
export function blocksAt(root: OutlineBlock, offset: number): OutlineBlock[] {
  const path: OutlineBlock[] = [];
  let current = root;
  for (;;) {
    const inner = current.blocks.find((b) => b.bodyStart <= offset && (b.end === undefined || offset < b.end));
    if (!inner) return path;
    path.push(inner);
    current = inner;
  }
}
