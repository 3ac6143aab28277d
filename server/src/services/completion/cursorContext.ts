// Where the cursor is, in the terms completion needs: which blocks enclose it and
// whether a block/attribute name, a block label, an attribute value (inside a string
// or not), an object key or an interpolation is being typed. Works on broken text.
import { readOutline, type Frame, type OutlineBlock } from './tolerantOutline';

export type CompletionPlace =
  /** Start of an item in a block body: attribute and block names. */
  | { kind: 'body' }
  /** After a block type: `task |` or `task "|"`. */
  | { kind: 'blockLabel'; blockType: string; labelIndex: number; inString: boolean }
  /** The value of an attribute; `path` is its name, preceded by the names of enclosing map attributes. */
  | { kind: 'value'; path: string[]; inString: boolean; inList: boolean }
  /** A key inside an object constructor such as `meta = { | }`. */
  | { kind: 'objectKey'; path: string[] }
  /** Inside `${ }` or `%{ }`; `path` is the attribute whose string holds it, if any. */
  | { kind: 'interpolation'; path: string[] }
  | { kind: 'none' };

export interface CursorContext {
  readonly root: OutlineBlock;
  /** Blocks enclosing the cursor, outermost first. */
  readonly blocks: readonly OutlineBlock[];
  readonly place: CompletionPlace;
  /** The partially typed text before the cursor that a completion replaces, and where it starts. */
  readonly prefix: string;
  readonly replaceStart: number;
  /** The end of the word under the cursor: accepting a completion replaces up to here. */
  readonly replaceEnd: number;
}

const WORD_CHAR = /[\p{ID_Continue}-]/u;
const TRAVERSAL_CHAR = /[\p{ID_Continue}.\-[\]"*]/u;

function scanBack(text: string, from: number, allowed: RegExp): number {
  let start = from;
  while (start > 0 && allowed.test(text[start - 1])) start--;
  return start;
}

function scanForward(text: string, from: number, allowed: RegExp): number {
  let end = from;
  while (end < text.length && allowed.test(text[end])) end++;
  return end;
}

function placeAt(frames: readonly Frame[], inComment: boolean): CompletionPlace {
  if (inComment || frames.length === 0) return { kind: 'none' };
  const top = frames[frames.length - 1];
  const insideInterpolation = frames.some((f) => f.kind === 'interpolation');
  switch (top.kind) {
    case 'heredoc':
      return { kind: 'none' };
    case 'interpolation':
      return { kind: 'interpolation', path: interpolationOwner(frames) };
    case 'string': {
      if (insideInterpolation) return { kind: 'none' };
      const parent = frames[frames.length - 2];
      if (top.isLabel && parent?.kind === 'body') {
        if (parent.state === 'item') return parent.block ? { kind: 'none' } : { kind: 'objectKey', path: parent.owner };
        return { kind: 'blockLabel', blockType: parent.name, labelIndex: parent.labels.length, inString: true };
      }
      return { kind: 'value', path: top.owner, inString: true, inList: parent?.kind === 'tuple' };
    }
    case 'tuple':
    case 'paren':
      return insideInterpolation
        ? { kind: 'interpolation', path: interpolationOwner(frames) }
        : { kind: 'value', path: top.owner, inString: false, inList: top.kind === 'tuple' };
    case 'body': {
      if (insideInterpolation) return { kind: 'interpolation', path: interpolationOwner(frames) };
      if (top.state === 'value') return { kind: 'value', path: [...top.owner, top.name], inString: false, inList: false };
      if (!top.block) return top.state === 'item' ? { kind: 'objectKey', path: top.owner } : { kind: 'none' };
      if (top.state === 'item') return { kind: 'body' };
      return { kind: 'blockLabel', blockType: top.name, labelIndex: top.labels.length, inString: false };
    }
  }
}

/** The attribute whose string value holds the innermost interpolation. */
function interpolationOwner(frames: readonly Frame[]): string[] {
  for (let i = frames.length - 1; i > 0; i--) {
    const frame = frames[i];
    if (frame.kind === 'interpolation') {
      const holder = frames[i - 1];
      return holder.kind === 'string' || holder.kind === 'heredoc' ? holder.owner : [];
    }
  }
  return [];
}

export function cursorContext(text: string, offset: number): CursorContext {
  const outline = readOutline(text, offset);
  const { frames, inComment } = outline.cursor;
  const blocks = frames.flatMap((f) => (f.kind === 'body' && f.block && f.block !== outline.root ? [f.block] : []));
  const place = placeAt(frames, inComment);
  const top = frames[frames.length - 1];
  let replaceStart: number;
  let replaceEnd: number;
  if (place.kind === 'interpolation') {
    replaceStart = scanBack(text, offset, TRAVERSAL_CHAR);
    replaceEnd = scanForward(text, offset, WORD_CHAR);
  } else if (top?.kind === 'string' && place.kind !== 'none') {
    // Inside quotes the whole typed value is replaced, even with dots, slashes or colons in it.
    replaceStart = Math.max(top.start + 1, scanBack(text, offset, /[^"\s]/));
    replaceEnd = scanForward(text, offset, /[^"\s]/);
  } else {
    replaceStart = scanBack(text, offset, place.kind === 'value' ? /[\p{ID_Continue}.\-]/u : WORD_CHAR);
    replaceEnd = scanForward(text, offset, WORD_CHAR);
  }
  return { root: outline.root, blocks, place, prefix: text.slice(replaceStart, offset), replaceStart, replaceEnd };
}
