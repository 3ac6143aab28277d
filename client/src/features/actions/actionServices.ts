// The long-lived side of the actions: the UI they talk through, the log
// documents they open, and the ActionContext handed to each command run.
// Owned and disposed by the extension context.
import type * as vscode from 'vscode';
import { describeAllocationError, READ_LOGS } from '../logs/allocationErrors';
import { LogDocuments } from '../logs/logDocuments';
import { clusterLogOpener } from '../logs/logSource';
import { followRun } from '../plan/runProgress';
import { ExecTerminals } from '../exec/execTerminals';
import { AllocFileSystem } from '../allocFiles/allocFileSystem';
import type { NomadClient } from '../../nomad/client';
import type { ActionContext } from './actionContext';
import type { ActionUi } from './actionUi';
import type { JobRef } from './targets';
import { VscodeActionUi } from './vscodeActionUi';

export interface ActionServicesDeps {
  /** The active cluster's client; rejects with a NomadError when there is none. */
  getActiveClient(): Promise<NomadClient>;
  /** URI of the read-only document of one job version (the explorer's `nomad:` documents). */
  versionDocumentUri(job: JobRef, version: number): string;
}

export class ActionServices implements vscode.Disposable {
  readonly logs: LogDocuments;
  /** Exec and action sessions' terminals. */
  readonly terminals = new ExecTerminals();
  /** The read-only `nomad-alloc-fs:` file system of allocation directories. */
  readonly allocFiles: AllocFileSystem;
  private ui: ActionUi = new VscodeActionUi();

  constructor(private readonly deps: ActionServicesDeps) {
    this.logs = new LogDocuments(
      clusterLogOpener(deps.getActiveClient, (error, namespace) => describeAllocationError(error, { ...READ_LOGS, namespace })),
    );
    this.allocFiles = new AllocFileSystem(deps.getActiveClient);
  }

  context(): ActionContext {
    return {
      ui: this.ui,
      getClient: this.deps.getActiveClient,
      versionDocumentUri: this.deps.versionDocumentUri,
      followChange: (change) => void this.deps.getActiveClient().then((client) => followRun({ ...change, client })),
    };
  }

  /** Integration tests answer prompts with a scripted UI; `undefined` restores the real one. */
  useUi(ui: ActionUi | undefined): void {
    this.ui = ui ?? new VscodeActionUi();
  }

  dispose(): void {
    this.logs.dispose();
    this.terminals.dispose();
    this.allocFiles.dispose();
  }
}
