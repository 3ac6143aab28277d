// Decides which clusters exist and how to reach the active one, from settings,
// the process environment and a stored token. Pure: no `vscode`, so it is unit-tested directly.
import { connectionFromEnv, type ConnectionConfig } from '../nomad/config';

/** One entry of the `nomad.clusters` setting. Tokens are deliberately not part of it. */
export interface ClusterSetting {
  name: string;
  address: string;
  namespace?: string;
  region?: string;
  caCert?: string;
  caPath?: string;
  clientCert?: string;
  clientKey?: string;
  tlsServerName?: string;
  skipVerify?: boolean;
}

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

/** True when the user told us where Nomad is, by settings or NOMAD_ADDR; otherwise we only guess the default address. */
export function isExplicitlyConfigured(configured: readonly ClusterSetting[], env: NodeJS.ProcessEnv): boolean {
  return configured.length > 0 || Boolean(env.NOMAD_ADDR);
}

export interface Timeouts {
  connectTimeoutMs: number;
  requestTimeoutMs: number;
}

/** A token saved for the cluster wins over NOMAD_TOKEN, which is the fallback for every cluster. */
export function connectionConfigFor(
  choice: ClusterChoice,
  env: NodeJS.ProcessEnv,
  storedToken: string | undefined,
  timeouts: Timeouts,
): ConnectionConfig {
  const fromEnv = connectionFromEnv(env);
  const token = storedToken || fromEnv.token || undefined;
  const base: ConnectionConfig = choice.setting ? settingToConfig(choice.setting) : { ...fromEnv };
  return { ...base, token, ...timeouts };
}

function settingToConfig(setting: ClusterSetting): ConnectionConfig {
  const { name: _name, ...connection } = setting;
  return connection;
}
