// Decides which clusters exist and how to reach the active one, from settings,
// the process environment and a stored token. Pure: no `vscode`, so it is unit-tested directly.
import { connectionFromEnv, defaultAddress, type ConnectionConfig } from '../nomad/config';

/** One entry of the `nomad.clusters` setting: a name and how to reach it. Tokens are deliberately not part of it. */
export type ClusterSetting = { name: string } & Pick<
  ConnectionConfig,
  'address' | 'namespace' | 'region' | 'caCert' | 'caPath' | 'clientCert' | 'clientKey' | 'tlsServerName' | 'skipVerify'
>;

/** Name of the implicit cluster described by NOMAD_* variables. */
export const ENVIRONMENT_CLUSTER = 'Environment';

export interface ClusterChoice {
  name: string;
  source: 'settings' | 'environment';
  setting?: ClusterSetting;
}

/**
 * Configured clusters, plus the environment's cluster when nothing is configured (so a local
 * `nomad agent -dev` just works) or when NOMAD_ADDR points somewhere explicitly.
 */
export function availableClusters(configured: readonly ClusterSetting[], env: NodeJS.ProcessEnv): ClusterChoice[] {
  const choices: ClusterChoice[] = configured.map((setting) => ({ name: setting.name, source: 'settings', setting }));
  const nameTaken = configured.some((c) => c.name === ENVIRONMENT_CLUSTER);
  if (!nameTaken && (configured.length === 0 || env.NOMAD_ADDR)) {
    choices.push({ name: ENVIRONMENT_CLUSTER, source: 'environment' });
  }
  return choices;
}

/** The cluster named by `nomad.activeCluster`, falling back to the first available one. */
export function pickActiveCluster(available: readonly ClusterChoice[], activeName: string | undefined): ClusterChoice | undefined {
  return available.find((c) => c.name === activeName) ?? available[0];
}

/**
 * True when the user told us where Nomad is: a cluster in settings, or NOMAD_ADDR naming another
 * address than the default one. Otherwise we only try the default address, and when nothing
 * answers there the welcome view explains how to connect.
 */
export function isExplicitlyConfigured(configured: readonly ClusterSetting[], env: NodeJS.ProcessEnv): boolean {
  if (configured.length > 0) return true;
  const address = env.NOMAD_ADDR?.trim().replace(/\/+$/, '');
  return Boolean(address) && address !== defaultAddress(env);
}

export interface Timeouts {
  connectTimeoutMs: number;
  requestTimeoutMs: number;
}

/** Where a cluster choice points: its setting's address, or NOMAD_ADDR (else the default) for the environment's. */
export function clusterAddress(choice: ClusterChoice, env: NodeJS.ProcessEnv): string {
  return (choice.setting?.address ?? connectionFromEnv(env).address).trim().replace(/\/+$/, '');
}

/** Whom a stored token belongs to: a cluster's name AND its address. */
export interface TokenOwner {
  name: string;
  address: string;
}

export function tokenOwner(choice: ClusterChoice, env: NodeJS.ProcessEnv): TokenOwner {
  return { name: choice.name, address: clusterAddress(choice, env) };
}

/**
 * What a stored token is filed under. A settings entry that reuses a name with another address
 * (say, from a repository's settings, or after an edit) finds no token, and the user is asked for
 * one again instead of sending the one of the real cluster somewhere else.
 */
export function tokenKey(owner: TokenOwner): string {
  return `${owner.name}@${owner.address}`;
}

/**
 * The token to send: the one stored for this cluster (see tokenKey); NOMAD_TOKEN only for the
 * environment's own cluster, the one NOMAD_ADDR describes, never for clusters from settings.
 */
export function connectionConfigFor(
  choice: ClusterChoice,
  env: NodeJS.ProcessEnv,
  storedToken: string | undefined,
  timeouts: Timeouts,
): ConnectionConfig {
  const fromEnv = connectionFromEnv(env);
  const token = storedToken || (choice.source === 'environment' ? fromEnv.token : undefined) || undefined;
  const base: ConnectionConfig = choice.setting ? settingToConfig(choice.setting) : { ...fromEnv };
  return { ...base, token, ...timeouts };
}

function settingToConfig(setting: ClusterSetting): ConnectionConfig {
  const { name: _name, ...connection } = setting;
  return connection;
}
