// The only reader (and writer) of the `nomad.*` settings in the client. Everything
// else asks this module, so setting names, defaults and the checks on values a user
// typed by hand live in one place. (The language server reads its own settings,
// `nomad.schemaVersion`, through LSP: server/src/lsp/settingsCache.ts.)
import * as vscode from 'vscode';
import type { ClusterSetting } from './connection/clusterResolver';
import type { LogLineBufferLimits } from './features/logs/logLineBuffer';

const SECTION = 'nomad';
const DEFAULT_CONNECT_TIMEOUT_MS = 5000;
const DEFAULT_REQUEST_TIMEOUT_MS = 30000;

/** Settings whose change means the active connection must be rebuilt. */
export const CONNECTION_SETTINGS = ['nomad.clusters', 'nomad.activeCluster', 'nomad.connectTimeout', 'nomad.requestTimeout'];

/** `resource`: the file a setting applies to, for settings that can differ per folder. */
function section(resource?: vscode.Uri): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(SECTION, resource);
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

/** `nomad.varFiles`: variable files by job file path relative to the workspace folder; malformed entries dropped. */
export function varFilesSetting(resource: vscode.Uri): Record<string, string[]> {
  const raw = section(resource).get<unknown>('varFiles');
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const entries = Object.entries(raw as Record<string, unknown>).filter(
    (entry): entry is [string, string[]] => Array.isArray(entry[1]) && entry[1].every((file) => typeof file === 'string'),
  );
  return Object.fromEntries(entries);
}

/** `nomad.run.skipPlanReview` for the job file at `resource`. */
export function skipPlanReview(resource: vscode.Uri): boolean {
  return section(resource).get<unknown>('run.skipPlanReview') === true;
}

export interface LogSettings {
  /** How much of the existing log to show before following (origin=end, offset=N). */
  tailBytes: number;
  limits: LogLineBufferLimits;
}

const DEFAULT_TAIL_BYTES = 32 * 1024;
const DEFAULT_MAX_LINES = 20_000;
// Not settings: they only guard against pathological output (huge or endless lines).
const MAX_LOG_CHARS = 8 * 1024 * 1024;
const MAX_LOG_LINE_CHARS = 16 * 1024;

/** `nomad.logs.*`, with their defaults and floors. */
export function logSettings(): LogSettings {
  const tailBytes = Math.max(0, Math.floor(finiteNumber(section().get('logs.tailBytes'), DEFAULT_TAIL_BYTES)));
  const maxLines = Math.max(100, Math.floor(finiteNumber(section().get('logs.maxLines'), DEFAULT_MAX_LINES)));
  return { tailBytes, limits: { maxLines, maxChars: MAX_LOG_CHARS, maxLineChars: MAX_LOG_LINE_CHARS } };
}

function finiteNumber(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

export function onDidChangeConnectionSettings(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (CONNECTION_SETTINGS.some((name) => event.affectsConfiguration(name))) listener();
  });
}
