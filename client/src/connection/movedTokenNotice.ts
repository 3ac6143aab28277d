// When the active cluster's address changes, the token stored for the old address stays behind
// (tokens are bound to the address they were given for). Say so once per new address and offer to
// set a token, rather than letting the user discover it as a permission error.
import * as vscode from 'vscode';
import { tokenKey } from './clusterResolver';
import type { ConnectionManager } from './connectionManager';

export function noticeMovedTokens(connections: ConnectionManager): vscode.Disposable {
  const told = new Set<string>();
  return connections.onDidChangeConnection((connection) => {
    if (!connection?.tokenGivenFor) return;
    const address = connection.client.config.address;
    const key = tokenKey({ name: connection.cluster.name, address });
    if (told.has(key)) return;
    told.add(key);
    const setToken = 'Set ACL Token';
    void vscode.window
      .showWarningMessage(
        `Cluster "${connection.cluster.name}" now points at ${address}. Its ACL token was given for ${connection.tokenGivenFor}, so it is not sent to the new address.`,
        setToken,
      )
      .then((choice) => choice === setToken && vscode.commands.executeCommand('nomad.setToken'));
  });
}
