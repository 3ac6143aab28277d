// Owns the language client: starts the server process over IPC the first
// time a Nomad job file is seen, and stops it with the extension. The client
// library (about half of the extension's code) is loaded only then: the
// extension activates for every JSON file, and most are not jobs.
import * as vscode from 'vscode';
import type { LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { isJobDocument } from './jobFileDetector';

export type LanguageServerState = 'not started' | 'starting' | 'running';

export class LanguageClientController implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<LanguageClient> | undefined;
  private readonly startEmitter = new vscode.EventEmitter<LanguageClient>();
  private readonly disposables: vscode.Disposable[] = [this.startEmitter];

  /** Fires each time the server has started (again after a stop), for features that send it notifications. */
  readonly onDidStartClient = this.startEmitter.event;

  constructor(private readonly context: vscode.ExtensionContext) {}

  /** Starts the server now if a job file is already open, otherwise when the first one opens. */
  startWhenJobFilesOpen(): void {
    if (vscode.workspace.textDocuments.some(isJobDocument)) {
      void this.ensureStarted();
      return;
    }
    const listener = vscode.workspace.onDidOpenTextDocument((document) => {
      if (!isJobDocument(document)) return;
      listener.dispose();
      void this.ensureStarted();
    });
    this.disposables.push(listener);
  }

  get state(): LanguageServerState {
    if (!this.starting) return 'not started';
    return this.client?.isRunning() ? 'running' : 'starting';
  }

  ensureStarted(): Promise<LanguageClient> {
    this.starting ??= this.start();
    return this.starting;
  }

  private async start(): Promise<LanguageClient> {
    const { LanguageClient, TransportKind } = await import(/* webpackChunkName: "languageClient" */ 'vscode-languageclient/node');
    const module = this.context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { language: 'nomad' },
        { language: 'json', scheme: 'file' },
        { language: 'json', scheme: 'untitled' },
      ],
      synchronize: { configurationSection: 'nomad' },
    };
    this.client = new LanguageClient('nomad', 'Nomad Language Server', serverOptions, clientOptions);
    await this.client.start();
    this.startEmitter.fire(this.client);
    return this.client;
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.starting = undefined;
    if (client) await client.stop();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    void this.stop();
  }
}
