// One running exec (or action) session over Nomad's WebSocket: writes the
// user's input, terminal size and heartbeats, and reports output, the exit
// code, or why the session ended without one. No VS Code here: the terminal
// in features/exec/ drives this.
import type WebSocket from 'ws';
import { NomadError } from './errors';
import {
  actionRequest,
  execRequest,
  HEARTBEAT_INTERVAL_MS,
  HEARTBEAT_MESSAGE,
  parseExecOutput,
  resizeMessage,
  stdinCloseMessage,
  stdinMessage,
  type ActionTarget,
  type ExecTarget,
  type SocketRequest,
} from './execProtocol';

/** The slice of NomadClient a session needs, so tests can hand in another. */
export interface SocketOpener {
  openWebSocket(
    path: string,
    spec: { query?: Record<string, string>; namespace?: string; signal?: AbortSignal; capability?: string; subject?: string },
    attach: (socket: WebSocket) => void,
  ): Promise<WebSocket>;
}

export interface ExecHandlers {
  output(data: Uint8Array, stream: 'stdout' | 'stderr'): void;
  /** The command ended with this exit code. */
  exited(exitCode: number): void;
  /** The session ended without an exit code: Nomad refused or the connection dropped. */
  failed(error: NomadError): void;
}

// RFC 6455 close codes Nomad uses: 1000 after the exit message, 1008 for
// refusals with a 4xx cause, 1011 for 500s.
const NORMAL_CLOSURE = 1000;

export class ExecSession {
  private heartbeat: NodeJS.Timeout | undefined;
  private finished = false;

  private constructor(
    private readonly socket: WebSocket,
    private readonly handlers: ExecHandlers,
  ) {
    socket.on('message', (data, isBinary) => this.receive(isBinary ? '' : data.toString()));
    socket.on('close', (code, reason) => this.closed(code, reason.toString()));
    socket.on('error', (error) => this.fail(new NomadError({ kind: 'unreachable', message: error.message, advice: '' })));
    this.heartbeat = setInterval(() => this.send(HEARTBEAT_MESSAGE), HEARTBEAT_INTERVAL_MS);
    this.heartbeat.unref?.();
  }

  /** Starts `command` in the task; rejects like any request when the upgrade is refused. */
  static exec(client: SocketOpener, target: ExecTarget, handlers: ExecHandlers, signal?: AbortSignal): Promise<ExecSession> {
    return ExecSession.open(client, execRequest(target), target.namespace, `allocation "${target.allocId}"`, 'alloc-exec', handlers, signal);
  }

  /** Runs a job action (Nomad 1.7+) in one allocation's task. */
  static action(client: SocketOpener, target: ActionTarget, handlers: ExecHandlers, signal?: AbortSignal): Promise<ExecSession> {
    return ExecSession.open(client, actionRequest(target), target.namespace, `job "${target.jobId}"`, 'alloc-exec', handlers, signal);
  }

  private static async open(
    client: SocketOpener,
    request: SocketRequest,
    namespace: string | undefined,
    subject: string,
    capability: string,
    handlers: ExecHandlers,
    signal?: AbortSignal,
  ): Promise<ExecSession> {
    let session: ExecSession | undefined;
    await client.openWebSocket(request.path, { query: request.query, namespace, signal, capability, subject }, (socket) => {
      session = new ExecSession(socket, handlers);
    });
    return session!;
  }

  get ended(): boolean {
    return this.finished;
  }

  write(data: Uint8Array | string): void {
    this.send(stdinMessage(data));
  }

  /** End of input for the command (it sees EOF on stdin). */
  closeInput(): void {
    this.send(stdinCloseMessage());
  }

  resize(columns: number, rows: number): void {
    this.send(resizeMessage(columns, rows));
  }

  /** Ends the session from our side; the command is stopped by Nomad when its socket goes. */
  close(): void {
    this.stopHeartbeat();
    this.finished = true;
    this.socket.close(NORMAL_CLOSURE);
  }

  private send(message: string): void {
    if (!this.finished && this.socket.readyState === this.socket.OPEN) this.socket.send(message);
  }

  private receive(text: string): void {
    if (this.finished) return;
    const message = parseExecOutput(text);
    if (message.kind === 'stdout' || message.kind === 'stderr') {
      if (message.data.length > 0) this.handlers.output(message.data, message.kind);
    } else if (message.kind === 'exited') {
      this.finish();
      this.handlers.exited(message.exitCode);
    }
  }

  private closed(code: number, reason: string): void {
    if (this.finished) return;
    this.fail(sessionClosedError(code, reason));
  }

  private fail(error: NomadError): void {
    if (this.finished) return;
    this.finish();
    this.handlers.failed(error);
  }

  private finish(): void {
    this.finished = true;
    this.stopHeartbeat();
    this.socket.close(NORMAL_CLOSURE);
  }

  private stopHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }
}

/** Why the socket closed before an exit code, in Nomad's words when it gave some. */
export function sessionClosedError(code: number, reason: string): NomadError {
  const text = reason.trim();
  if (/does not support exec/i.test(text)) {
    return new NomadError({
      kind: 'badRequest',
      message: text,
      serverText: text,
      advice: "This task's driver cannot run commands inside it (exec works with docker, exec, raw_exec, java and podman tasks).",
    });
  }
  if (/permission denied/i.test(text)) return new NomadError({ kind: 'permissionDenied', message: text, serverText: text, advice: '' });
  if (/not running|not started yet/i.test(text)) {
    return new NomadError({ kind: 'badRequest', message: text, serverText: text, advice: 'Pick an allocation whose task is running.' });
  }
  if (text !== '') return new NomadError({ kind: code === 1011 ? 'server' : 'badRequest', message: text, serverText: text, advice: '' });
  return new NomadError({
    kind: 'unreachable',
    message: 'The connection closed before the command reported an exit code',
    advice: 'The Nomad client node running the allocation may have become unreachable, or a proxy in between closed the WebSocket.',
  });
}
