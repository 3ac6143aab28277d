// Owns the client for the active cluster: rebuilds it when settings or tokens change,
// and tracks whether the cluster answers (for the status bar and the explorer).
import * as vscode from 'vscode';
import { NomadClient } from '../nomad/client';
import type { NomadError } from '../nomad/errors';
import {
  availableClusters,
  connectionConfigFor,
  isExplicitlyConfigured,
  pickActiveCluster,
  tokenKey,
  tokenOwner,
  type ClusterChoice,
  type TokenOwner,
} from './clusterResolver';
import { stateAfterError, type ConnectionState } from './connectionState';
import type { RequestLog } from './requestLog';
import * as settings from '../settings';
import type { TokenStore } from './tokenStore';

export interface ActiveConnection {
  readonly cluster: ClusterChoice;
  readonly client: NomadClient;
  /** False when nothing is configured and we are only trying the default address. */
  readonly explicit: boolean;
  /** Where this cluster's stored token was given, when that is another address: it is not sent here. */
  readonly tokenGivenFor?: string;
}

export class ConnectionManager implements vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<ActiveConnection | undefined>();
  private readonly stateEmitter = new vscode.EventEmitter<ConnectionState>();
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter, this.stateEmitter];
  private building: Promise<ActiveConnection | undefined>;
  private generation = 0;
  private currentState: ConnectionState = 'unknown';
  /** Clients of other clusters, made for `nomad:` documents; dropped on every rebuild. */
  private readonly otherClients = new Map<string, Promise<NomadClient>>();
  private activeClient: NomadClient | undefined;

  /** Fires after the active cluster, its settings or its token changed. */
  readonly onDidChangeConnection = this.changeEmitter.event;
  readonly onDidChangeState = this.stateEmitter.event;

  constructor(
    private readonly tokens: TokenStore,
    private readonly log: RequestLog,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {
    this.building = this.build();
    this.disposables.push(
      settings.onDidChangeConnectionSettings(() => this.rebuild()),
      tokens.onDidChange((key) => {
        const owner = this.activeTokenOwner();
        if (owner && key === tokenKey(owner)) this.rebuild();
      }),
    );
  }

  /** The connection to use now; resolves once any pending rebuild finished. */
  current(): Promise<ActiveConnection | undefined> {
    return this.building;
  }

  get state(): ConnectionState {
    return this.currentState;
  }

  clusters(): ClusterChoice[] {
    return availableClusters(settings.configuredClusters(), this.env);
  }

  activeClusterName(): string | undefined {
    return pickActiveCluster(this.clusters(), settings.activeClusterName())?.name;
  }

  /** The active cluster's name and address, which a token set now is bound to. */
  activeTokenOwner(): TokenOwner | undefined {
    const active = pickActiveCluster(this.clusters(), settings.activeClusterName());
    return active && tokenOwner(active, this.env);
  }

  /** A client for any known cluster, e.g. to reload a `nomad:` document that names a cluster which is not active. */
  async clientFor(clusterName: string): Promise<NomadClient | undefined> {
    const active = await this.current();
    if (active?.cluster.name === clusterName) return active.client;
    const choice = this.clusters().find((c) => c.name === clusterName);
    if (!choice) return undefined;
    let client = this.otherClients.get(clusterName);
    if (!client) {
      client = this.createClient(choice);
      this.otherClients.set(clusterName, client);
    }
    return client;
  }

  reportSuccess(): void {
    this.setState('connected');
  }

  reportError(error: NomadError): void {
    this.setState(stateAfterError(error.kind, this.currentState));
  }

  /** Re-reads settings and the token; used by the settings/secret listeners and by Refresh. */
  rebuild(): void {
    this.building = this.build();
    void this.building.then((connection) => this.changeEmitter.fire(connection));
  }

  private async build(): Promise<ActiveConnection | undefined> {
    const generation = ++this.generation;
    const configured = settings.configuredClusters();
    const cluster = pickActiveCluster(availableClusters(configured, this.env), settings.activeClusterName());
    const client = cluster ? await this.createClient(cluster) : undefined;
    // A newer rebuild started while we awaited the token: let it win.
    if (generation !== this.generation) {
      client?.dispose();
      return this.building;
    }
    this.releaseClients();
    this.activeClient = client;
    this.setState('unknown');
    if (!cluster || !client) return undefined;
    const tokenGivenFor = client.config.token ? undefined : this.tokens.givenForAnotherAddress(tokenOwner(cluster, this.env));
    return { cluster, client, explicit: isExplicitlyConfigured(configured, this.env), tokenGivenFor };
  }

  private async createClient(cluster: ClusterChoice): Promise<NomadClient> {
    const token = await this.tokens.get(tokenOwner(cluster, this.env));
    const config = connectionConfigFor(cluster, this.env, token, settings.timeouts());
    return new NomadClient(config, { log: this.log.forClient(config.token) });
  }

  private setState(state: ConnectionState): void {
    if (state === this.currentState) return;
    this.currentState = state;
    this.stateEmitter.fire(state);
  }

  /** Closes idle connections of clients that settings or token changes replaced; requests in flight finish. */
  private releaseClients(): void {
    this.activeClient?.dispose();
    this.activeClient = undefined;
    for (const client of this.otherClients.values()) void client.then((c) => c.dispose());
    this.otherClients.clear();
  }

  dispose(): void {
    this.releaseClients();
    for (const d of this.disposables) d.dispose();
  }
}
