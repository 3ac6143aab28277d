// Open variables as editable documents of their items. Reading remembers the
// variable's ModifyIndex; saving writes with check-and-set on it, so a change
// made meanwhile on the cluster is never overwritten: the save is refused, and
// the user can compare with the cluster's copy and re-apply their version on
// top of it. Item values live only in these documents (never logged).
import * as vscode from 'vscode';
import type { ConnectionManager } from '../../connection/connectionManager';
import type { NomadClient } from '../../nomad/client';
import { readVariable, writeVariable, type CasOutcome, type Variable } from '../../nomad/variables';
import { itemsText, parseItemsText } from './variablePresentation';
import { formatVariableRef, parseVariableRef, VARIABLE_SCHEME, type VariableRef } from './variableUri';

export function variableUri(ref: VariableRef): vscode.Uri {
  return vscode.Uri.from(formatVariableRef(ref));
}

/** What a save found when the cluster had moved on; the UI decides what to offer. */
export interface SaveConflict {
  uri: vscode.Uri;
  ref: VariableRef;
  current: Variable;
  /** The ModifyIndex the document was based on. */
  base: number;
}

interface Snapshot {
  modifyIndex: number;
  mtime: number;
  size: number;
}

const NS_PER_MS = 1e6;

export class VariableDocuments implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changes.event;
  /** What each open document was read at (the check-and-set index of its next save). */
  private readonly snapshots = new Map<string, Snapshot>();
  /** The cluster's copies shown after refused saves. */
  private readonly clusterCopies = new Map<string, Variable>();
  private readonly registration: vscode.Disposable;

  constructor(
    private readonly connections: ConnectionManager,
    private readonly onConflict: (conflict: SaveConflict) => void,
  ) {
    this.registration = vscode.workspace.registerFileSystemProvider(VARIABLE_SCHEME, this, { isCaseSensitive: true });
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const ref = this.refOf(uri);
    if (ref.clusterCopy) {
      const copy = this.clusterCopies.get(uri.toString());
      if (!copy) throw vscode.FileSystemError.FileNotFound(uri);
      return { type: vscode.FileType.File, ctime: 0, mtime: copy.ModifyTime / NS_PER_MS, size: itemsText(copy.Items).length, permissions: vscode.FilePermission.Readonly };
    }
    const known = this.snapshots.get(uri.toString());
    if (known) return { type: vscode.FileType.File, ctime: 0, mtime: known.mtime, size: known.size };
    const variable = await this.read(uri, ref);
    return { type: vscode.FileType.File, ctime: variable.CreateTime / NS_PER_MS, mtime: variable.ModifyTime / NS_PER_MS, size: itemsText(variable.Items).length };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const ref = this.refOf(uri);
    if (ref.clusterCopy) {
      const copy = this.clusterCopies.get(uri.toString());
      if (!copy) throw vscode.FileSystemError.FileNotFound(uri);
      return new TextEncoder().encode(itemsText(copy.Items));
    }
    return new TextEncoder().encode(itemsText((await this.read(uri, ref)).Items));
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const ref = this.refOf(uri);
    if (ref.clusterCopy) throw vscode.FileSystemError.NoPermissions('This is the cluster\'s copy, for comparing; edit the variable itself.');
    const parsed = parseItemsText(new TextDecoder().decode(content));
    if ('problem' in parsed) throw vscode.FileSystemError.NoPermissions(parsed.problem);
    const base = this.snapshots.get(uri.toString())?.modifyIndex ?? 0;
    const outcome = await this.writeItems(uri, ref, parsed.items, base);
    if (outcome.kind === 'conflict') {
      // Offered once this save has failed, so that re-applying is not mixed up with it.
      setImmediate(() => this.onConflict({ uri, ref, current: outcome.current, base }));
      const now = outcome.current.ModifyIndex === 0 ? 'it was deleted or is locked' : `it is now at modify index ${outcome.current.ModifyIndex}`;
      throw vscode.FileSystemError.NoPermissions(`Not saved: ${ref.path} changed on the cluster since you opened it (you had modify index ${base}; ${now}).`);
    }
  }

  /** Writes items with check-and-set on `cas`; on success the document is based on what was written. */
  async writeItems(uri: vscode.Uri, ref: VariableRef, items: Record<string, string>, cas: number): Promise<CasOutcome<Variable>> {
    const outcome = await writeVariable(await this.clientOf(ref), ref.path, items, cas, { namespace: ref.namespace });
    if (outcome.kind === 'done') this.remember(uri, outcome.value);
    return outcome;
  }

  /** Registers the cluster's copy for a diff and returns its address. */
  showClusterCopy(ref: VariableRef, current: Variable): vscode.Uri {
    const uri = variableUri({ ...ref, clusterCopy: true });
    this.clusterCopies.set(uri.toString(), current);
    this.changes.fire([{ type: vscode.FileChangeType.Changed, uri }]);
    return uri;
  }

  /** Forgets what a document was read at, e.g. after the variable was deleted. */
  forget(uri: vscode.Uri): void {
    this.snapshots.delete(uri.toString());
  }

  readDirectory(): never {
    throw vscode.FileSystemError.NoPermissions('Variables are listed in the Variables view.');
  }

  createDirectory(): never {
    throw vscode.FileSystemError.NoPermissions('Variables are created with "Nomad: Create Variable".');
  }

  delete(): never {
    throw vscode.FileSystemError.NoPermissions('Delete variables from the Variables view.');
  }

  rename(): never {
    throw vscode.FileSystemError.NoPermissions('Variables cannot be renamed; create one at the new path and delete the old one.');
  }

  private async read(uri: vscode.Uri, ref: VariableRef): Promise<Variable> {
    try {
      const { value } = await readVariable(await this.clientOf(ref), ref.path, { namespace: ref.namespace });
      this.remember(uri, value);
      return value;
    } catch (error) {
      const e = error as { kind?: string; advice?: string; message?: string };
      if (e.kind === 'notFound') throw vscode.FileSystemError.FileNotFound(`Variable ${ref.path} does not exist in namespace ${ref.namespace}.`);
      throw vscode.FileSystemError.Unavailable(e.advice || e.message || String(error));
    }
  }

  private remember(uri: vscode.Uri, variable: Variable): void {
    this.snapshots.set(uri.toString(), { modifyIndex: variable.ModifyIndex, mtime: variable.ModifyTime / NS_PER_MS, size: itemsText(variable.Items).length });
  }

  private refOf(uri: vscode.Uri): VariableRef {
    const ref = parseVariableRef(uri.path, uri.query);
    if (!ref) throw vscode.FileSystemError.FileNotFound(uri);
    return ref;
  }

  private async clientOf(ref: VariableRef): Promise<NomadClient> {
    const client = await this.connections.clientFor(ref.cluster);
    if (!client) throw vscode.FileSystemError.Unavailable(`No cluster named "${ref.cluster}" is configured.`);
    return client;
  }

  dispose(): void {
    this.registration.dispose();
    this.changes.dispose();
  }
}
