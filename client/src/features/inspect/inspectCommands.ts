// Read-only inspection: open cluster objects as JSON and compare job versions, or the
// cluster's job with the job file being edited.
import * as path from 'path';
import * as vscode from 'vscode';
import type { ActiveConnection } from '../../connection/connectionManager';
import { identifyJob } from '../../../../common/src/job/jobIdentity';
import type { InspectTarget } from '../../explorer/nodes/node';
import { sortVersions } from '../../explorer/presentation/versionPresentation';
import { openSideDiff } from '../editorGroups/sideColumn';
import { jobSpecView, renderJson } from './jobSpecView';
import { nomadUri } from './nomadDocumentProvider';
import type { CommandServices } from '../../commands/commandTable';
import { errorText, isNode } from '../../explorer/explorerCommands';
import { clusterHas } from '../../nomad/features';
import { readJobSubmission, type JobSubmission } from '../../nomad/submissions';
import { JobLoadCancelled } from '../jobFiles/jobLoader';

function targetOf(node: unknown): InspectTarget | undefined {
  return isNode(node) && 'inspectTarget' in node ? node.inspectTarget() : undefined;
}

/** Namespace and region for a document: the object's own namespace wins over the tree's scope. */
export function scopeFor(services: CommandServices, connection: ActiveConnection, namespace: string | undefined) {
  const session = services.explorer.current;
  const treeNamespace = session?.namespace === '*' ? undefined : session?.namespace;
  return {
    cluster: connection.cluster.name,
    namespace: namespace ?? treeNamespace ?? connection.client.config.namespace,
    region: session?.region ?? connection.client.config.region,
  };
}

/** Options of a tree click (which opens a preview and leaves the focus in the tree) or of a command. */
export interface OpenOptions {
  preserveFocus?: boolean;
}

export async function openReadOnly(uri: vscode.Uri, options: OpenOptions = {}): Promise<void> {
  try {
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: true, preserveFocus: options.preserveFocus === true });
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

export async function inspect(services: CommandServices, node?: unknown, options?: unknown): Promise<void> {
  const connection = await services.connections.current();
  if (!connection) return;
  const target = targetOf(node) ?? (await pickJob(services, connection));
  if (!target) return;
  const scope = scopeFor(services, connection, target.namespace);
  await openReadOnly(nomadUri({ ...target, ...scope }), typeof options === 'object' && options !== null ? (options as OpenOptions) : {});
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
  // The readable view leaves out what the server sets (indexes, submit time) and writes durations as a
  // job file does, so the diff leads with real changes in the author's terms.
  const uriOf = (version: number) => nomadUri({ kind: 'job', id: target.id, version, view: 'readable', ...scope });
  await openSideDiff(uriOf(older), uriOf(newer), `${target.id}: v${older} ↔ v${newer}`);
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
  let version: number;
  let submission: JobSubmission | undefined;
  try {
    version = (await connection.client.readJob(identity.id, query)).value.Version ?? 0;
    // A cluster that kept the file it was given (1.6+) is compared as text, line by line with yours.
    if (await clusterHas(connection.client, 'jobSubmission')) submission = await readJobSubmission(connection.client, identity.id, version, query);
  } catch (error) {
    void vscode.window.showWarningMessage(`Job "${identity.id}" on ${scope.cluster}: ${errorText(error)}`);
    return;
  }
  if (submission) {
    const source = nomadUri({ kind: 'source', id: identity.id, version, format: submission.Format, ...scope });
    const title = `${identity.id}: ${scope.cluster} v${version} (submitted) ↔ ${path.basename(document.fileName)}`;
    await vscode.commands.executeCommand('vscode.diff', source, document.uri, title);
    return;
  }
  const cluster = nomadUri({ kind: 'job', id: identity.id, view: 'spec', wrap: identity.wrapped, ...scope });
  let local = document.uri;
  if (identity.shape === 'hcl') {
    try {
      // Converted as Plan converts it (the cluster's parser, with the job's variable files and values;
      // before Nomad 1.6 the language server applies them), so the file compares as `nomad job run` sees it.
      const { job } = await services.jobLoader.load(document, connection.client);
      local = services.documents.setLocal({ ...scope, id: identity.id, key: document.uri.toString() }, renderJson(jobSpecView(job)));
    } catch (error) {
      if (error instanceof JobLoadCancelled) return;
      void vscode.window.showErrorMessage(`Could not convert ${path.basename(document.fileName)}: ${errorText(error)}`);
      return;
    }
  }
  const title = `${identity.id}: ${scope.cluster} ↔ ${path.basename(document.fileName)}`;
  await openSideDiff(cluster, local, title);
}
