// An in-process fake Nomad agent on 127.0.0.1 for tests: HTTP or HTTPS (with
// optional client-certificate checking), an ACL mode, blocking queries, and
// the response headers and text/plain errors of a real v1.0 server. Never
// shipped; the extension code only ever sees it as "a Nomad at some address".
import { promises as fs } from 'fs';
import * as http from 'http';
import * as https from 'https';
import type { AddressInfo } from 'net';
import { parseGoDuration } from '../../../client/src/nomad/duration';
import { execUpgrade, FakeExecLog } from './execFake';
import { sharedTestPki } from './pki';
import { defaultRoutes, ReadResult, Route, RouteRequest } from './routes';
import { HttpError, Reply } from './httpError';
import { FakeNomadState } from './state';

export interface FakeNomadOptions {
  /** Serve HTTPS. `ca`: certificate signed by the test CA (else self-signed); `requireClientCert`: mTLS. */
  tls?: { ca: boolean; requireClientCert?: boolean };
  /** Turn ACLs on: the management token may do anything, `readToken` only GET, `deniedToken` nothing. */
  acl?: { managementToken: string; deniedToken?: string; readToken?: string };
  agentVersion?: string;
  clock?: () => number;
}

export interface RecordedRequest {
  method: string;
  /** Raw URL as sent (still percent-encoded). */
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface FakeNomad {
  address: string;
  state: FakeNomadState;
  tlsFiles?: { caCert: string; clientCert: string; clientKey: string; serverName: string };
  /** Every request received, oldest first. */
  requests: RecordedRequest[];
  /** Exec and action sessions the fake ran (command, tty, resizes). */
  exec: FakeExecLog;
  /** Adds a route that wins over the built-in ones (e.g. /v1/client/fs/logs/:alloc). */
  addRoute(route: Route): void;
  close(): Promise<void>;
}

const MAX_WAIT_MS = 10 * 60_000;
const DEFAULT_WAIT_MS = 5 * 60_000;

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  const isText = typeof body === 'string';
  res.writeHead(status, {
    ...headers,
    'Content-Type': isText ? 'text/plain; charset=utf-8' : 'application/json',
    Vary: 'Accept-Encoding',
  });
  res.end(isText ? body : JSON.stringify(body));
}

function readHeaders(index: number): Record<string, string> {
  return { 'X-Nomad-Index': String(index), 'X-Nomad-Knownleader': 'true', 'X-Nomad-Lastcontact': '0' };
}

function aclRefusal(options: FakeNomadOptions['acl'], req: http.IncomingMessage, path: string): string | undefined {
  if (!options || path === '/v1/regions') return undefined;
  const header = req.headers['x-nomad-token'];
  const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  const token = (Array.isArray(header) ? header[0] : header) ?? bearer;
  if (token === options.managementToken) return undefined;
  if (token !== undefined && token === options.readToken) return req.method === 'GET' ? undefined : 'Permission denied';
  if (!token || token === options.deniedToken) return 'Permission denied';
  return 'ACL token not found';
}

export async function startFakeNomad(options: FakeNomadOptions = {}): Promise<FakeNomad> {
  const state = new FakeNomadState(options.clock);
  if (options.agentVersion) state.agentVersion = options.agentVersion;
  state.aclEnabled = Boolean(options.acl);
  const routes = defaultRoutes();
  const requests: RecordedRequest[] = [];
  const waits = new Set<AbortController>();

  /** Answers a read, holding it while the index has not passed `index` (a blocking query). */
  const blockingRead = async (read: (r: RouteRequest) => ReadResult, request: RouteRequest, res: http.ServerResponse): Promise<void> => {
    const minIndex = Number(request.query.get('index') ?? 0);
    const waitText = request.query.get('wait');
    let waitMs = DEFAULT_WAIT_MS;
    try {
      if (waitText) waitMs = Math.min(parseGoDuration(waitText), MAX_WAIT_MS);
    } catch {
      return send(res, 400, `Invalid wait time: time: invalid duration "${waitText}"`);
    }
    const deadline = Date.now() + waitMs;
    const controller = new AbortController();
    waits.add(controller);
    res.once('close', () => controller.abort());
    try {
      let result = read(request);
      while (minIndex > 0 && result.index <= minIndex && Date.now() < deadline && !controller.signal.aborted) {
        await state.waitForChange(deadline - Date.now(), controller.signal);
        result = read(request);
      }
      const headers = readHeaders(result.index);
      if (result.error) send(res, result.error.status, result.error.text, headers);
      else send(res, 200, result.value, headers);
    } finally {
      waits.delete(controller);
    }
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const method = req.method ?? 'GET';
    requests.push({ method, url: req.url ?? '', headers: req.headers, body });
    const url = new URL(req.url ?? '/', 'http://fake');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return send(res, 400, 'invalid URL escape');
    }
    let match: RegExpExecArray | null = null;
    const route = routes.find((r) => (match = r.pattern.exec(path)) !== null);
    if (!route || !match) return send(res, 404, '404 page not found\n');
    const handler = route.methods[method];
    if (!handler) return send(res, 405, 'Invalid method');
    const refusal = aclRefusal(options.acl, req, path);
    if (refusal) return send(res, 403, refusal);
    const region = url.searchParams.get('region');
    if (region && !state.regions.includes(region)) return send(res, 500, 'No path to region');
    const request: RouteRequest = {
      method,
      path,
      params: (match as RegExpExecArray).slice(1),
      query: url.searchParams,
      body,
      namespace: url.searchParams.get('namespace') || 'default',
      state,
      raw: req,
    };
    if ('raw' in handler) return handler.raw(request, res);
    if ('read' in handler) return blockingRead(handler.read, request, res);
    const answer = handler.answer(request);
    const value = answer instanceof Reply ? answer.body : answer;
    const index = (value as { Index?: unknown } | null)?.Index;
    const headers = answer instanceof Reply ? answer.headers : {};
    if (answer instanceof Reply && answer.exactHeaders) {
      if (value === undefined) {
        res.writeHead(answer.status, headers);
        res.end();
        return;
      }
      return send(res, answer.status, value, headers);
    }
    send(res, answer instanceof Reply ? answer.status : 200, value, typeof index === 'number' ? { 'X-Nomad-Index': String(index), ...headers } : headers);
  };

  const listener = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof HttpError) send(res, error.status, error.text);
      else send(res, 500, error instanceof Error ? error.message : String(error));
    });
  };

  let server: http.Server;
  let tlsFiles: FakeNomad['tlsFiles'];
  if (options.tls) {
    const pki = await sharedTestPki();
    const [cert, key, ca] = await Promise.all([
      fs.readFile(options.tls.ca ? pki.serverCert : pki.selfSignedCert),
      fs.readFile(options.tls.ca ? pki.serverKey : pki.selfSignedKey),
      fs.readFile(pki.caCert),
    ]);
    const requireClientCert = options.tls.requireClientCert === true;
    server = https.createServer({ cert, key, ca, requestCert: requireClientCert, rejectUnauthorized: requireClientCert }, listener);
    tlsFiles = { caCert: pki.caCert, clientCert: pki.clientCert, clientKey: pki.clientKey, serverName: pki.serverName };
  } else {
    server = http.createServer(listener);
  }
  const exec = new FakeExecLog();
  const upgrade = execUpgrade(state, exec, { allows: (req) => aclRefusal(options.acl, req, req.url ?? '') === undefined });
  // Upgraded sockets leave the server's bookkeeping: closeAllConnections() does not see them.
  const upgraded = new Set<import('stream').Duplex>();
  server.on('upgrade', (req: http.IncomingMessage, socket: import('stream').Duplex, head: Buffer) => {
    upgraded.add(socket);
    socket.once('close', () => upgraded.delete(socket));
    requests.push({ method: 'GET', url: req.url ?? '', headers: req.headers, body: '' });
    // Like Nomad's router: a path without a WebSocket handler gets a plain 404 instead of an upgrade.
    if (!upgrade(req, socket, head)) socket.end('HTTP/1.1 404 Not Found\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 19\r\n\r\n404 page not found\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    address: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    state,
    tlsFiles,
    requests,
    exec,
    addRoute: (route) => routes.unshift(route),
    close: async () => {
      waits.forEach((w) => w.abort());
      server.closeAllConnections();
      upgraded.forEach((socket) => socket.destroy());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
