// ACL tokens live only in VS Code's SecretStorage (the OS keychain), one per cluster, filed under
// the cluster's name and address (clusterResolver.tokenKey). They never reach settings, the output
// channel or logs.
import * as vscode from 'vscode';

const KEY_PREFIX = 'nomad.token:';

export class TokenStore {
  readonly onDidChange: vscode.Event<string>;

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.onDidChange = (listener, thisArgs, disposables) =>
      secrets.onDidChange(
        (event) => {
          if (event.key.startsWith(KEY_PREFIX)) listener.call(thisArgs, event.key.slice(KEY_PREFIX.length));
        },
        undefined,
        disposables,
      );
  }

  /** `key`: tokenKey() of the cluster. */
  get(key: string): Thenable<string | undefined> {
    return this.secrets.get(KEY_PREFIX + key);
  }

  set(key: string, token: string): Thenable<void> {
    return this.secrets.store(KEY_PREFIX + key, token);
  }

  delete(key: string): Thenable<void> {
    return this.secrets.delete(KEY_PREFIX + key);
  }
}
