// The compiled language server as its own process speaking LSP over stdio
// (`node server.js --stdio`), as an editor other than VS Code runs it. The
// connection is returned before listen(), so a test registers its handlers first.
import { spawn } from 'child_process';
import * as path from 'path';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';

const SERVER = path.resolve(__dirname, '../../server/src/server.js');

export interface StdioServer {
  readonly connection: ProtocolConnection;
  /** Shuts the server down the LSP way and waits for the process to exit. */
  stop(): Promise<void>;
}

export function spawnStdioServer(): StdioServer {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  return {
    connection,
    async stop() {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      connection.dispose();
      if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}
