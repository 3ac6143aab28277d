// Opens exec and action sessions as VS Code terminals (a Pseudoterminal per
// session), and tells listeners (integration tests) about each one opened.
import * as vscode from 'vscode';
import { TerminalBridge, type FailureText, type SessionStarter } from './terminalBridge';

export interface TerminalSpec {
  /** Terminal tab title, e.g. `exec app@1a2b3c4d`. */
  name: string;
  /** First line written, saying what runs where. */
  banner: string;
  start: SessionStarter;
  describe: FailureText;
}

/** One terminal's pseudoterminal; `bridge` is its state, `onDidWrite` everything it printed. */
export class ExecPseudoterminal implements vscode.Pseudoterminal {
  private readonly writes = new vscode.EventEmitter<string>();
  private readonly closes = new vscode.EventEmitter<number | void>();
  readonly onDidWrite = this.writes.event;
  readonly onDidClose = this.closes.event;
  readonly bridge: TerminalBridge;

  constructor(spec: TerminalSpec) {
    this.bridge = new TerminalBridge(
      spec.start,
      { write: (text) => this.writes.fire(text), close: (code) => this.closes.fire(code) },
      spec.describe,
      spec.banner,
    );
  }

  open(dimensions: vscode.TerminalDimensions | undefined): void {
    this.bridge.open(dimensions && { columns: dimensions.columns, rows: dimensions.rows });
  }

  handleInput(data: string): void {
    this.bridge.input(data);
  }

  setDimensions(dimensions: vscode.TerminalDimensions): void {
    this.bridge.resize({ columns: dimensions.columns, rows: dimensions.rows });
  }

  close(): void {
    this.bridge.dispose();
    this.writes.dispose();
    this.closes.dispose();
  }
}

export class ExecTerminals implements vscode.Disposable {
  private readonly opened = new vscode.EventEmitter<{ terminal: vscode.Terminal; pty: ExecPseudoterminal }>();
  readonly onDidOpen = this.opened.event;

  open(spec: TerminalSpec): vscode.Terminal {
    const pty = new ExecPseudoterminal(spec);
    const terminal = vscode.window.createTerminal({ name: spec.name, pty, iconPath: new vscode.ThemeIcon('terminal') });
    terminal.show();
    this.opened.fire({ terminal, pty });
    return terminal;
  }

  dispose(): void {
    this.opened.dispose();
  }
}
