// Serves `nomad:` documents: read-only JSON of jobs (current or a version), allocations,
// evaluations and deployments. Documents of things that can change are watched while open.
import * as vscode from 'vscode';
import type { ConnectionManager } from '../../connection/connectionManager';
import { LiveResource } from '../../explorer/liveResource';
import { fetcherFor, renderDocument } from './documentSources';
import { formatDocRef, isImmutable, NOMAD_SCHEME, parseDocRef, type DocRef } from './nomadUri';

export function nomadUri(ref: DocRef): vscode.Uri {
  return vscode.Uri.from(formatDocRef(ref));
}

export class NomadDocumentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  private readonly live = new Map<string, LiveResource<unknown>>();
  private readonly local = new Map<string, string>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];

  readonly onDidChange = this.emitter.event;

  constructor(private readonly connections: ConnectionManager) {
    this.disposables.push(
      vscode.workspace.registerTextDocumentContentProvider(NOMAD_SCHEME, this),
      vscode.workspace.onDidCloseTextDocument((document) => this.stopWatching(document.uri)),
    );
  }

  /** Registers extension-made content (e.g. a converted HCL file) and returns its URI. */
  setLocal(ref: Omit<Extract<DocRef, { kind: 'local' }>, 'kind'>, content: string): vscode.Uri {
    const uri = nomadUri({ ...ref, kind: 'local' });
    this.local.set(ref.key, content);
    this.emitter.fire(uri);
    return uri;
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const ref = parseDocRef(uri.query);
    if (!ref) throw new Error(`Not a Nomad document address: ${uri.toString()}`);
    if (ref.kind === 'local') {
      const content = this.local.get(ref.key);
      if (content === undefined) throw new Error('This converted job is no longer available; run the comparison again.');
      return content;
    }
    const resource = await this.resourceFor(uri, ref);
    await resource.whenSettled();
    if (resource.value === undefined) {
      // No document will open, so no close event will ever stop this watch.
      this.stopWatching(uri);
      throw new Error(resource.error?.advice || resource.error?.message || 'Not available');
    }
    return renderDocument(ref, resource.value);
  }

  private async resourceFor(uri: vscode.Uri, ref: Exclude<DocRef, { kind: 'local' }>): Promise<LiveResource<unknown>> {
    const key = uri.toString();
    const existing = this.live.get(key);
    if (existing) return existing;
    const client = await this.connections.clientFor(ref.cluster);
    if (!client) throw new Error(`No cluster named "${ref.cluster}" is configured.`);
    const resource = new LiveResource<unknown>(fetcherFor(client, ref), () => {
      // Immutable documents need only their first answer; the rest keep following the server.
      if (isImmutable(ref)) resource.stop();
      else this.emitter.fire(uri);
    });
    this.live.set(key, resource);
    resource.start();
    return resource;
  }

  private stopWatching(uri: vscode.Uri): void {
    if (uri.scheme !== NOMAD_SCHEME) return;
    const key = uri.toString();
    this.live.get(key)?.stop();
    this.live.delete(key);
  }

  dispose(): void {
    for (const resource of this.live.values()) resource.stop();
    this.live.clear();
    for (const d of this.disposables) d.dispose();
  }
}
