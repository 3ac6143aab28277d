// The fake Nomad's task logs: `GET /v1/client/fs/logs/:alloc` answered the
// way a real client node streams them. Frames are concatenated JSON objects
// `{"Data":"<base64>","File":"alloc/logs/<task>.<type>.0","Offset":<end>}`,
// empty `{}` frames are heartbeats, `origin`/`offset` pick where reading
// starts, and with `follow=true` the stream stays open and carries what the
// task prints until the task finishes or the reader disconnects. Tests make a
// task print (`write`, or `startPrinting` for a line every interval) and can
// make the allocation unknown, its node unreachable, or logs forbidden.
import type { IncomingMessage, ServerResponse } from 'http';

export type FakeLogType = 'stdout' | 'stderr';

/** Nomad sends at most 64 KiB of data per frame. */
const FRAME_BYTES = 64 * 1024;

interface LogFile {
  data: Buffer;
  /** The task is dead: followers get the rest and then the stream ends. */
  finished: boolean;
}

interface Follower {
  file: string;
  res: ServerResponse;
  sent: number;
}

export interface LogRequest {
  allocId: string;
  query: URLSearchParams;
  /** X-Nomad-Token of the request, if any. */
  token?: string;
}

export class FakeTaskLogs {
  /** Interval of `{}` heartbeats while following; Nomad uses one second. */
  heartbeatMs = 1000;
  /** Allocation ids whose client node the servers cannot reach. */
  readonly unreachable = new Set<string>();
  /** Tokens that may do everything except read logs (no read-logs capability). */
  readonly logsDeniedTokens = new Set<string>();
  private readonly files = new Map<string, LogFile>();
  private readonly followers = new Set<Follower>();
  private readonly printers = new Set<NodeJS.Timeout>();

  /** `exists(allocId)` says whether the cluster knows the allocation; `tasks(allocId)` lists its task names. */
  constructor(
    private readonly exists: (allocId: string) => boolean,
    private readonly tasks: (allocId: string) => string[],
  ) {}

  static path(task: string, type: FakeLogType): string {
    return `alloc/logs/${task}.${type}.0`;
  }

  private key(allocId: string, task: string, type: FakeLogType): string {
    return `${allocId}/${FakeTaskLogs.path(task, type)}`;
  }

  private file(key: string): LogFile {
    let file = this.files.get(key);
    if (!file) {
      file = { data: Buffer.alloc(0), finished: false };
      this.files.set(key, file);
    }
    return file;
  }

  /** Appends output as the task would print it and pushes it to every follower. */
  write(allocId: string, task: string, text: string, type: FakeLogType = 'stdout'): void {
    const key = this.key(allocId, task, type);
    const file = this.file(key);
    file.data = Buffer.concat([file.data, Buffer.from(text, 'utf8')]);
    for (const follower of this.followers) if (follower.file === key) this.flush(follower, file);
  }

  /** Prints `line(n)` every `everyMs` (n = 1, 2, ...) until stopped: the "one line a second" task. */
  startPrinting(allocId: string, task: string, options: { everyMs?: number; type?: FakeLogType; line?: (n: number) => string } = {}): { stop(): void } {
    let n = 0;
    const timer = setInterval(() => {
      n++;
      this.write(allocId, task, `${options.line?.(n) ?? `tick ${n}`}\n`, options.type);
    }, options.everyMs ?? 1000);
    this.printers.add(timer);
    return {
      stop: () => {
        clearInterval(timer);
        this.printers.delete(timer);
      },
    };
  }

  /** The task died: open streams send what is left and end, later reads end at once. */
  finish(allocId: string, task: string): void {
    for (const type of ['stdout', 'stderr'] as const) {
      const key = this.key(allocId, task, type);
      this.file(key).finished = true;
      for (const follower of [...this.followers]) if (follower.file === key) this.end(follower);
    }
  }

  /** Streams being followed right now (a closed editor must bring this back down). */
  activeStreams(allocId?: string): number {
    return [...this.followers].filter((f) => allocId === undefined || f.file.startsWith(`${allocId}/`)).length;
  }

  /** Answers one logs request on `res`. */
  handle(req: LogRequest, incoming: IncomingMessage, res: ServerResponse): void {
    const refusal = this.refusal(req);
    if (refusal) {
      res.writeHead(refusal.status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(refusal.text);
      return;
    }
    const task = req.query.get('task')!;
    const type = req.query.get('type') as FakeLogType;
    const key = this.key(req.allocId, task, type);
    const file = this.file(key);
    const offset = Math.max(0, Number(req.query.get('offset') ?? 0) || 0);
    const start = req.query.get('origin') === 'end' ? Math.max(0, file.data.length - offset) : Math.min(offset, file.data.length);
    res.writeHead(200, { 'Content-Type': 'application/json' });
    const follower: Follower = { file: key, res, sent: start };
    this.flush(follower, file);
    if (req.query.get('follow') !== 'true' || file.finished) {
      res.end();
      return;
    }
    this.followers.add(follower);
    const heartbeat = setInterval(() => res.write('{}'), this.heartbeatMs);
    const stop = (): void => {
      clearInterval(heartbeat);
      this.followers.delete(follower);
    };
    res.once('close', stop);
    incoming.once('close', stop);
  }

  /** Stops printers and ends every open stream (server shutdown). */
  dispose(): void {
    for (const timer of this.printers) clearInterval(timer);
    this.printers.clear();
    for (const follower of [...this.followers]) this.end(follower);
  }

  private refusal(req: LogRequest): { status: number; text: string } | undefined {
    if (req.token !== undefined && this.logsDeniedTokens.has(req.token)) return { status: 403, text: 'Permission denied' };
    if (!this.exists(req.allocId)) return { status: 404, text: `Unknown allocation "${req.allocId}"` };
    if (this.unreachable.has(req.allocId)) return { status: 500, text: 'failed to reach client: no path to node' };
    const task = req.query.get('task');
    if (!task) return { status: 400, text: 'must provide task name' };
    const type = req.query.get('type');
    if (type !== 'stdout' && type !== 'stderr') return { status: 400, text: 'must provide log type (stdout/stderr)' };
    const origin = req.query.get('origin');
    if (origin && origin !== 'start' && origin !== 'end') return { status: 400, text: 'origin must be start or end' };
    if (!this.tasks(req.allocId).includes(task)) return { status: 400, text: `unknown task name "${task}"` };
    return undefined;
  }

  /** Sends the follower everything it has not seen yet, in frames of at most 64 KiB. */
  private flush(follower: Follower, file: LogFile): void {
    const path = follower.file.slice(follower.file.indexOf('/') + 1);
    while (follower.sent < file.data.length) {
      const chunk = file.data.subarray(follower.sent, Math.min(file.data.length, follower.sent + FRAME_BYTES));
      follower.sent += chunk.length;
      // Like Nomad, Offset is where the file stands after this frame's data.
      follower.res.write(JSON.stringify({ Data: chunk.toString('base64'), File: path, Offset: follower.sent }));
    }
  }

  private end(follower: Follower): void {
    this.flush(follower, this.file(follower.file));
    this.followers.delete(follower);
    follower.res.end();
  }
}
