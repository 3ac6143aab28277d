// One HTTP exchange with Nomad over Node's own http/https: full control of TLS,
// a connect time-out separate from the request time-out, AbortSignal
// cancellation, and one log line per request that never contains a secret.
import * as http from 'http';
import * as https from 'https';
import type WebSocket from 'ws';
import type { ConnectionConfig } from './config';
import { addressProblem, DEFAULT_CONNECT_TIMEOUT_MS } from './config';
import {
  badResponse,
  cancelledError,
  droppedAfterHandshake,
  errorFromStatus,
  errorFromTransport,
  NomadError,
  RequestContext,
  timeoutError,
} from './errors';
import { loadTlsOptions, TlsOptions } from './tls';

export interface TransportRequest {
  method: string;
  /** Path and query, already encoded, relative to the API root (e.g. `/v1/jobs?prefix=web`). */
  path: string;
  /** JSON text to send. */
  body?: string;
  signal?: AbortSignal;
  timeoutMs: number;
  /** For error advice: the capability needed and what a 404 means. */
  capability?: string;
  subject?: string;
  namespace?: string;
}

export interface TransportResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export type LogSink = (line: string) => void;

const MIN_SECRET_LENGTH = 8;
/** Far above any real answer (a 10,000-job list is about 10 MB), far below what would strain the extension host. */
export const DEFAULT_MAX_BODY_BYTES = 256 * 1024 * 1024;

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MiB` : `${bytes} bytes`;
}

export class Transport {
  private readonly url?: URL;
  private readonly agent: http.Agent;
  private tls?: Promise<TlsOptions>;

  constructor(
    private readonly config: ConnectionConfig,
    private readonly log?: LogSink,
  ) {
    if (addressProblem(config.address) === undefined) this.url = new URL(config.address);
    const isHttps = this.url?.protocol === 'https:';
    // Keep-alive saves a TCP+TLS handshake per poll; blocking queries hold one socket each.
    this.agent = isHttps ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true });
  }

  /** Closes idle keep-alive sockets; in-flight requests still finish or fail. */
  dispose(): void {
    this.agent.destroy();
  }

  /**
   * Removes secrets from any text that may reach a log or an error message.
   * Our own code never writes headers anywhere; this catches secrets echoed
   * back by proxies or used as ids. Very short values (under 8 characters)
   * are skipped: scrubbing them would mangle ordinary words.
   */
  redact(text: string): string {
    let out = text;
    const auth = this.config.httpAuth;
    const basic = auth ? Buffer.from(auth).toString('base64') : undefined;
    const password = auth?.includes(':') ? auth.slice(auth.indexOf(':') + 1) : undefined;
    for (const secret of [this.config.token, auth, basic, password]) {
      if (secret && secret.length >= MIN_SECRET_LENGTH) out = out.split(secret).join('[redacted]');
    }
    return out;
  }

  /** Sends the request and buffers the answer; non-2xx answers reject with a NomadError. */
  async send(request: TransportRequest): Promise<TransportResponse> {
    const started = performance.now();
    const response = await this.open(request);
    const ctx = this.context(request);
    const remainingMs = Math.max(0, request.timeoutMs - (performance.now() - started));
    const body = await this.readBody(response, remainingMs, request, ctx);
    const status = response.statusCode ?? 0;
    if (status < 200 || status >= 300) throw errorFromStatus(status, this.redact(body.toString('utf8')), ctx);
    return { status, headers: response.headers, body };
  }

  /**
   * Opens a streaming request: resolves with the live response once a 2xx
   * status arrives (the caller consumes the body and destroys it when done);
   * non-2xx answers are read and rejected like `send`. Aborting the signal
   * destroys the stream.
   */
  async stream(request: TransportRequest): Promise<http.IncomingMessage> {
    const response = await this.open(request);
    const status = response.statusCode ?? 0;
    if (status >= 200 && status < 300) return response;
    const ctx = this.context(request);
    const body = await this.readBody(response, request.timeoutMs, request, ctx);
    throw errorFromStatus(status, this.redact(body.toString('utf8')), ctx);
  }

  /**
   * Opens a WebSocket (exec and action sessions) with the same token, basic
   * auth, TLS settings and connect time-out as every HTTP request. Resolves
   * once the upgrade succeeded; a refused upgrade rejects with the NomadError
   * its HTTP status and text describe. `attach` runs as the socket opens,
   * before any message is delivered: Nomad may send output (even the exit)
   * in the same packet as the upgrade. The `ws` library is loaded here, on
   * first use, so activation never pays for it.
   */
  async webSocket(request: Omit<TransportRequest, 'method' | 'body' | 'timeoutMs'>, attach: (socket: WebSocket) => void): Promise<WebSocket> {
    const ctx = this.context({ ...request, method: 'GET', timeoutMs: 0 });
    const started = performance.now();
    const problem = addressProblem(this.config.address);
    if (problem || !this.url) {
      throw new NomadError({ kind: 'unreachable', code: 'EBADADDRESS', message: problem ?? 'bad address', advice: problem ?? '' });
    }
    if (request.signal?.aborted) throw cancelledError(ctx);
    const tls = this.url.protocol === 'https:' ? await this.tlsOptions() : undefined;
    const { WebSocket: Socket } = await import(/* webpackChunkName: "ws" */ 'ws');
    const base = this.url.toString().replace(/\/+$/, '').replace(/^http/, 'ws');
    const connectMs = this.config.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    const socket = new Socket(base + request.path, {
      headers: this.authHeaders({ 'User-Agent': 'nomad-jobs-extension' }),
      handshakeTimeout: connectMs,
      perMessageDeflate: false,
      ...tls,
    });
    const outcome = (what: string): void => this.logLine({ ...request, method: 'WS', timeoutMs: 0 }, what, started);
    return new Promise<WebSocket>((resolve, reject) => {
      const fail = (error: NomadError): void => {
        request.signal?.removeEventListener('abort', onAbort);
        socket.removeAllListeners();
        socket.on('error', () => undefined);
        socket.terminate();
        reject(error);
      };
      const onAbort = (): void => {
        outcome('cancelled');
        fail(cancelledError(ctx));
      };
      request.signal?.addEventListener('abort', onAbort, { once: true });
      socket.once('open', () => {
        request.signal?.removeEventListener('abort', onAbort);
        socket.removeAllListeners('unexpected-response');
        socket.removeAllListeners('error');
        outcome('101');
        attach(socket);
        resolve(socket);
      });
      socket.once('unexpected-response', (_req, response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          outcome(String(response.statusCode));
          fail(errorFromStatus(response.statusCode ?? 0, this.redact(Buffer.concat(chunks).toString('utf8')), ctx));
        });
        response.on('error', () => fail(badResponse('the body was cut off', ctx, response.statusCode)));
      });
      socket.once('error', (error) => {
        const timedOut = /timed out/i.test(error.message);
        outcome(timedOut ? 'connect-timeout' : ((error as NodeJS.ErrnoException).code ?? 'error'));
        fail(timedOut ? timeoutError('connect', connectMs, ctx) : errorFromTransport(error, ctx, (text) => this.redact(text)));
      });
    });
  }

  private context(request: TransportRequest): RequestContext {
    return {
      method: request.method,
      path: this.redact(request.path),
      address: this.config.address,
      namespace: request.namespace,
      capability: request.capability,
      subject: request.subject === undefined ? undefined : this.redact(request.subject),
    };
  }

  private tlsOptions(): Promise<TlsOptions> {
    this.tls ??= loadTlsOptions(this.config);
    return this.tls;
  }

  /** `base` plus the token and basic-auth headers: the one place credentials are put on the wire. */
  private authHeaders<T extends http.OutgoingHttpHeaders>(base: T): T {
    const headers: http.OutgoingHttpHeaders = base;
    if (this.config.token) headers['X-Nomad-Token'] = this.config.token;
    if (this.config.httpAuth) headers.Authorization = `Basic ${Buffer.from(this.config.httpAuth).toString('base64')}`;
    return base;
  }

  private headers(request: TransportRequest): http.OutgoingHttpHeaders {
    const headers = this.authHeaders<http.OutgoingHttpHeaders>({ Accept: 'application/json', 'User-Agent': 'nomad-jobs-extension' });
    if (request.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = Buffer.byteLength(request.body);
    }
    return headers;
  }

  private logLine(request: TransportRequest, outcome: string, started: number): void {
    if (!this.log) return;
    const ms = Math.round(performance.now() - started);
    this.log(this.redact(`${request.method} ${request.path} ${outcome} ${ms}ms`));
  }

  /** Resolves when response headers arrive; every failure before that is a NomadError. */
  private async open(request: TransportRequest): Promise<http.IncomingMessage> {
    const ctx = this.context(request);
    const started = performance.now();
    const problem = addressProblem(this.config.address);
    if (problem || !this.url) {
      throw new NomadError({ kind: 'unreachable', code: 'EBADADDRESS', message: problem ?? 'bad address', advice: problem ?? '' });
    }
    if (request.signal?.aborted) throw cancelledError(ctx);
    let tls: TlsOptions | undefined;
    if (this.url.protocol === 'https:') {
      try {
        tls = await this.tlsOptions();
      } catch (error) {
        this.tls = undefined; // a fixed file may be read on the next try
        this.logLine(request, 'tls-config-error', started);
        throw error;
      }
    }
    const url = this.url;
    const basePath = url.pathname.replace(/\/+$/, '');
    return new Promise<http.IncomingMessage>((resolve, reject) => {
      let settled = false;
      const timers: NodeJS.Timeout[] = [];
      const finish = (outcome: string, error?: NomadError, response?: http.IncomingMessage): void => {
        if (settled) return;
        settled = true;
        timers.forEach(clearTimeout);
        request.signal?.removeEventListener('abort', onAbort);
        this.logLine(request, outcome, started);
        if (error) {
          req.destroy();
          reject(error);
        } else if (response) {
          // After headers, an abort must still stop a streaming body.
          if (request.signal) {
            const stop = (): void => void response.destroy(cancelledError(ctx));
            request.signal.addEventListener('abort', stop, { once: true });
            response.once('close', () => request.signal?.removeEventListener('abort', stop));
          }
          resolve(response);
        }
      };
      const onAbort = (): void => finish('cancelled', cancelledError(ctx));
      const options: https.RequestOptions = {
        method: request.method,
        protocol: url.protocol,
        hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
        port: url.port || (url.protocol === 'https:' ? 443 : 80),
        path: basePath + request.path,
        headers: this.headers(request),
        agent: this.agent,
        ...tls,
      };
      let req: http.ClientRequest;
      try {
        req = (url.protocol === 'https:' ? https : http).request(options);
      } catch (error) {
        // Node validates headers synchronously (e.g. a token with a newline).
        settled = true;
        this.logLine(request, (error as { code?: string }).code ?? 'error', started);
        reject(errorFromTransport(error, ctx, (text) => this.redact(text)));
        return;
      }
      request.signal?.addEventListener('abort', onAbort, { once: true });
      timers.push(
        setTimeout(() => finish('timeout', timeoutError('request', request.timeoutMs, ctx)), request.timeoutMs),
      );
      let freshHandshake = false;
      req.on('socket', (socket) => {
        if (!socket.connecting) return;
        socket.once('secureConnect', () => (freshHandshake = true));
        const connectMs = this.config.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
        const timer = setTimeout(() => finish('connect-timeout', timeoutError('connect', connectMs, ctx)), connectMs);
        timers.push(timer);
        socket.once('connect', () => clearTimeout(timer));
      });
      req.on('error', (error) => {
        const reset = (error as NodeJS.ErrnoException).code === 'ECONNRESET';
        const failure = reset && freshHandshake ? droppedAfterHandshake(ctx) : errorFromTransport(error, ctx, (text) => this.redact(text));
        finish(failure.code ?? 'error', failure);
      });
      req.on('response', (response) => finish(String(response.statusCode), undefined, response));
      req.end(request.body);
    });
  }

  /**
   * Buffers the body within what is left of the time-out and the size limit (an endless or huge
   * answer, from a proxy or a misconfigured address, must not take the extension host's memory);
   * a cut-off body is a bad response.
   */
  private readBody(
    response: http.IncomingMessage,
    remainingMs: number,
    request: TransportRequest,
    ctx: RequestContext,
  ): Promise<Buffer> {
    return new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      let done = false;
      const timer = setTimeout(() => fail(timeoutError('request', request.timeoutMs, ctx)), remainingMs);
      const fail = (error: NomadError): void => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        response.destroy();
        reject(error);
      };
      const limit = this.config.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
      let size = Number(response.headers['content-length'] ?? 0);
      const tooLarge = (): NomadError => badResponse(`the body is larger than ${formatBytes(limit)} (the most this extension reads)`, ctx, response.statusCode);
      if (size > limit) {
        fail(tooLarge());
        return;
      }
      size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit) fail(tooLarge());
        else chunks.push(chunk);
      });
      response.on('end', () => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        resolve(Buffer.concat(chunks));
      });
      response.on('error', (error) => {
        fail(error instanceof NomadError ? error : badResponse('the body was cut off', ctx, response.statusCode));
      });
      response.on('close', () => {
        if (!response.complete) fail(badResponse('the body was cut off', ctx, response.statusCode));
      });
    });
  }
}
