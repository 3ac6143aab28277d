// Shared by the explorer integration tests: jobs to register on the test target, pointing the
// extension at a cluster through settings, and reading the Jobs tree through the extension's API.
import * as vscode from 'vscode';
import type { ExplorerNode } from '../../client/src/explorer/nodes/node';
import { NomadClient } from '../../client/src/nomad/client';
import type { Job } from '../../client/src/nomad/types';
import type { NomadExtensionApi } from '../../client/src/extension';
import { activatedApi } from './support/extension';
import { waitFor } from './support/wait';

/** raw_exec tasks, so a real `nomad agent -dev` runs them too; a short min_healthy_time lets its deployments finish within seconds. */
export function serviceJob(id: string, count = 2, meta: Record<string, string> = {}): Job {
  return {
    ID: id,
    Name: id,
    Type: 'service',
    Priority: 50,
    Datacenters: ['dc1'],
    Meta: meta,
    Update: { MinHealthyTime: 1e9, HealthyDeadline: 60e9, ProgressDeadline: 120e9 },
    TaskGroups: [
      {
        Name: 'api',
        Count: count,
        Tasks: [{ Name: 'server', Driver: 'raw_exec', Config: { command: '/bin/sleep', args: ['3600'] }, Resources: { CPU: 20, MemoryMB: 16 } }],
      },
    ],
  };
}

export function batchJob(id: string, extra: Partial<Job> = {}): Job {
  const { Update: _update, ...service } = serviceJob(id, 1);
  return {
    ...service,
    Type: 'batch',
    TaskGroups: [{ Name: 'work', Count: 1, Tasks: [{ Name: 'run', Driver: 'raw_exec', Config: { command: '/bin/true' }, Resources: { CPU: 20, MemoryMB: 16 } }] }],
    ...extra,
  };
}

/** A client for driving the cluster from a test (what a teammate's `nomad job run` would do). */
export function adminClient(address: string, token?: string): NomadClient {
  return new NomadClient({ address, token });
}

/** Points the extension at one cluster through the `nomad.clusters` and `nomad.activeCluster` settings. */
export async function useCluster(cluster: { name: string; address: string; [key: string]: unknown }): Promise<void> {
  const config = vscode.workspace.getConfiguration('nomad');
  await config.update('clusters', [cluster], vscode.ConfigurationTarget.Global);
  await config.update('activeCluster', cluster.name, vscode.ConfigurationTarget.Global);
}

export async function clearClusters(): Promise<void> {
  const config = vscode.workspace.getConfiguration('nomad');
  await config.update('clusters', undefined, vscode.ConfigurationTarget.Global);
  await config.update('activeCluster', undefined, vscode.ConfigurationTarget.Global);
}

/** Opens the Jobs view (activating the extension if needed) and returns the extension's API. */
export async function showJobsView(): Promise<NomadExtensionApi> {
  await vscode.commands.executeCommand('nomad.jobs.focus');
  return activatedApi();
}

export async function children(api: NomadExtensionApi, node?: ExplorerNode): Promise<ExplorerNode[]> {
  return (await api.jobsTree.getChildren(node)) ?? [];
}

export function item(api: NomadExtensionApi, node: ExplorerNode): vscode.TreeItem {
  return api.jobsTree.getTreeItem(node) as vscode.TreeItem;
}

export function label(api: NomadExtensionApi, node: ExplorerNode): string {
  const value = item(api, node).label;
  return typeof value === 'string' ? value : (value?.label ?? '');
}

/** Waits until a child of `parent` (the root when omitted) with this label exists, and returns it. */
export function row(api: NomadExtensionApi, text: string, parent?: ExplorerNode, timeoutMs?: number): Promise<ExplorerNode> {
  return waitFor(
    async () => (await children(api, parent)).find((node) => label(api, node) === text),
    `a "${text}" row in the Jobs tree`,
    timeoutMs,
  );
}

/** Waits until the rows under `parent` satisfy `probe`. */
export function rowsWhere(
  api: NomadExtensionApi,
  probe: (rows: ExplorerNode[]) => boolean,
  what: string,
  parent?: ExplorerNode,
  timeoutMs?: number,
): Promise<ExplorerNode[]> {
  return waitFor(
    async () => {
      const rows = await children(api, parent);
      return probe(rows) && rows;
    },
    what,
    timeoutMs,
  );
}
