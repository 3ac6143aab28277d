// The only reader (and writer) of the cluster-related `nomad.*` settings.
// Everything else asks this module, so setting names and defaults live in one place.
import * as vscode from 'vscode';
import type { ClusterSetting } from './clusterResolver';

const SECTION = 'nomad';
const DEFAULT_CONNECT_TIMEOUT_MS = 5000;
const DEFAULT_REQUEST_TIMEOUT_MS = 30000;

/** Settings whose change means the active connection must be rebuilt. */
export const CONNECTION_SETTINGS = ['nomad.clusters', 'nomad.activeCluster', 'nomad.connectTimeout', 'nomad.requestTimeout'];

function section(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(SECTION);
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Reads one `nomad.clusters` entry, dropping anything malformed instead of failing the whole list. */
function readCluster(raw: unknown): ClusterSetting | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const entry = raw as Record<string, unknown>;
  const name = optionalString(entry.name);
  const address = optionalString(entry.address);
  if (!name || !address) return undefined;
  return {
    name,
    address,
    namespace: optionalString(entry.namespace),
    region: optionalString(entry.region),
    caCert: optionalString(entry.caCert),
    caPath: optionalString(entry.caPath),
    clientCert: optionalString(entry.clientCert),
    clientKey: optionalString(entry.clientKey),
    tlsServerName: optionalString(entry.tlsServerName),
    skipVerify: entry.skipVerify === true ? true : undefined,
  };
}

/**
 * The clusters of the user's own settings. A workspace's `.vscode/settings.json` cannot add or
 * change one: it comes with the repository, and an entry there could point a cluster name the
 * user trusts at another address or switch its TLS check off.
 */
export function configuredClusters(): ClusterSetting[] {
  const raw = section().inspect<unknown>('clusters')?.globalValue;
  if (!Array.isArray(raw)) return [];
  return raw.map(readCluster).filter((c): c is ClusterSetting => c !== undefined);
}

export function activeClusterName(): string | undefined {
  return optionalString(section().get<unknown>('activeCluster'));
}

function positiveNumber(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}

export function timeouts(): { connectTimeoutMs: number; requestTimeoutMs: number } {
  return {
    connectTimeoutMs: positiveNumber(section().get('connectTimeout'), DEFAULT_CONNECT_TIMEOUT_MS),
    requestTimeoutMs: positiveNumber(section().get('requestTimeout'), DEFAULT_REQUEST_TIMEOUT_MS),
  };
}

/** Writes the cluster list to user settings, dropping unset optional fields so settings.json stays tidy. */
export async function saveClusters(clusters: readonly ClusterSetting[]): Promise<void> {
  const tidy = clusters.map((c) => Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)));
  await section().update('clusters', tidy, vscode.ConfigurationTarget.Global);
}

export async function saveActiveClusterName(name: string | undefined): Promise<void> {
  await section().update('activeCluster', name, vscode.ConfigurationTarget.Global);
}

export function onDidChangeConnectionSettings(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (CONNECTION_SETTINGS.some((name) => event.affectsConfiguration(name))) listener();
  });
}
