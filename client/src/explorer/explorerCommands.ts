// Commands of the Jobs view: refresh, filter, scope (namespace/region), copy id, reveal.
import * as vscode from 'vscode';
import { identifyJob } from '../../../common/src/job/jobIdentity';
import type { ExplorerNode } from './nodes/node';
import type { NomadError } from '../nomad/errors';
import type { CommandServices } from '../commands/commandTable';

/** Re-reads settings, token and environment, then reloads the tree (which follows the new connection). */
export function refresh(services: CommandServices): void {
  services.connections.rebuild();
}

/** The text may come as an argument (keybindings, tests); otherwise it is asked for. */
export async function filterJobs(services: CommandServices, text?: unknown): Promise<void> {
  const filter =
    typeof text === 'string'
      ? text
      : await vscode.window.showInputBox({
          title: 'Filter Jobs',
          prompt: 'Show jobs whose id or name contains this text (empty shows all)',
          value: services.explorer.filterText,
        });
  if (filter !== undefined) services.explorer.setFilter(filter);
}

export function clearJobFilter(services: CommandServices): void {
  services.explorer.setFilter('');
}

/** The plain-language advice of a NomadError, or the message of anything else. */
export function errorText(error: unknown): string {
  const nomadError = error as Partial<NomadError> | undefined;
  return nomadError?.advice || nomadError?.message || String(error);
}

export async function pickNamespace(services: CommandServices): Promise<void> {
  const connection = await services.connections.current();
  if (!connection) return;
  let names: string[] = [];
  try {
    names = (await connection.client.namespaces()).value.map((n) => n.Name);
  } catch (error) {
    // Listing namespaces needs its own capability (or a newer server); typing the name still works.
    const typed = await vscode.window.showInputBox({
      title: 'Show Jobs of Namespace',
      prompt: `Could not list namespaces (${errorText(error)}). Type one, or * for all.`,
    });
    if (typed !== undefined) await services.explorer.setScope({ namespace: typed.trim() || undefined });
    return;
  }
  const current = services.explorer.current?.namespace;
  const items = [
    { label: '*', description: 'all namespaces', value: '*' },
    ...names.map((name) => ({ label: name, description: name === current ? 'shown' : '', value: name })),
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'Show Jobs of Namespace' });
  if (picked) await services.explorer.setScope({ namespace: picked.value });
}

export async function pickRegion(services: CommandServices): Promise<void> {
  const connection = await services.connections.current();
  if (!connection) return;
  let regions: string[];
  try {
    regions = await connection.client.regions();
  } catch (error) {
    void vscode.window.showErrorMessage(`Could not list regions: ${errorText(error)}`);
    return;
  }
  const current = services.explorer.current?.region;
  const picked = await vscode.window.showQuickPick(
    regions.map((region) => ({ label: region, description: region === current ? 'shown' : '' })),
    { title: 'Show Jobs of Region' },
  );
  if (picked) await services.explorer.setScope({ region: picked.label });
}

/** The id a node stands for, when it has one worth copying. */
export function nodeId(node: ExplorerNode): string | undefined {
  switch (node.kind) {
    case 'job':
    case 'allocation':
    case 'evaluation':
    case 'deployment':
      return node.id;
    case 'version':
      return String(node.version);
    default:
      return undefined;
  }
}

export async function copyId(_services: CommandServices, node?: unknown): Promise<void> {
  const id = isNode(node) ? nodeId(node) : undefined;
  if (id === undefined) return;
  await vscode.env.clipboard.writeText(id);
  vscode.window.setStatusBarMessage(`Copied ${id}`, 3000);
}

export async function revealJob(services: CommandServices, uri?: unknown, namespace?: unknown): Promise<void> {
  // Actions pass the id of a job they just created (dispatched or launched child): reveal it quietly.
  if (typeof uri === 'string') {
    await revealUntilSelected(services, uri, typeof namespace === 'string' ? namespace : undefined);
    return;
  }
  const document =
    uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  const identity = document && identifyJob(document.languageId, document.getText());
  if (!identity) {
    void vscode.window.showWarningMessage('The active editor does not look like a Nomad job file.');
    return;
  }
  if (!(await revealUntilSelected(services, identity.id, identity.namespace))) {
    const cluster = services.connections.activeClusterName() ?? 'the active cluster';
    void vscode.window.showInformationMessage(`Job "${identity.id}" is not on ${cluster} (in the namespace shown).`);
  }
}

/**
 * Selects the job's row. A job just created comes with a list update that VS Code has not
 * fetched yet (it cannot reveal the row: it throws) or is fetching (it drops the reveal),
 * so try again once the tree has fetched its rows. The selection reaches the extension
 * after the reveal, hence the wait on it too. Tries go on for a while rather than a fixed
 * number of times: on a busy machine the tree can serve rows several times (each ending a
 * wait) before the refresh that drops the reveals is over.
 */
async function revealUntilSelected(services: CommandServices, id: string, namespace: string | undefined): Promise<ExplorerNode | undefined> {
  const { explorer } = services;
  const deadline = Date.now() + REVEAL_TRIES_MS;
  let node: ExplorerNode | undefined;
  do {
    const settled = firstOf([explorer.provider.onDidServeChildren, explorer.view.onDidChangeSelection], 2000);
    try {
      node = await explorer.reveal(id, namespace);
      if (!node || explorer.view.selection.includes(node)) return node;
    } catch {
      // "Cannot resolve tree item": retried below.
    }
    await settled;
    if (node && explorer.view.selection.includes(node)) return node;
  } while (Date.now() < deadline);
  return node;
}

/** How long revealUntilSelected goes on trying to select a row that exists. */
const REVEAL_TRIES_MS = 10_000;

/** Resolves once one of the events fires, or after `ms`. */
function firstOf(events: vscode.Event<unknown>[], ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      for (const subscription of subscriptions) subscription.dispose();
      resolve();
    };
    const timer = setTimeout(done, ms);
    const subscriptions = events.map((event) => event(done));
  });
}

/** Menu commands receive the clicked node; anything else (palette, keybinding) passes nothing useful. */
export function isNode(value: unknown): value is ExplorerNode {
  return typeof value === 'object' && value !== null && 'kind' in value && 'key' in value && 'getTreeItem' in value;
}
