// The fake's exec and action WebSockets, modelled on Nomad's handlers
// (v1.0.18 command/agent/alloc_endpoint.go allocExec + client/alloc_endpoint.go
// execImpl; v1.9.0 command/agent/job_endpoint.go jobActions/jobRunAction):
// the upgrade always succeeds, then refusals arrive as a close frame whose
// reason is Nomad's error text (1008 for 4xx causes, 1011 for 500s) and a
// finished command sends {"exited":true,"result":{"exit_code":N}} before a
// normal close. What runs inside the task is a tiny shell (see FakeShell).
import type { IncomingMessage } from 'http';
import type { Duplex } from 'stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { versionAtLeast } from '../../../client/src/nomad/agent';
import { splitCommandLine } from '../../../client/src/nomad/execProtocol';
import type { Job } from '../../../client/src/nomad/types';
import type { StoredAllocation } from './records';
import type { FakeNomadState } from './state';

/** Actions arrived in Nomad 1.7. */
export const ACTIONS_SINCE = '1.7.0';
/** Drivers whose plugins implement exec streaming in Nomad 1.0 (qemu does not). */
const EXEC_DRIVERS = new Set(['docker', 'exec', 'raw_exec', 'java', 'podman', 'mock_driver']);

const POLICY_VIOLATION = 1008;
const INTERNAL_ERROR = 1011;

export interface ExecRecord {
  allocId: string;
  task: string;
  command: string[];
  tty: boolean;
  /** Every tty_size message, in order. */
  sizes: { width: number; height: number }[];
}

/** What the fake's exec saw, for tests to assert on. */
export class FakeExecLog {
  readonly sessions: ExecRecord[] = [];
}

interface ExecRequest {
  alloc: StoredAllocation | undefined;
  allocId: string;
  task: string;
  command: string[];
  tty: boolean;
  upgrade: IncomingMessage;
}

export interface ExecAcl {
  /** Whether the token on the upgrade request may exec (Nomad checks after the upgrade). */
  allows(req: IncomingMessage): boolean;
}

/** Handles upgrades for the exec and action paths; returns false for other paths (the server then refuses them). */
export function execUpgrade(state: FakeNomadState, log: FakeExecLog, acl: ExecAcl) {
  const wss = new WebSocketServer({ noServer: true });
  return (req: IncomingMessage, socket: Duplex, head: Buffer): boolean => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = decodeURIComponent(url.pathname);
    const exec = /^\/v1\/client\/allocation\/([^/]+)\/exec$/.exec(path);
    const action = /^\/v1\/job\/(.+)\/action$/.exec(path);
    if (!exec && !(action && versionAtLeast(state.agentVersion, ACTIONS_SINCE))) return false;
    wss.handleUpgrade(req, socket, head, (ws) => {
      const q = url.searchParams;
      if (exec) {
        let command: string[] = [];
        try {
          command = JSON.parse(q.get('command') ?? '') as string[];
        } catch {
          return ws.close(INTERNAL_ERROR, 'failed to marshal command into json');
        }
        const allocId = exec[1];
        run(state, log, acl, ws, { alloc: state.allocations.get(allocId), allocId, task: q.get('task') ?? '', command, tty: q.get('tty') === 'true', upgrade: req });
        return;
      }
      const jobId = action![1];
      const allocId = q.get('allocID') ?? '';
      const alloc = state.allocations.get(allocId);
      const task = q.get('task') ?? '';
      const found = alloc && jobActions(alloc.Job).find((a) => a.Name === q.get('action') && a.TaskName === task);
      if (!alloc || alloc.JobID !== jobId) return ws.close(POLICY_VIOLATION, `Unknown allocation "${allocId}"`);
      if (!found) return ws.close(INTERNAL_ERROR, `action ${q.get('action')} not found`);
      run(state, log, acl, ws, { alloc, allocId, task, command: [found.Command, ...found.Args], tty: q.get('tty') === 'true', upgrade: req });
    });
    return true;
  };
}

/** The refusals of client/alloc_endpoint.go execImpl, in its order. */
function refusal(state: FakeNomadState, acl: ExecAcl, req: ExecRequest): [number, string] | undefined {
  const { alloc, task } = req;
  if (!alloc) return [POLICY_VIOLATION, `Unknown allocation "${req.allocId}"`];
  if (state.nodes.get(alloc.NodeID)?.Status === 'down') return [INTERNAL_ERROR, 'No path to node'];
  if (!acl.allows(req.upgrade)) return [POLICY_VIOLATION, 'Permission denied'];
  if (task === '') return [POLICY_VIOLATION, 'task is not present'];
  if (req.command.length === 0) return [POLICY_VIOLATION, 'command is not present'];
  const taskState = alloc.TaskStates?.[task];
  // Nomad asks the task's driver first, which fails with a 500 for a task it has no runner for.
  if (!taskState) return [INTERNAL_ERROR, 'task not found'];
  if (!taskState.StartedAt) return [POLICY_VIOLATION, `task "${task}" not started yet.`];
  if (taskState.State !== 'running') return [POLICY_VIOLATION, `task "${task}" is not running.`];
  if (!EXEC_DRIVERS.has(driverOf(alloc, task))) return [INTERNAL_ERROR, 'task driver does not support exec'];
  return undefined;
}

function driverOf(alloc: StoredAllocation, task: string): string {
  const group = alloc.Job.TaskGroups?.find((g) => g.Name === alloc.TaskGroup);
  return String(group?.Tasks?.find((t) => t.Name === task)?.Driver ?? '');
}

function run(state: FakeNomadState, log: FakeExecLog, acl: ExecAcl, ws: WebSocket, req: ExecRequest): void {
  const refused = refusal(state, acl, req);
  if (refused) return ws.close(refused[0], refused[1]);
  const record: ExecRecord = { allocId: req.allocId, task: req.task, command: req.command, tty: req.tty, sizes: [] };
  log.sessions.push(record);
  const send = (stream: 'stdout' | 'stderr', text: string): void => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ [stream]: { data: Buffer.from(text, 'utf8').toString('base64') } }));
  };
  const shell = new FakeShell(req.tty, req.command, record, (text) => send('stdout', text), (text) => send('stderr', text), (code) => {
    if (ws.readyState !== ws.OPEN) return;
    ws.send(JSON.stringify({ exited: true, result: { exit_code: code } }));
    ws.close(1000, '');
  });
  ws.on('message', (data) => {
    let message: { stdin?: { data?: string; close?: boolean }; tty_size?: { width?: number; height?: number } };
    try {
      message = JSON.parse(data.toString()) as typeof message;
    } catch {
      return ws.close(INTERNAL_ERROR, 'invalid character in exec input');
    }
    if (message.tty_size) record.sizes.push({ width: message.tty_size.width ?? 0, height: message.tty_size.height ?? 0 });
    else if (message.stdin?.close) shell.endOfInput();
    else if (message.stdin?.data) shell.input(Buffer.from(message.stdin.data, 'base64').toString('utf8'));
  });
  shell.start();
}

/**
 * What runs in the task: `sh`/`bash` without `-c` is an interactive shell
 * (prompt `$ `, with a TTY it echoes what is typed); any other argv is run as
 * one command line. Commands: `echo WORDS`, `exit [N]`, `stty size` (the last
 * tty_size), `tty`, `cat` (echoes input until EOF), `sleep` (waits for ^C),
 * `read` (waits for a line or ^C);
 * others print `sh: NAME: not found` (status 127). ^C interrupts a command
 * or clears the line.
 */
class FakeShell {
  private line = '';
  private interactive: boolean;
  private waiting: 'cat' | 'sleep' | 'read' | undefined;
  /** Without a TTY, Nomad reports the exit only once the input was closed too (as a real agent does). */
  private exitedBeforeEof: number | undefined;
  private inputClosed = false;

  constructor(
    private readonly tty: boolean,
    private readonly argv: string[],
    private readonly record: ExecRecord,
    private readonly out: (text: string) => void,
    private readonly err: (text: string) => void,
    private readonly reportExit: (code: number) => void,
  ) {
    this.interactive = /(^|\/)(ba)?sh$/.test(argv[0] ?? '') && !argv.includes('-c');
  }

  private exit(code: number): void {
    if (this.tty || this.inputClosed) this.reportExit(code);
    else this.exitedBeforeEof = code;
  }

  private get newline(): string {
    return this.tty ? '\r\n' : '\n';
  }

  start(): void {
    if (this.interactive) this.out('$ ');
    else if (this.argv.includes('-c')) this.finishCommand(this.runLine(this.argv[this.argv.indexOf('-c') + 1] ?? ''));
    else this.finishCommand(this.runLine(this.argv.map((a) => (/\s/.test(a) ? `'${a}'` : a)).join(' ')));
  }

  input(text: string): void {
    for (const c of text) {
      if (c === '\x03') {
        this.out(`^C${this.newline}`);
        this.line = '';
        if (this.waiting) this.finishCommand(130);
        else if (this.interactive) this.out('$ ');
        continue;
      }
      if (this.waiting === 'sleep') continue;
      if (c === '\r' || c === '\n') {
        if (this.tty) this.out('\r\n');
        const line = this.line;
        this.line = '';
        if (this.waiting === 'cat') this.out(line + this.newline);
        else if (this.waiting === 'read') this.finishCommand(0);
        else if (this.interactive) this.finishCommand(this.runLine(line));
      } else if (c === '\x7f') {
        if (this.line.length > 0 && this.tty) this.out('\b \b');
        this.line = this.line.slice(0, -1);
      } else {
        if (this.tty) this.out(c);
        this.line += c;
      }
    }
  }

  endOfInput(): void {
    this.inputClosed = true;
    if (this.exitedBeforeEof !== undefined) this.reportExit(this.exitedBeforeEof);
    else if (this.waiting === 'cat') this.finishCommand(0);
    else if (this.interactive) this.exit(0);
  }

  /** After a command: an interactive shell prompts again, a one-shot command exits. `ended`: `exit` already ended the session. */
  private finishCommand(status: number | 'ended' | 'wait'): void {
    if (status === 'wait' || status === 'ended') return;
    this.waiting = undefined;
    if (this.interactive) this.out('$ ');
    else this.exit(status);
  }

  private runLine(line: string): number | 'ended' | 'wait' {
    const [name, ...args] = splitCommandLine(line) ?? [];
    if (!name) return 0;
    switch (name) {
      case 'echo':
        this.out(args.join(' ') + this.newline);
        return 0;
      case 'exit':
        this.exit(Number.parseInt(args[0] ?? '0', 10) || 0);
        return 'ended';
      case 'stty': {
        const size = this.record.sizes[this.record.sizes.length - 1];
        this.out(`${size?.height ?? 0} ${size?.width ?? 0}${this.newline}`);
        return 0;
      }
      case 'tty':
        this.out((this.tty ? '/dev/pts/0' : 'not a tty') + this.newline);
        return this.tty ? 0 : 1;
      case 'cat':
      case 'sleep':
      case 'read':
        this.waiting = name;
        return 'wait';
      default:
        this.err(`sh: ${name}: not found${this.newline}`);
        return 127;
    }
  }
}

export interface JobAction {
  Name: string;
  Command: string;
  Args: string[];
  TaskName: string;
  TaskGroupName: string;
}

/** GET /v1/job/:id/actions: every task's `action` blocks, flattened as Nomad's JobAction. */
export function jobActions(job: Job): JobAction[] {
  const actions: JobAction[] = [];
  for (const group of job.TaskGroups ?? []) {
    for (const task of group.Tasks ?? []) {
      const declared = (task as { Actions?: { Name?: string; Command?: string; Args?: string[] | null }[] | null }).Actions ?? [];
      for (const action of declared) {
        actions.push({ Name: String(action.Name), Command: String(action.Command), Args: action.Args ?? [], TaskName: String(task.Name), TaskGroupName: String(group.Name) });
      }
    }
  }
  return actions;
}
