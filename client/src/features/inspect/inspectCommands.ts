// Read-only inspection: open cluster objects as JSON and compare job versions, or the
// cluster's job with the job file being edited.
import * as path from 'path';
import * as vscode from 'vscode';
import type { ActiveConnection } from '../../connection/connectionManager';
import { identifyJob } from '../../../../common/src/job/jobIdentity';
import type { InspectTarget } from '../../explorer/nodes/node';
import { sortVersions } from '../../explorer/presentation/versionPresentation';
import { jobSpecView, renderJson } from './jobSpecView';
import { nomadUri } from './nomadDocumentProvider';
import type { CommandServices } from '../../commands/commandTable';
import { errorText, isNode } from '../../explorer/explorerCommands';

function targetOf(node: unknown): InspectTarget | undefined {
  return isNode(node) && 'inspectTarget' in node ? node.inspectTarget() : undefined;
}

/** Namespace and region for a document: the object's own namespace wins over the tree's scope. */
function scopeFor(services: CommandServices, connection: ActiveConnection, namespace: string | undefined) {
  const session = services.explorer.current;
  const treeNamespace = session?.namespace === '*' ? undefined : session?.namespace;
  return {
    cluster: connection.cluster.name,
    namespace: namespace ?? treeNamespace ?? connection.client.config.namespace,
    region: session?.region ?? connection.client.config.region,
  };
}

async function openReadOnly(uri: vscode.Uri): Promise<void> {
  try {
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: true });
  } catch (error) {
    void vscode.window.showErrorMessage(`Could not open: ${errorText(error)}`);
  }
}

/** From the palette there is no node: offer the jobs of the namespace shown. */
async function pickJob(services: CommandServices, connection: ActiveConnection): Promise<InspectTarget | undefined> {
  const scope = scopeFor(services, connection, undefined);
  try {
    const jobs = (await connection.client.listJobs({ namespace: scope.namespace, region: scope.region })).value;
    const picked = await vscode.window.showQuickPick(
      jobs.map((job) => ({ label: job.ID, description: `${job.Type} · ${job.Status}`, namespace: job.Namespace })),
      { title: 'Open Job as JSON', matchOnDescription: true },
    );
    return picked && { kind: 'job', id: picked.label, namespace: picked.namespace };
  } catch (error) {
    void vscode.window.showErrorMessage(`Could not list jobs: ${errorText(error)}`);
    return undefined;
  }
}

export async function inspect(services: CommandServices, node?: unknown): Promise<void> {
  const connection = await services.connections.current();
  if (!connection) return;
  const target = targetOf(node) ?? (await pickJob(services, connection));
  if (!target) return;
  const scope = scopeFor(services, connection, target.namespace);
  await openReadOnly(nomadUri({ ...target, ...scope }));
}

/** Compares a version node with another version: `other` when given (keybindings, tests), else one picked. */
export async function compareVersions(services: CommandServices, node?: unknown, other?: unknown): Promise<void> {
  const connection = await services.connections.current();
  const target = targetOf(node);
  if (!connection || target?.kind !== 'job') return;
  const scope = scopeFor(services, connection, target.namespace);
  let versions: number[];
  try {
    const result = await connection.client.jobVersions(target.id, { namespace: scope.namespace, region: scope.region });
    versions = sortVersions(result.value.Versions ?? []).map((v) => v.Version ?? 0);
  } catch (error) {
    void vscode.window.showErrorMessage(`Could not read the versions of "${target.id}": ${errorText(error)}`);
    return;
  }
  const base = target.version ?? versions[0];
  const others = versions.filter((v) => v !== base);
  if (!others.length) {
    void vscode.window.showInformationMessage(`Job "${target.id}" has only one version.`);
    return;
  }
  const picked = typeof other === 'number' && others.includes(other) ? other : await pickVersion(others, base, target.id);
  if (picked === undefined) return;
  const [older, newer] = picked < base ? [picked, base] : [base, picked];
  const uriOf = (version: number) => nomadUri({ kind: 'job', id: target.id, version, ...scope });
  await vscode.commands.executeCommand('vscode.diff', uriOf(older), uriOf(newer), `${target.id}: v${older} ↔ v${newer}`);
}

async function pickVersion(others: number[], base: number, id: string): Promise<number | undefined> {
  // The version just before the chosen one is the usual question, so it comes first.
  const previous = others.find((v) => v < base);
  const ordered = previous === undefined ? others : [previous, ...others.filter((v) => v !== previous)];
  const picked = await vscode.window.showQuickPick(
    ordered.map((v) => ({ label: `v${v}`, version: v })),
    { title: `Compare v${base} of "${id}" with` },
  );
  return picked?.version;
}

export async function compareWithFile(services: CommandServices, uri?: unknown): Promise<void> {
  const document =
    uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  const identity = document && identifyJob(document.languageId, document.getText());
  const connection = await services.connections.current();
  if (!document || !identity) {
    void vscode.window.showWarningMessage('Open a Nomad job file (HCL or JSON) to compare it with the cluster.');
    return;
  }
  if (!connection) return;
  const scope = scopeFor(services, connection, identity.namespace);
  const query = { namespace: scope.namespace, region: scope.region };
  try {
    await connection.client.readJob(identity.id, query);
  } catch (error) {
    void vscode.window.showWarningMessage(`Job "${identity.id}" on ${scope.cluster}: ${errorText(error)}`);
    return;
  }
  const cluster = nomadUri({ kind: 'job', id: identity.id, view: 'spec', wrap: identity.wrapped, ...scope });
  let local = document.uri;
  if (identity.shape === 'hcl') {
    try {
      // The server turns HCL into the API's JSON form, exactly as `nomad job run` would see it.
      const job = await connection.client.parseHcl(document.getText(), { ...query, canonicalize: true });
      local = services.documents.setLocal({ ...scope, id: identity.id, key: document.uri.toString() }, renderJson(jobSpecView(job)));
    } catch (error) {
      void vscode.window.showErrorMessage(`Could not convert ${path.basename(document.fileName)}: ${errorText(error)}`);
      return;
    }
  }
  const title = `${identity.id}: ${scope.cluster} ↔ ${path.basename(document.fileName)}`;
  await vscode.commands.executeCommand('vscode.diff', cluster, local, title);
}
