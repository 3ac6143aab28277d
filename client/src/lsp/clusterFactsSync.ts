// Keeps the language server told about the active cluster: its Nomad version
// (nomad/clusterVersion, for version-aware warnings) and its names
// (nomad/clusterFacts, for completion). Sends when the server starts, when the
// active connection changes, when the cluster answers again after failing, and
// when the server asks (at most one read a minute). Never blocks the editor:
// reads run in the background and failures only log a line.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CLUSTER_FACTS_NOTIFICATION, CLUSTER_FACTS_WANTED_NOTIFICATION, type ClusterFacts } from '../../../common/src/protocol/clusterFacts';
import { CLUSTER_VERSION_NOTIFICATION, type ClusterVersionParams } from '../../../common/src/protocol/clusterVersion';
import type { ActiveConnection, ConnectionManager } from '../connection/connectionManager';
import { redactSecrets } from '../connection/redact';
import type { RequestLog } from '../connection/requestLog';
import { ClusterSnapshotCache, NO_CLUSTER, type ClusterSnapshot, type ReadFailure } from './clusterSnapshot';
import type { LanguageClientController } from './languageClientController';

export class ClusterFactsSync implements vscode.Disposable {
  private readonly cache = new ClusterSnapshotCache();
  private readonly disposables: vscode.Disposable[];
  private clientDisposables: vscode.Disposable[] = [];
  private languageClient: LanguageClient | undefined;
  /** What this server process was last sent, so unchanged values are not sent (each version change revalidates every file). */
  private sent: { version?: string | null; facts?: string } = {};
  /** Pushes overlap (a connection change during a slow read); only the newest may send. */
  private generation = 0;

  constructor(
    private readonly connections: ConnectionManager,
    controller: LanguageClientController,
    private readonly log: RequestLog,
  ) {
    this.disposables = [
      controller.onDidStartClient((client) => this.attach(client)),
      connections.onDidChangeConnection(() => void this.push()),
      // The explorer or a command reached the cluster: if we missed it earlier, read it now.
      connections.onDidChangeState((state) => {
        if (state === 'connected' && this.sent.version === null) void this.push(true);
      }),
    ];
  }

  private attach(client: LanguageClient): void {
    for (const d of this.clientDisposables) d.dispose();
    this.languageClient = client;
    this.sent = {};
    this.clientDisposables = [
      client.onNotification(CLUSTER_FACTS_WANTED_NOTIFICATION, () => void this.push()),
      // The client restarts a crashed server, which forgets what we told it.
      client.onDidChangeState(() => {
        if (!client.isRunning()) return; // isRunning() rather than State: this module must not load the client library
        this.sent = {};
        void this.push();
      }),
    ];
    void this.push();
  }

  private async push(fresh = false): Promise<void> {
    const client = this.languageClient;
    if (!client?.isRunning()) return;
    const generation = ++this.generation;
    const connection = await this.connections.current();
    const snapshot = connection ? await this.cache.get(connection.client, this.failureLogger(connection), fresh) : NO_CLUSTER;
    if (generation !== this.generation || client !== this.languageClient || !client.isRunning()) return;
    await this.send(client, snapshot, connection?.cluster.name).catch((error: unknown) => this.log.warn(`Could not send cluster facts to the language server: ${String(error)}`));
  }

  /** `cluster`: the name completion shows beside the names it offers. */
  private async send(client: LanguageClient, snapshot: ClusterSnapshot, cluster: string | undefined): Promise<void> {
    if (snapshot.version !== this.sent.version) {
      this.sent.version = snapshot.version;
      await client.sendNotification(CLUSTER_VERSION_NOTIFICATION, { version: snapshot.version } satisfies ClusterVersionParams);
    }
    const facts: ClusterFacts = cluster === undefined ? snapshot.facts : { cluster, ...snapshot.facts };
    const text = JSON.stringify(facts);
    if (text !== this.sent.facts) {
      this.sent.facts = text;
      await client.sendNotification(CLUSTER_FACTS_NOTIFICATION, facts);
    }
  }

  /** Logs failed reads of a configured cluster; an unconfigured default address that is silent is normal. */
  private failureLogger(connection: ActiveConnection): ReadFailure {
    return (what, error) => {
      if (!connection.explicit) return;
      const message = error instanceof Error ? error.message : String(error);
      const line = `Could not read the ${what} of cluster "${connection.cluster.name}" for the language server: ${message}`;
      this.log.warn(redactSecrets(line, [connection.client.config.token]));
    };
  }

  dispose(): void {
    for (const d of [...this.clientDisposables, ...this.disposables]) d.dispose();
  }
}
