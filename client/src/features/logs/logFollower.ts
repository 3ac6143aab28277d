// Follows one task log: reads frames from a source, decodes the bytes to text
// (keeping multi-byte characters that straddle frames whole), feeds a sink
// (the bounded buffer of a task log, or one stream's share of a job-wide log)
// and tells its owner when the text changed. No vscode here, so the
// whole following logic is unit-tested under Node.
import { isHeartbeat, type LogFrame } from '../../nomad/logs';
import type { LogLineBuffer } from './logLineBuffer';

/** Opens the frame stream; aborting the signal must end it. */
export type LogFrameSource = (signal: AbortSignal) => AsyncIterable<LogFrame>;

export type FollowState = 'following' | 'ended' | 'failed' | 'stopped';

/** Where decoded text goes: output as it comes, and whole lines of our own. */
export interface LogTextSink {
  append(text: string): void;
  appendLine(line: string): void;
}

export interface LogFollowerOptions {
  /** Turns a failure into the line shown in the log (e.g. NomadError message + advice). */
  describeError: (error: unknown) => string;
}

/** Who wants to hear that a followed log changed: each log document's session. */
export class ChangeListeners {
  private listeners: Array<() => void> = [];

  add(listener: () => void): { dispose(): void } {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  }

  fire(): void {
    for (const listener of this.listeners) listener();
  }
}

export class LogFollower<Sink extends LogTextSink = LogLineBuffer> {
  private readonly controller = new AbortController();
  private decoder = new TextDecoder('utf-8');
  private currentFile: string | undefined;
  private currentState: FollowState = 'following';
  private readonly changes = new ChangeListeners();
  /** Settles when the stream is over, whatever the reason. */
  readonly done: Promise<void>;

  constructor(
    private readonly source: LogFrameSource,
    readonly buffer: Sink,
    private readonly options: LogFollowerOptions,
  ) {
    this.done = this.run();
  }

  get state(): FollowState {
    return this.currentState;
  }

  /** Called after every change of the buffer text or the state. */
  onDidChange(listener: () => void): { dispose(): void } {
    return this.changes.add(listener);
  }

  /** Stops following (editor closed); the text stays as it is. */
  stop(): void {
    if (this.currentState !== 'following') return;
    this.currentState = 'stopped';
    this.controller.abort();
  }

  private async run(): Promise<void> {
    try {
      for await (const frame of this.source(this.controller.signal)) {
        if (this.controller.signal.aborted) return;
        this.accept(frame);
      }
      if (this.controller.signal.aborted) return;
      this.finish('ended', '[nomad] The log stream ended (the task stopped or the allocation finished).');
    } catch (error) {
      if (this.controller.signal.aborted) return;
      this.finish('failed', `[nomad] Stopped following: ${this.options.describeError(error)}`);
    }
  }

  private accept(frame: LogFrame): void {
    // Heartbeats only prove the connection is alive; the text does not change.
    if (isHeartbeat(frame)) return;
    let changed = false;
    if (frame.file !== undefined && frame.file !== this.currentFile) {
      // A new file (rotation): flush what the old decoder held back.
      changed = this.appendText(this.decoder.decode()) || changed;
      this.decoder = new TextDecoder('utf-8');
      this.currentFile = frame.file;
    }
    if (frame.data.length > 0) changed = this.appendText(this.decoder.decode(frame.data, { stream: true })) || changed;
    if (frame.fileEvent === 'file truncated') {
      this.buffer.appendLine(`[nomad] ${frame.file ?? 'The log file'} was truncated; following from its new end.`);
      changed = true;
    }
    if (changed) this.emit();
  }

  private appendText(text: string): boolean {
    if (text === '') return false;
    this.buffer.append(text);
    return true;
  }

  private finish(state: FollowState, notice: string): void {
    this.appendText(this.decoder.decode());
    this.currentState = state;
    this.buffer.appendLine(notice);
    this.emit();
  }

  private emit(): void {
    this.changes.fire();
  }
}
