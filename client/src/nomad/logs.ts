// Incremental decoding of Nomad's framed file streams (`/v1/client/fs/logs`
// with `plain=false`). The body is a run of JSON objects written back to back
// as the task prints: `{"Data":"<base64>","File":"alloc/logs/web.stdout.0","Offset":123}`,
// with `{}` heartbeats about once a second and `FileEvent` frames when a log
// file is rotated away or truncated. Network chunks cut those objects (and
// multi-byte UTF-8 inside them) anywhere, so the splitter keeps state between
// chunks.

/** One decoded frame. A heartbeat has no data, no file and no event. */
export interface LogFrame {
  /** The raw bytes the task wrote (decoded from base64); empty for heartbeats and events. */
  data: Uint8Array;
  file?: string;
  offset?: number;
  /** `file deleted` or `file truncated`: the stream moved to another file or restarted this one. */
  fileEvent?: string;
}

export function isHeartbeat(frame: LogFrame): boolean {
  return frame.data.length === 0 && frame.file === undefined && frame.fileEvent === undefined;
}

/** What one chunk of the body held: complete objects, and text that is not JSON at all. */
export interface SplitResult {
  objects: string[];
  /** Non-JSON text after the last complete object (Nomad writes a plain-text error there when a stream fails midway). */
  text: string;
}

const OPEN_BRACE = 0x7b;
/** 64 KiB of log data is about 87,000 characters of base64; a frame ten times that long is not one. */
const MAX_FRAME_CHARS = 1024 * 1024;
/** Text after the frames (a server's error) is kept up to this length: enough to show it. */
const MAX_TRAILING_TEXT_CHARS = 64 * 1024;
const CLOSE_BRACE = 0x7d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Splits concatenated top-level JSON objects. Hand-written (about forty lines)
 * rather than a streaming JSON parser because we must hand back the exact
 * bytes of anything that is not an object (a server error appended after the
 * frames), which generic parsers only report as a syntax error.
 */
export class JsonObjectSplitter {
  /** `maxObjectChars`: an object still open beyond this is not a log frame (Nomad's carry at most 64 KiB of data). */
  constructor(private readonly maxObjectChars = MAX_FRAME_CHARS) {}

  private readonly decoder = new TextDecoder('utf-8');
  private pending = '';
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** Once non-JSON text appears the rest of the body is that text. */
  private inText = false;

  push(chunk: Uint8Array): SplitResult {
    return this.scan(this.decoder.decode(chunk, { stream: true }));
  }

  /** Flushes what is left at end of body; an unfinished object comes back as text. */
  end(): SplitResult {
    const result = this.scan(this.decoder.decode());
    const leftover = this.pending;
    this.pending = '';
    return { objects: result.objects, text: result.text + leftover };
  }

  private scan(input: string): SplitResult {
    const objects: string[] = [];
    if (this.inText) return { objects, text: input };
    let start = this.depth > 0 ? 0 : -1;
    for (let i = 0; i < input.length; i++) {
      const c = input.charCodeAt(i);
      if (this.depth === 0) {
        if (c === OPEN_BRACE) {
          start = i;
          this.depth = 1;
        } else if (!isJsonWhitespace(c)) {
          this.inText = true;
          return { objects, text: input.slice(i) };
        }
        continue;
      }
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === BACKSLASH) this.escaped = true;
        else if (c === QUOTE) this.inString = false;
        continue;
      }
      if (c === QUOTE) this.inString = true;
      else if (c === OPEN_BRACE) this.depth++;
      else if (c === CLOSE_BRACE && --this.depth === 0) {
        objects.push(this.pending + input.slice(start, i + 1));
        this.pending = '';
        start = -1;
      }
    }
    if (this.depth > 0) this.pending += input.slice(Math.max(start, 0));
    if (this.pending.length > this.maxObjectChars) {
      throw new LogStreamTextError(`A log frame grew past ${this.maxObjectChars} characters without ending: the stream is not in Nomad's log format.`);
    }
    return { objects, text: '' };
  }
}

function isJsonWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Turns one object's JSON text into a frame; throws on JSON that is not a frame. */
export function parseLogFrame(json: string): LogFrame {
  const raw: unknown = JSON.parse(json);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error('log stream frame is not an object');
  const fields = raw as Record<string, unknown>;
  const frame: LogFrame = { data: typeof fields.Data === 'string' ? Buffer.from(fields.Data, 'base64') : new Uint8Array(0) };
  if (typeof fields.File === 'string' && fields.File !== '') frame.file = fields.File;
  if (typeof fields.Offset === 'number') frame.offset = fields.Offset;
  if (typeof fields.FileEvent === 'string' && fields.FileEvent !== '') frame.fileEvent = fields.FileEvent;
  return frame;
}

/** Raised when the body carried text instead of frames (the server gave up mid-stream). */
export class LogStreamTextError extends Error {
  constructor(readonly serverText: string) {
    super(serverText.trim() || 'log stream ended with unreadable data');
    this.name = 'LogStreamTextError';
  }
}

/**
 * Decodes a streamed body into frames as they arrive. Heartbeats are kept so a
 * caller can tell a quiet task from a dead connection.
 */
export async function* decodeLogFrames(body: AsyncIterable<Uint8Array>): AsyncGenerator<LogFrame> {
  const splitter = new JsonObjectSplitter();
  let text = '';
  for await (const chunk of body) {
    const result = splitter.push(chunk);
    for (const object of result.objects) yield parseLogFrame(object);
    if (text.length < MAX_TRAILING_TEXT_CHARS) text += result.text.slice(0, MAX_TRAILING_TEXT_CHARS - text.length);
  }
  const tail = splitter.end();
  for (const object of tail.objects) yield parseLogFrame(object);
  text += tail.text;
  if (text.trim() !== '') throw new LogStreamTextError(text);
}

/** Which log to read and from where, as `nomad alloc logs [-stderr] [-f] [-tail -c N]` would. */
export interface TaskLogQuery {
  allocId: string;
  task: string;
  type: 'stdout' | 'stderr';
  follow: boolean;
  /** `end` with `offset` N starts N bytes before the end (a tail); `start` counts from the beginning. */
  origin: 'start' | 'end';
  offset: number;
  namespace?: string;
}

/** The slice of NomadClient this needs (its `openStream`), so tests can hand in a fake. */
export interface StreamOpener {
  openStream(
    path: string,
    spec: {
      query?: Record<string, string | number | boolean | undefined>;
      namespace?: string;
      signal?: AbortSignal;
      capability?: string;
      subject?: string;
    },
  ): Promise<AsyncIterable<Uint8Array> & { destroy(): void }>;
}

/** The path and query of the logs endpoint, always framed (`plain=false`) so offsets and file events arrive. */
export function taskLogsRequest(query: TaskLogQuery): { path: string; query: Record<string, string | number | boolean> } {
  return {
    path: `/v1/client/fs/logs/${encodeURIComponent(query.allocId)}`,
    query: {
      task: query.task,
      type: query.type,
      follow: query.follow,
      origin: query.origin,
      offset: Math.max(0, Math.floor(query.offset)),
      plain: false,
    },
  };
}

/**
 * Streams a task's log as frames until the server ends it (the task is dead)
 * or the signal aborts (then the connection is closed). HTTP errors (unknown
 * allocation, unreachable node, permission denied) reject from the first
 * iteration as NomadError.
 */
export async function* streamTaskLogs(client: StreamOpener, query: TaskLogQuery, signal: AbortSignal): AsyncGenerator<LogFrame> {
  const request = taskLogsRequest(query);
  const body = await client.openStream(request.path, {
    query: request.query,
    namespace: query.namespace,
    signal,
    capability: 'read-logs',
    subject: `allocation "${query.allocId}"`,
  });
  try {
    yield* decodeLogFrames(body);
  } finally {
    body.destroy();
  }
}
