// Allocation directories as a read-only file system, so a file opens in an
// ordinary editor (search, copy, syntax colours) without ever being writable.
// Every call goes to the active cluster; sizes are capped in nomad/allocFiles.ts.
import * as vscode from 'vscode';
import {
  AllocFileTooLargeError,
  listAllocDir,
  readAllocFile,
  statAllocFile,
  type AllocFileInfo,
} from '../../nomad/allocFiles';
import type { ApiCaller } from '../../nomad/allocations';
import type { StreamOpener } from '../../nomad/logs';
import { ALLOC_FS_SCHEME, parseAllocFileUri, type AllocFileRef } from './allocFileUri';

export type AllocFilesClient = ApiCaller & StreamOpener;

const READ_ONLY = 'Allocation files are read-only here; change them from inside the task (Nomad: Exec into Task).';

export class AllocFileSystem implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changes.event;
  private readonly registration: vscode.Disposable;

  constructor(private readonly getClient: () => Promise<AllocFilesClient>) {
    this.registration = vscode.workspace.registerFileSystemProvider(ALLOC_FS_SCHEME, this, { isCaseSensitive: true, isReadonly: true });
  }

  /** Opens an allocation file (a `nomad-alloc-fs:` URI) in a preview editor. */
  async open(uri: string): Promise<void> {
    await vscode.window.showTextDocument(vscode.Uri.parse(uri), { preview: true });
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const ref = refOf(uri);
    return toFileStat(await this.attempt(uri, async (client) => statAllocFile(client, ref.allocId, ref.path, { namespace: ref.namespace })));
  }

  async readDirectory(uri: vscode.Uri): Promise<[string, vscode.FileType][]> {
    const ref = refOf(uri);
    const entries = await this.attempt(uri, (client) => listAllocDir(client, ref.allocId, ref.path, { namespace: ref.namespace }));
    return entries.map((e) => [e.Name, e.IsDir ? vscode.FileType.Directory : vscode.FileType.File]);
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const ref = refOf(uri);
    return this.attempt(uri, (client) => readAllocFile(client, ref.allocId, ref.path, { namespace: ref.namespace }));
  }

  writeFile(): never {
    throw vscode.FileSystemError.NoPermissions(READ_ONLY);
  }

  createDirectory(): never {
    throw vscode.FileSystemError.NoPermissions(READ_ONLY);
  }

  delete(): never {
    throw vscode.FileSystemError.NoPermissions(READ_ONLY);
  }

  rename(): never {
    throw vscode.FileSystemError.NoPermissions(READ_ONLY);
  }

  dispose(): void {
    this.registration.dispose();
    this.changes.dispose();
  }

  /** Runs a call and turns Nomad's answers into the errors VS Code shows for files. */
  private async attempt<T>(uri: vscode.Uri, call: (client: AllocFilesClient) => Promise<T>): Promise<T> {
    try {
      return await call(await this.getClient());
    } catch (error) {
      if (error instanceof AllocFileTooLargeError) throw vscode.FileSystemError.Unavailable(error.message);
      const e = error as { kind?: string; serverText?: string; message?: string; advice?: string };
      const text = e.serverText?.split('\n')[0] || e.message || String(error);
      if (/no such file or directory/.test(text)) throw vscode.FileSystemError.FileNotFound(uri);
      throw vscode.FileSystemError.Unavailable(e.advice ? `${text} ${e.advice}` : text);
    }
  }
}

function refOf(uri: vscode.Uri): AllocFileRef {
  const ref = parseAllocFileUri(uri.path, uri.query);
  if (!ref) throw vscode.FileSystemError.FileNotFound(uri);
  return ref;
}

function toFileStat(info: AllocFileInfo): vscode.FileStat {
  const mtime = Date.parse(info.ModTime);
  return {
    type: info.IsDir ? vscode.FileType.Directory : vscode.FileType.File,
    ctime: 0,
    mtime: Number.isNaN(mtime) ? 0 : mtime,
    size: info.Size,
    permissions: vscode.FilePermission.Readonly,
  };
}
