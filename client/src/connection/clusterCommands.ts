// Commands that manage clusters and their ACL tokens.
import * as vscode from 'vscode';
import { ENVIRONMENT_CLUSTER, tokenOwner, type ClusterSetting } from './clusterResolver';
import * as settings from '../settings';
import { addressProblem } from '../nomad/config';
import type { CommandServices } from '../commands/commandTable';

const NAME_PATTERN = /^[^\s].{0,62}$/;

function validateClusterName(name: string, existing: readonly string[]): string | undefined {
  const trimmed = name.trim();
  if (!trimmed) return 'Give the cluster a name.';
  if (!NAME_PATTERN.test(trimmed)) return 'Use at most 63 characters.';
  if (trimmed === ENVIRONMENT_CLUSTER) return `"${ENVIRONMENT_CLUSTER}" is reserved for the NOMAD_* environment variables.`;
  if (existing.includes(trimmed)) return `A cluster named "${trimmed}" already exists.`;
  return undefined;
}

export async function addCluster(services: CommandServices): Promise<void> {
  const existing = settings.configuredClusters();
  const name = await vscode.window.showInputBox({
    title: 'Add Nomad Cluster (1/3)',
    prompt: 'A name for this cluster',
    placeHolder: 'prod',
    validateInput: (value) => validateClusterName(value, existing.map((c) => c.name)),
    ignoreFocusOut: true,
  });
  if (name === undefined) return;
  const address = await vscode.window.showInputBox({
    title: 'Add Nomad Cluster (2/3)',
    prompt: 'HTTP address of a Nomad server or client agent',
    value: 'http://127.0.0.1:4646',
    validateInput: (value) => addressProblem(value.trim()),
    ignoreFocusOut: true,
  });
  if (address === undefined) return;
  const namespace = await vscode.window.showInputBox({
    title: 'Add Nomad Cluster (3/3)',
    prompt: 'Namespace to show (leave empty for the default namespace, * for all)',
    ignoreFocusOut: true,
  });
  if (namespace === undefined) return;
  const cluster: ClusterSetting = { name: name.trim(), address: address.trim(), namespace: namespace.trim() || undefined };
  await settings.saveClusters([...existing, cluster]);
  await settings.saveActiveClusterName(cluster.name);
  const choice = await vscode.window.showInformationMessage(
    `Added cluster "${cluster.name}". TLS options (caCert, clientCert, ...) can be set in the nomad.clusters setting.`,
    'Set ACL Token',
  );
  if (choice) await setToken(services);
}

export async function switchCluster(services: CommandServices): Promise<void> {
  const active = services.connections.activeClusterName();
  const items = services.connections.clusters().map((c) => ({
    label: c.name,
    description: c.setting?.address ?? (process.env.NOMAD_ADDR || 'NOMAD_ADDR (default http://127.0.0.1:4646)'),
    detail: c.name === active ? 'active' : undefined,
    name: c.name,
  }));
  const add = { label: '$(add) Add Cluster…', description: '', detail: undefined, name: '' };
  const picked = await vscode.window.showQuickPick([...items, add], { title: 'Switch Nomad Cluster' });
  if (!picked) return;
  if (picked === add) return addCluster(services);
  await settings.saveActiveClusterName(picked.name);
}

export async function removeCluster(services: CommandServices): Promise<void> {
  const clusters = settings.configuredClusters();
  if (!clusters.length) {
    void vscode.window.showInformationMessage('No clusters are configured in the nomad.clusters setting.');
    return;
  }
  const picked = await vscode.window.showQuickPick(
    clusters.map((c) => ({ label: c.name, description: c.address })),
    { title: 'Remove Nomad Cluster' },
  );
  if (!picked) return;
  const confirm = await vscode.window.showWarningMessage(
    `Remove cluster "${picked.label}" and its stored ACL token?`,
    { modal: true },
    'Remove',
  );
  if (confirm !== 'Remove') return;
  await settings.saveClusters(clusters.filter((c) => c.name !== picked.label));
  if (settings.activeClusterName() === picked.label) await settings.saveActiveClusterName(undefined);
  const removed = clusters.find((c) => c.name === picked.label);
  if (removed) await services.tokens.delete(tokenOwner({ name: removed.name, source: 'settings', setting: removed }, process.env));
}

/** Asks through the actions' UI, which integration tests script. */
export async function setToken(services: CommandServices): Promise<void> {
  const owner = services.connections.activeTokenOwner();
  if (!owner) return;
  const token = await services.actions.context().ui.input({
    title: `ACL Token for "${owner.name}" (${owner.address})`,
    prompt: 'Stored in the system keychain through VS Code, never in settings; sent only to this address.',
    password: true,
    validate: (value) => (value.trim() ? undefined : 'Paste the secret ID of an ACL token.'),
  });
  if (token === undefined) return;
  await services.tokens.set(owner, token.trim());
}

export async function clearToken(services: CommandServices): Promise<void> {
  const cluster = services.connections.activeClusterName();
  const owner = services.connections.activeTokenOwner();
  if (!cluster || !owner) return;
  await services.tokens.delete(owner);
  const fallback = process.env.NOMAD_TOKEN && cluster === ENVIRONMENT_CLUSTER ? ' NOMAD_TOKEN from the environment is used instead.' : '';
  void vscode.window.showInformationMessage(`Cleared the stored ACL token for "${cluster}".${fallback}`);
}
