// Status bar item: the active cluster and whether it answers; clicking it switches cluster.
import * as vscode from 'vscode';
import type { ConnectionManager } from './connectionManager';
import { stateAppearance } from './connectionState';

export class ClusterStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('nomad.cluster', vscode.StatusBarAlignment.Left, 10);
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor(private readonly connections: ConnectionManager) {
    this.item.name = 'Nomad Cluster';
    this.item.command = 'nomad.switchCluster';
    this.disposables.push(
      connections.onDidChangeState(() => this.render()),
      connections.onDidChangeConnection(() => this.render()),
    );
    this.render();
    this.item.show();
  }

  private render(): void {
    const name = this.connections.activeClusterName() ?? 'no cluster';
    const appearance = stateAppearance(this.connections.state);
    this.item.text = `$(${appearance.icon}) Nomad: ${name}`;
    this.item.tooltip = `Nomad cluster "${name}": ${appearance.text}. Click to switch cluster.`;
    this.item.backgroundColor = appearance.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
