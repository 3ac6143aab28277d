// Shows followed task logs as read-only `nomad-log:` documents.
//
// Why a virtual document and not an output channel: each task/stream gets its
// own tab that can sit beside others, be searched, copied and split; closing
// the tab is a clear signal to stop following (an output channel cannot tell
// us it is no longer looked at); and the `.log` path gives VS Code's log
// colouring. The document text is the bounded LogLineBuffer, re-read on each
// (throttled) change. One task's log and a whole job's logs are both such
// documents; they differ only in what follows them.
import * as vscode from 'vscode';
import type { FollowState } from './logFollower';
import { logSettings, type LogSettings } from '../../settings';
import { jobLogUriComponents, LOG_SCHEME, logUriComponents, type JobLogTarget, type LogTarget } from './logTarget';

/** What a document shows: a LogFollower (one task) or a JobLogFollower (every allocation of a job). */
export interface FollowedLog {
  readonly state: FollowState;
  readonly buffer: { text(): string };
  onDidChange(listener: () => void): { dispose(): void };
  stop(): void;
}

/** Starts following the log a `nomad-log:` URI's query names; undefined when it names none. Where the Nomad client comes in. */
export type LogOpener = (query: string, settings: LogSettings) => FollowedLog | undefined;

/** Text changes are batched: a chatty task must not re-render the editor hundreds of times a second. */
const UPDATE_DELAY_MS = 150;

interface Session {
  follower: FollowedLog;
  timer?: NodeJS.Timeout;
  /** Line count the editors saw before the latest update, to tell who was scrolled to the end. */
  lineCount: number;
}

export class LogDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly sessions = new Map<string, Session>();
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter];
  readonly onDidChange = this.changeEmitter.event;

  constructor(private readonly openLog: LogOpener) {
    this.disposables.push(
      vscode.workspace.registerTextDocumentContentProvider(LOG_SCHEME, this),
      vscode.window.tabGroups.onDidChangeTabs((event) => this.stopClosed(event.closed)),
      vscode.workspace.onDidCloseTextDocument((document) => this.stop(document.uri)),
      vscode.workspace.onDidChangeTextDocument((event) => this.keepTailVisible(event.document)),
    );
  }

  static uriFor(target: LogTarget | JobLogTarget): vscode.Uri {
    return vscode.Uri.from('allocId' in target ? logUriComponents(target) : jobLogUriComponents(target));
  }

  /** Opens (or focuses) the log and follows it; a log whose stream ended or failed starts over. */
  async show(target: LogTarget | JobLogTarget): Promise<vscode.TextEditor> {
    const uri = LogDocuments.uriFor(target);
    const session = this.sessions.get(uri.toString());
    if (session && session.follower.state !== 'following') {
      this.stop(uri);
      this.changeEmitter.fire(uri);
    }
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    revealEnd(editor);
    return editor;
  }

  /** True while the log of this URI is being followed (tests and the close logic read it). */
  isFollowing(uri: vscode.Uri): boolean {
    return this.sessions.get(uri.toString())?.follower.state === 'following';
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const key = uri.toString();
    const session = this.sessions.get(key) ?? this.start(uri);
    return session ? session.follower.buffer.text() : '[nomad] This link does not name an allocation log.';
  }

  private start(uri: vscode.Uri): Session | undefined {
    const follower = this.openLog(uri.query, logSettings());
    if (!follower) return undefined;
    const session: Session = { follower, lineCount: 0 };
    follower.onDidChange(() => this.scheduleUpdate(uri, session));
    this.sessions.set(uri.toString(), session);
    return session;
  }

  private scheduleUpdate(uri: vscode.Uri, session: Session): void {
    if (session.timer) return;
    session.timer = setTimeout(() => {
      session.timer = undefined;
      this.changeEmitter.fire(uri);
    }, UPDATE_DELAY_MS);
  }

  /** Like `tail -f`: editors that were showing the last line keep showing it. */
  private keepTailVisible(document: vscode.TextDocument): void {
    if (document.uri.scheme !== LOG_SCHEME) return;
    const session = this.sessions.get(document.uri.toString());
    if (!session) return;
    const before = session.lineCount;
    session.lineCount = document.lineCount;
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document !== document) continue;
      const lastVisible = editor.visibleRanges.at(-1)?.end.line ?? 0;
      if (before === 0 || lastVisible >= before - 2) revealEnd(editor);
    }
  }

  private stopClosed(closed: readonly vscode.Tab[]): void {
    for (const tab of closed) {
      const uri = tab.input instanceof vscode.TabInputText ? tab.input.uri : undefined;
      if (uri?.scheme === LOG_SCHEME && !isStillOpen(uri)) this.stop(uri);
    }
  }

  private stop(uri: vscode.Uri): void {
    if (uri.scheme !== LOG_SCHEME) return;
    const key = uri.toString();
    const session = this.sessions.get(key);
    if (!session) return;
    clearTimeout(session.timer);
    session.follower.stop();
    this.sessions.delete(key);
  }

  dispose(): void {
    for (const session of this.sessions.values()) {
      clearTimeout(session.timer);
      session.follower.stop();
    }
    this.sessions.clear();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function isStillOpen(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.window.tabGroups.all.some((group) =>
    group.tabs.some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === key),
  );
}

function revealEnd(editor: vscode.TextEditor): void {
  const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
  editor.selection = new vscode.Selection(end, end);
  editor.revealRange(new vscode.Range(end, end), vscode.TextEditorRevealType.Default);
}
