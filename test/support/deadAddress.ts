// An address where nothing listens, for tests of an unreachable cluster: a
// loopback port that was bound and released, so connecting is refused at once.
import * as net from 'net';

export async function deadAddress(): Promise<string> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
