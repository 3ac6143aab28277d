// A forgiving one-pass reader of HCL text for completion. While a user types, the
// file is usually broken (`dri` alone on a line, an unclosed `{`, `count =` with
// nothing after it), and tree-sitter may fold whole regions into one error node.
// This reader only tracks what completion needs: the blocks (type, labels, range),
// their attributes with simple literal values, and where the cursor sits among
// strings, interpolations, comments and heredocs. Newlines end items, as in HCL.
// Identifiers and heredocs (where one opens, which line closes it) follow the
// rules of the project's lexer (common/src/hcl/lexer.ts).
import { closesHeredoc, heredocMarkerAt, identifierEnd } from '../../../../common/src/hcl/lexer';

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

  /** The unquoted value when it is a plain string without interpolation. */
  get stringValue(): string | undefined {
    return /^"([^"\\$%]*)"$/.exec(this.valueText)?.[1];
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
  | { kind: 'heredoc'; owner: string[]; marker: string };

export interface CursorSnapshot {
  /** Innermost last; copies taken when the reader reached the cursor. */
  readonly frames: readonly Frame[];
  readonly inComment: boolean;
}

export interface Outline {
  readonly root: OutlineBlock;
  readonly cursor: CursorSnapshot;
}

const NUMBER_OR_OPERATOR = /[0-9][0-9.eE+-]*|=>|==|!=|<=|>=|&&|\|\||\.\.\.|[^\s\w"{}[\]()=,#/<$%\\]/uy;

const isStringStop = (c: number): boolean => c === 0x22 || c === 0x5c || c === 0x0a || c === 0x24 || c === 0x25;
const isHeredocStop = (c: number): boolean => c === 0x0a || c === 0x24 || c === 0x25;

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

class Reader {
  private pos = 0;
  private readonly root = newBlock('', [], 0, 0);
  private readonly frames: Frame[] = [bodyFrame(this.root, [])];
  private snapshot: CursorSnapshot | undefined;

  constructor(
    private readonly text: string,
    private readonly cursor: number,
  ) {}

  read(): Outline {
    while (this.pos < this.text.length) {
      this.takeSnapshotAt(this.pos);
      this.step();
    }
    this.takeSnapshotAt(this.pos);
    for (const frame of this.frames) if (frame.kind === 'body' && frame.state === 'value') this.finishItem(frame, this.pos);
    return { root: this.root, cursor: this.snapshot ?? { frames: [], inComment: false } };
  }

  private takeSnapshotAt(position: number, inComment = false): void {
    if (this.snapshot || position < this.cursor) return;
    this.snapshot = { frames: this.frames.map(copyFrame), inComment };
  }

  private get top(): Frame {
    return this.frames[this.frames.length - 1];
  }

  private step(): void {
    const top = this.top;
    if (top.kind === 'string') return this.stepString(top);
    if (top.kind === 'heredoc') return this.stepHeredoc(top);
    this.stepCode(top);
  }

  /** How far a run of plain characters may be skipped in one go: never past the cursor before its snapshot. */
  private limit(): number {
    return this.snapshot || this.pos >= this.cursor ? this.text.length : this.cursor;
  }

  /** Skips characters until one of `stops` (char codes) or the limit; true when it moved. */
  private skipUntil(stops: (code: number) => boolean): boolean {
    const text = this.text;
    const end = this.limit();
    let i = this.pos;
    while (i < end && !stops(text.charCodeAt(i))) i++;
    const moved = i > this.pos;
    this.pos = i;
    return moved;
  }

  private stepString(frame: Extract<Frame, { kind: 'string' }>): void {
    if (this.skipUntil(isStringStop)) return;
    const ch = this.text[this.pos];
    if (ch === '\\') this.pos += 2;
    else if (ch === '"') {
      this.frames.pop();
      this.pos++;
      this.afterString(frame, this.text.slice(frame.start + 1, this.pos - 1));
    } else if (ch === '\n') {
      // HCL strings never span lines: treat an unclosed quote as ending here so the rest of the file reads normally.
      this.frames.pop();
      this.afterString(frame, undefined);
    } else if (this.templateStart()) return;
    else this.pos++;
  }

  private afterString(frame: Extract<Frame, { kind: 'string' }>, content: string | undefined): void {
    const parent = this.top;
    if (!frame.isLabel || parent.kind !== 'body') return;
    if (parent.state === 'item') {
      // A quoted object key: `"key" = value`.
      parent.state = 'name';
      parent.name = content ?? '';
      parent.nameStart = frame.start;
    } else {
      parent.labels.push(content ?? '');
    }
  }

  /** `${` or `%{` opens an interpolation or directive; `$${` and `%%{` are escapes. */
  private templateStart(): boolean {
    const first = this.text.charCodeAt(this.pos);
    if (first !== 0x24 /* $ */ && first !== 0x25 /* % */) return false;
    const second = this.text.charCodeAt(this.pos + 1);
    if (second === first) {
      this.pos += 2;
      return true;
    }
    if (second !== 0x7b /* { */) return false;
    this.frames.push({ kind: 'interpolation', start: this.pos });
    this.pos += 2;
    return true;
  }

  private stepHeredoc(frame: Extract<Frame, { kind: 'heredoc' }>): void {
    const lineStart = this.pos === 0 || this.text[this.pos - 1] === '\n';
    if (lineStart) {
      const lineEnd = this.lineEnd(this.pos);
      if (lineEnd < this.text.length && closesHeredoc(this.text, this.pos, lineEnd, frame.marker)) {
        this.frames.pop();
        this.pos = lineEnd;
        return;
      }
    }
    if (this.skipUntil(isHeredocStop)) return;
    if (!this.templateStart()) this.pos++;
  }

  private lineEnd(from: number): number {
    const end = this.text.indexOf('\n', from);
    return end === -1 ? this.text.length : end;
  }

  private stepCode(top: Frame): void {
    const text = this.text;
    const ch = text[this.pos];
    if (ch === '\n') return this.newline(top);
    if (ch === ' ' || ch === '\t' || ch === '\r') {
      this.skipUntil((c) => c !== 0x20 && c !== 0x09 && c !== 0x0d);
      return;
    }
    if (ch === '#' || (ch === '/' && text[this.pos + 1] === '/')) return this.skipComment(this.lineEnd(this.pos));
    if (ch === '/' && text[this.pos + 1] === '*') {
      const close = text.indexOf('*/', this.pos + 2);
      return this.skipComment(close === -1 ? text.length : close + 2);
    }
    if (ch === '"') return this.openString(top);
    if (ch === '<' && this.heredoc(top)) return;
    if (ch === '{') return this.openBrace(top);
    if (ch === '}') return this.closeBrace();
    if (ch === '[' || ch === '(') {
      this.frames.push({ kind: ch === '[' ? 'tuple' : 'paren', owner: ownerOf(top) });
      this.pos++;
      return;
    }
    if (ch === ']' || ch === ')') {
      if (top.kind === 'tuple' || top.kind === 'paren') this.frames.pop();
      this.pos++;
      return;
    }
    if ((ch === '=' && text[this.pos + 1] !== '=' && text[this.pos + 1] !== '>') || (ch === ':' && top.kind === 'body' && !top.block)) {
      return this.assign(top);
    }
    if (ch === ',' && top.kind === 'body' && top.state === 'value') {
      this.finishItem(top, this.pos);
      this.pos++;
      return;
    }
    const word = this.word();
    if (word) return this.identifier(top, word);
    NUMBER_OR_OPERATOR.lastIndex = this.pos;
    const other = NUMBER_OR_OPERATOR.exec(text);
    this.advanceOver(other ? other[0].length : 1);
  }

  /** The identifier at the current position. */
  private word(): string | undefined {
    const end = identifierEnd(this.text, this.pos);
    return end > this.pos ? this.text.slice(this.pos, end) : undefined;
  }

  /** Moves past a token, stopping at the cursor first if the token spans it. */
  private advanceOver(length: number): void {
    if (this.pos < this.cursor && this.pos + length >= this.cursor) this.takeSnapshotAt(this.cursor);
    this.pos += length;
  }

  private skipComment(end: number): void {
    if (this.pos < this.cursor && this.cursor <= end) this.takeSnapshotAt(this.cursor, true);
    this.pos = end;
  }

  private newline(top: Frame): void {
    this.pos++;
    if (top.kind !== 'body') return;
    if (top.state === 'value') this.finishItem(top, this.pos - 1);
    else top.state = 'item';
  }

  private identifier(top: Frame, word: string): void {
    if (this.pos < this.cursor && this.pos + word.length >= this.cursor) this.takeSnapshotAt(this.cursor);
    if (top.kind === 'body' && top.state === 'item') {
      top.state = 'name';
      top.name = word;
      top.nameStart = this.pos;
      top.labels = [];
    } else if (top.kind === 'body' && top.state === 'name') {
      top.labels.push(word);
    }
    this.pos += word.length;
  }

  private openString(top: Frame): void {
    const isLabel = top.kind === 'body' && top.state !== 'value';
    this.frames.push({ kind: 'string', owner: ownerOf(top), start: this.pos, isLabel });
    this.pos++;
  }

  private heredoc(top: Frame): boolean {
    const start = heredocMarkerAt(this.text, this.pos);
    if (!start) return false;
    this.frames.push({ kind: 'heredoc', owner: ownerOf(top), marker: start.marker });
    this.pos = start.end;
    return true;
  }

  private assign(top: Frame): void {
    if (top.kind === 'body' && top.state === 'name') {
      top.state = 'value';
      top.valueStart = this.pos + 1;
    }
    this.pos++;
  }

  private openBrace(top: Frame): void {
    this.pos++;
    if (top.kind === 'body' && top.state === 'name' && top.block) {
      const block = newBlock(top.name, top.labels, top.nameStart, this.pos, top.block);
      top.block.blocks.push(block);
      top.state = 'item';
      this.frames.push(bodyFrame(block, []));
    } else {
      // An object constructor, or a `{` inside an interpolation.
      this.frames.push(bodyFrame(undefined, ownerOf(top)));
    }
  }

  private closeBrace(): void {
    this.pos++;
    // Close whatever is open up to the nearest brace-delimited frame: unclosed brackets inside it end with it.
    while (this.frames.length > 1) {
      const frame = this.frames.pop() as Frame;
      if (frame.kind === 'body') {
        if (frame.state === 'value') this.finishItem(frame, this.pos - 1);
        if (frame.block) frame.block.end = this.pos;
        const parent = this.top;
        if (parent.kind === 'body' && parent.state === 'value' && !frame.block) return;
        if (parent.kind === 'body') parent.state = 'item';
        return;
      }
      if (frame.kind === 'interpolation') return;
    }
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
