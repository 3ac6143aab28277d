// ACL tokens live only in VS Code's SecretStorage (the OS keychain), one per cluster, filed under
// the cluster's name and address (clusterResolver.tokenKey). They never reach settings, the output
// channel or logs. Beside them, global state remembers the address each cluster name last got a
// token for (addresses only, no secret): when a cluster's address changes, the old token is not
// sent to the new address, and this is how the user is told why and asked for a new one.
import * as vscode from 'vscode';
import { tokenKey, type TokenOwner } from './clusterResolver';

const KEY_PREFIX = 'nomad.token:';
const ADDRESSES_KEY = 'nomad.tokenAddresses';

export class TokenStore {
  readonly onDidChange: vscode.Event<string>;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly addresses: vscode.Memento,
  ) {
    this.onDidChange = (listener, thisArgs, disposables) =>
      secrets.onDidChange(
        (event) => {
          if (event.key.startsWith(KEY_PREFIX)) listener.call(thisArgs, event.key.slice(KEY_PREFIX.length));
        },
        undefined,
        disposables,
      );
  }

  get(owner: TokenOwner): Thenable<string | undefined> {
    return this.secrets.get(KEY_PREFIX + tokenKey(owner));
  }

  async set(owner: TokenOwner, token: string): Promise<void> {
    await this.addresses.update(ADDRESSES_KEY, { ...this.recorded(), [owner.name]: owner.address });
    await this.secrets.store(KEY_PREFIX + tokenKey(owner), token);
  }

  async delete(owner: TokenOwner): Promise<void> {
    const recorded = this.recorded();
    if (recorded[owner.name] === owner.address) {
      const { [owner.name]: _forgotten, ...rest } = recorded;
      await this.addresses.update(ADDRESSES_KEY, rest);
    }
    await this.secrets.delete(KEY_PREFIX + tokenKey(owner));
  }

  /** The address this cluster name was last given a token for, when that is not `owner.address`. */
  givenForAnotherAddress(owner: TokenOwner): string | undefined {
    const address = this.recorded()[owner.name];
    return address !== undefined && address !== owner.address ? address : undefined;
  }

  private recorded(): Record<string, string> {
    return this.addresses.get<Record<string, string>>(ADDRESSES_KEY) ?? {};
  }
}
