// The "Nomad" output channel: one line per API request, fed by the client's `log` option.
// The client never passes the token, and we mask any secret we know of anyway.
import * as vscode from 'vscode';
import { redactSecrets } from './redact';

export class RequestLog implements vscode.Disposable {
  private readonly channel = vscode.window.createOutputChannel('Nomad', { log: true });

  /** Returns a `log` function for one client, masking that client's token. */
  forClient(token: string | undefined): (line: string) => void {
    return (line) => this.channel.info(redactSecrets(line, [token]));
  }

  warn(line: string): void {
    this.channel.warn(line);
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
