// The JSON messages of Nomad's exec WebSocket (`/v1/client/allocation/:id/exec`)
// and of the action WebSocket built on it (`/v1/job/:id/action`, Nomad 1.7+).
// Each WebSocket text message is one object. Byte payloads are base64, as Go
// encodes `[]byte`:
//   to Nomad:   {"stdin":{"data":"<b64>"}}  {"stdin":{"close":true}}
//               {"tty_size":{"height":24,"width":80}}  {} (a heartbeat)
//   from Nomad: {"stdout":{"data":"<b64>"}}  {"stderr":{"data":"<b64>"}}
//               {"exited":true,"result":{"exit_code":0}}
// Failures arrive as a WebSocket close frame whose reason is Nomad's error text.

export type ExecOutput =
  | { kind: 'stdout' | 'stderr'; data: Uint8Array }
  | { kind: 'exited'; exitCode: number }
  | { kind: 'other' };

export function stdinMessage(data: Uint8Array | string): string {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
  return JSON.stringify({ stdin: { data: bytes.toString('base64') } });
}

/** Tells the command its input ended (as Ctrl+D at an empty prompt would). */
export function stdinCloseMessage(): string {
  return JSON.stringify({ stdin: { close: true } });
}

export function resizeMessage(columns: number, rows: number): string {
  const size = (n: number): number => Math.max(1, Math.floor(n));
  return JSON.stringify({ tty_size: { height: size(rows), width: size(columns) } });
}

/** Keeps idle sessions open through proxies; Nomad's own CLI sends one every 10 s. */
export const HEARTBEAT_MESSAGE = '{}';
export const HEARTBEAT_INTERVAL_MS = 10_000;

type Bag = Record<string, unknown>;
const bag = (value: unknown): Bag | undefined => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Bag) : undefined);

/** Decodes one message from Nomad; messages of no known kind come back as `other` (newer servers may add some). */
export function parseExecOutput(text: string): ExecOutput {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { kind: 'other' };
  }
  const message = bag(raw);
  if (!message) return { kind: 'other' };
  for (const kind of ['stdout', 'stderr'] as const) {
    const op = bag(message[kind]);
    if (op) return { kind, data: typeof op.data === 'string' ? Buffer.from(op.data, 'base64') : new Uint8Array(0) };
  }
  if (message.exited === true) {
    const code = bag(message.result)?.exit_code;
    return { kind: 'exited', exitCode: typeof code === 'number' ? code : 0 };
  }
  return { kind: 'other' };
}

export interface ExecTarget {
  allocId: string;
  task: string;
  /** argv, e.g. ['/bin/sh']; Nomad runs it without a shell. */
  command: string[];
  tty: boolean;
  namespace?: string;
}

export interface ActionTarget {
  jobId: string;
  action: string;
  allocId: string;
  task: string;
  tty: boolean;
  namespace?: string;
}

export interface SocketRequest {
  path: string;
  query: Record<string, string>;
}

export function execRequest(target: ExecTarget): SocketRequest {
  return {
    path: `/v1/client/allocation/${encodeURIComponent(target.allocId)}/exec`,
    query: { task: target.task, tty: String(target.tty), command: JSON.stringify(target.command) },
  };
}

export function actionRequest(target: ActionTarget): SocketRequest {
  return {
    path: `/v1/job/${encodeURIComponent(target.jobId)}/action`,
    query: { action: target.action, allocID: target.allocId, task: target.task, tty: String(target.tty) },
  };
}

/**
 * Splits what the user typed into argv the way a POSIX shell would for the
 * simple cases: whitespace separates words, single and double quotes group,
 * backslash escapes. Returns undefined for an unclosed quote.
 */
export function splitCommandLine(line: string): string[] | undefined {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"' && i + 1 < line.length) word += line[++i];
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < line.length) {
      word += line[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote) return undefined;
  if (inWord) words.push(word);
  return words;
}
