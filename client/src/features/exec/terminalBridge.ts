// What an exec or action terminal does, without VS Code: connects once the
// terminal opens (so the first size is known), forwards keystrokes and
// resizes, writes output, and, when the command ends or the session fails,
// says so in the terminal and closes on the next key with the exit code.
import type { NomadError } from '../../nomad/errors';
import type { ExecHandlers, ExecSession } from '../../nomad/execSession';

export interface TerminalSize {
  columns: number;
  rows: number;
}

/** Starts the session; the bridge hands in what receives its output. */
export type SessionStarter = (handlers: ExecHandlers, signal: AbortSignal) => Promise<ExecSession>;

export interface TerminalSink {
  write(text: string): void;
  /** Closes the terminal; `exitCode` becomes its exit status. */
  close(exitCode?: number): void;
}

/** Words for a failure, e.g. from describeAllocationError: the bridge writes them in the terminal. */
export type FailureText = (error: unknown) => string;

const DIM = '\x1b[2m';
const RED = '\x1b[31m';
const RESET = '\x1b[0m';
const PRESS_ANY_KEY = 'Press any key to close the terminal.';

export type BridgeState = 'idle' | 'connecting' | 'running' | 'exited' | 'failed' | 'closed';

export class TerminalBridge {
  private session: ExecSession | undefined;
  private size: TerminalSize | undefined;
  private pending: string[] = [];
  private readonly abort = new AbortController();
  private exitCode: number | undefined;
  private current: BridgeState = 'idle';
  private readonly decoder = new TextDecoder('utf-8');

  constructor(
    private readonly start: SessionStarter,
    private readonly sink: TerminalSink,
    private readonly describe: FailureText,
    private readonly banner: string,
  ) {}

  get state(): BridgeState {
    return this.current;
  }

  /** The command's exit code, once it exited. */
  get exit(): number | undefined {
    return this.exitCode;
  }

  open(size: TerminalSize | undefined): void {
    if (this.current !== 'idle') return;
    this.size = size;
    this.current = 'connecting';
    this.sink.write(`${DIM}${this.banner}${RESET}\r\n`);
    this.start(
      {
        output: (data) => this.sink.write(this.decoder.decode(data, { stream: true })),
        exited: (code) => this.ended('exited', code),
        failed: (error) => this.failed(error),
      },
      this.abort.signal,
    ).then(
      (session) => {
        if (this.current !== 'connecting') return void session.close();
        this.session = session;
        this.current = 'running';
        if (this.size) session.resize(this.size.columns, this.size.rows);
        for (const data of this.pending) session.write(data);
        this.pending = [];
      },
      (error: unknown) => this.failed(error),
    );
  }

  input(data: string): void {
    if (this.current === 'exited' || this.current === 'failed') return this.finish();
    if (this.current === 'connecting') this.pending.push(data);
    else if (this.current === 'running') this.session?.write(data);
  }

  resize(size: TerminalSize): void {
    this.size = size;
    if (this.current === 'running') this.session?.resize(size.columns, size.rows);
  }

  /** The user closed the terminal: stop the session (Nomad then stops the command). */
  dispose(): void {
    if (this.current === 'closed') return;
    this.current = 'closed';
    this.abort.abort();
    this.session?.close();
  }

  private ended(state: 'exited', code: number): void {
    if (this.current === 'closed') return;
    this.current = state;
    this.exitCode = code;
    this.sink.write(`\r\n${DIM}The command exited with code ${code}. ${PRESS_ANY_KEY}${RESET}\r\n`);
  }

  private failed(error: unknown): void {
    if (this.current === 'closed' || (error as NomadError | undefined)?.kind === 'cancelled') return;
    this.current = 'failed';
    const text = this.describe(error).replace(/\r?\n/g, '\r\n');
    this.sink.write(`\r\n${RED}${text}${RESET}\r\n${DIM}${PRESS_ANY_KEY}${RESET}\r\n`);
  }

  private finish(): void {
    const code = this.exitCode;
    this.dispose();
    this.sink.close(code);
  }
}
