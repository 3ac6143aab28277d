// One error type for everything that can go wrong talking to Nomad. Callers
// branch on `kind` (retry, ask for a token, reload and retry, list problems)
// and show `message` + `advice`; `serverText` keeps Nomad's words verbatim.
//
// Real servers answer errors as text/plain and use 500 for many refusals that
// the caller caused (check-and-set conflicts, validation, dispatch rules), so
// the kind is chosen from the status AND the text, not the status alone.

export type NomadErrorKind =
  | 'unreachable'
  | 'tls'
  | 'timeout'
  | 'cancelled'
  | 'badRequest'
  | 'permissionDenied'
  | 'notFound'
  | 'casConflict'
  | 'validation'
  | 'server'
  | 'badResponse';

export interface NomadErrorInit {
  kind: NomadErrorKind;
  message: string;
  advice: string;
  status?: number;
  serverText?: string;
  items?: string[];
  /** Node's error code for transport failures (ECONNREFUSED, DEPTH_ZERO_SELF_SIGNED_CERT, ...). */
  code?: string;
  method?: string;
  path?: string;
}

export class NomadError extends Error {
  readonly kind: NomadErrorKind;
  readonly status?: number;
  readonly serverText?: string;
  readonly items: string[];
  readonly advice: string;
  readonly code?: string;
  /** The request that failed (path with query; never the token). */
  readonly method?: string;
  readonly path?: string;

  constructor(init: NomadErrorInit) {
    super(init.message);
    this.name = 'NomadError';
    this.kind = init.kind;
    this.status = init.status;
    this.serverText = init.serverText;
    this.items = init.items ?? [];
    this.advice = init.advice;
    this.code = init.code;
    this.method = init.method;
    this.path = init.path;
  }
}

/** Type guard for catch blocks (`catch (error: unknown)`). */
export function isNomadError(value: unknown): value is NomadError {
  return value instanceof NomadError;
}

/** What the request was about, so advice can name the capability and the place. */
export interface RequestContext {
  method: string;
  path: string;
  address: string;
  namespace?: string;
  /** ACL capability the endpoint needs, e.g. `read-job`, `submit-job`. */
  capability?: string;
  /** What a 404 means for this endpoint, e.g. `job "web"`. */
  subject?: string;
}

const SET_TOKEN = 'set a token with "Nomad: Set ACL Token"';

// Nomad's multierror header: "1 error occurred:" / "3 errors occurred:".
const MULTI_ERROR_HEADER = /^(\d+) errors? occurred:$/;
const HEADER_WORDS = / errors? occurred:$/;

/**
 * An item ending in a multierror header ("Task g failed: 2 errors occurred:"):
 * the text before the count, and the count. The digits are found by walking
 * back from the words: a regular expression with a free prefix before `\d+`
 * retries the whole digit run from every position (seconds on a long run).
 */
function trailingHeader(item: string): { before: string; count: number } | undefined {
  const words = HEADER_WORDS.exec(item);
  if (!words) return undefined;
  let start = words.index;
  while (start > 0 && item.charCodeAt(start - 1) >= 48 && item.charCodeAt(start - 1) <= 57) start--;
  if (start === words.index) return undefined;
  return { before: item.slice(0, start), count: Number(item.slice(start, words.index)) };
}

/**
 * Splits Go multierror text into readable items. Nested errors are printed
 * flat by Go ("Task group g validation failed: 1 error occurred:\n\t* Task t
 * ..."), so an item ending in a header owns the next N items; we join such
 * chains into one line per leaf: "Task group g validation failed: Task t
 * validation failed: Missing task driver".
 */
export function splitMultiError(text: string): string[] {
  const parts = text.trim().split('\n\t* ');
  const header = MULTI_ERROR_HEADER.exec(parts[0].trim());
  if (!header || parts.length < 2) return [];
  const rest = parts.slice(1).map((part) => part.trim());
  let cursor = 0;
  const take = (count: number, prefix: string, out: string[]): boolean => {
    for (let i = 0; i < count; i++) {
      if (cursor >= rest.length) return false;
      const item = rest[cursor++];
      const nested = trailingHeader(item);
      if (nested) {
        if (!take(nested.count, prefix + nested.before, out)) return false;
      } else {
        out.push(prefix + item);
      }
    }
    return true;
  };
  const items: string[] = [];
  if (take(Number(header[1]), '', items) && cursor === rest.length) return items;
  // Counts did not add up (hand-made text): fall back to one item per bullet.
  return rest.map((item) => trailingHeader(item)?.before.trimEnd() ?? item).filter((item) => item !== '');
}

// Refusals Nomad answers with 500 although the request, not the server, is at
// fault. Matching them lets callers avoid pointless retries.
const REQUEST_REFUSALS: RegExp[] = [
  /^Dispatch (did not provide required meta keys|request included unpermitted metadata keys)/,
  /^Specified job ".*" is not a parameterized job/,
  /^Payload (is not provided but required|provided but forbidden|exceeds maximum size)/,
  /^Parameterized job ".*" is stopped/,
  /^can't (evaluate periodic job|force launch non-periodic job|revert to current version)/,
  /^Failed to parse value of "/,
  /^No path to region/,
];

const CAS_CONFLICT = [/^Enforcing job modify index \d+:/, /enforcing version \d+/];

function classifyStatus(status: number, text: string): NomadErrorKind {
  if (MULTI_ERROR_HEADER.test(text.split('\n')[0].trim()) && splitMultiError(text).length > 0) return 'validation';
  if (status === 401 || status === 403) return 'permissionDenied';
  if (status === 404) return 'notFound';
  if (status >= 400 && status < 500) return 'badRequest';
  if (CAS_CONFLICT.some((re) => re.test(text))) return 'casConflict';
  if (/not found$/.test(text)) return 'notFound';
  if (REQUEST_REFUSALS.some((re) => re.test(text))) return 'badRequest';
  return 'server';
}

function permissionAdvice(text: string, ctx: RequestContext): string {
  if (/ACL token not found/i.test(text)) {
    return `The ACL token is not known to this cluster (expired, deleted or from another cluster); ${SET_TOKEN}.`;
  }
  const capability = ctx.capability ? `a capability such as \`${ctx.capability}\`` : 'a needed capability';
  const where = ctx.namespace && ctx.namespace !== '*' ? ` in namespace "${ctx.namespace}"` : '';
  return `The ACL token (or the anonymous policy when no token is set) lacks ${capability}${where}; ${SET_TOKEN} that has it.`;
}

function statusAdvice(kind: NomadErrorKind, status: number, text: string, ctx: RequestContext): string {
  switch (kind) {
    case 'permissionDenied':
      return permissionAdvice(text, ctx);
    case 'notFound':
      return `Nomad has no ${ctx.subject ?? 'such object'}${ctx.namespace && ctx.namespace !== '*' ? ` in namespace "${ctx.namespace}"` : ''}; it may have been purged, or it lives in another namespace or region.`;
    case 'casConflict':
      return 'The job changed on the server since you read it; reload it, review the difference and submit again.';
    case 'validation':
      return 'Nomad rejected the job as invalid; fix the listed problems and submit again.';
    case 'badRequest':
      return status === 405
        ? 'The server does not accept this method on this path; it may be a Nomad version without this endpoint.'
        : 'Nomad refused the request as given; read its message, correct the input and try again.';
    default:
      return 'Nomad failed to handle the request; read its message and retry if the problem was temporary.';
  }
}

function describe(ctx: RequestContext): string {
  return `${ctx.method} ${ctx.path}`;
}

/** Builds the error for a non-2xx HTTP answer. `body` is the raw response text. */
export function errorFromStatus(status: number, body: string, ctx: RequestContext): NomadError {
  const serverText = body.trimEnd(); // not /\s+$/, which is quadratic on a long run of spaces inside the text
  const kind = classifyStatus(status, serverText);
  const items = kind === 'validation' ? splitMultiError(serverText) : [];
  const firstLine = serverText.split('\n')[0] || `HTTP ${status}`;
  const summary = kind === 'validation' ? items.join('; ') : firstLine;
  return new NomadError({
    kind,
    status,
    serverText,
    items,
    message: `Nomad answered ${status} to ${describe(ctx)}: ${summary}`,
    advice: statusAdvice(kind, status, serverText, ctx),
    method: ctx.method,
    path: ctx.path,
  });
}

/** A 2xx answer whose body is not what Nomad sends (not JSON, cut short, ...). */
export function badResponse(reason: string, ctx: RequestContext, status?: number): NomadError {
  return new NomadError({
    kind: 'badResponse',
    status,
    message: `Unexpected answer to ${describe(ctx)}: ${reason}`,
    advice: `Check that ${ctx.address} is a Nomad HTTP API and not a proxy or another service, then retry.`,
    method: ctx.method,
    path: ctx.path,
  });
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ECONNRESET',
  'EPIPE',
  'EADDRNOTAVAIL',
  'ENETDOWN',
  'EHOSTDOWN',
]);

// OpenSSL verification codes as Node reports them, plus Node's own hostname check.
const UNTRUSTED_CERT_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
]);
const EXPIRED_CERT_CODES = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);

function tlsAdvice(code: string, message: string): string | undefined {
  if (UNTRUSTED_CERT_CODES.has(code)) {
    return "The server's certificate is not signed by a CA you trust; set nomad.clusters[].caCert or NOMAD_CACERT to the cluster's CA file, or, only if you trust the network, turn on skipVerify.";
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return 'The certificate does not name the host in the address; set nomad.clusters[].tlsServerName or NOMAD_TLS_SERVER_NAME to a name it carries (Nomad uses server.<region>.nomad).';
  }
  if (EXPIRED_CERT_CODES.has(code)) {
    return "The server's certificate is expired or not yet valid; renew it or check this machine's clock.";
  }
  if (/certificate required|alert handshake failure|alert bad certificate|alert unknown ca/i.test(message)) {
    return 'The server refused the TLS handshake, usually because it wants a client certificate it trusts; set nomad.clusters[].clientCert and clientKey (NOMAD_CLIENT_CERT / NOMAD_CLIENT_KEY).';
  }
  if (/wrong version number|packet length too long|http request/i.test(message)) {
    return 'TLS did not start: the address scheme likely does not match the server (https:// for a plain HTTP agent or the reverse); fix the address.';
  }
  if (code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL') || /ssl|tls|certificate/i.test(message)) {
    return 'The TLS connection failed; check caCert, clientCert/clientKey and tlsServerName for this cluster.';
  }
  return undefined;
}

/** Builds the error for a failure before any HTTP answer (socket, DNS, TLS). */
export function errorFromTransport(error: unknown, ctx: RequestContext, redact: (text: string) => string): NomadError {
  const code = typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : 'EUNKNOWN';
  const raw = redact(error instanceof Error ? error.message : String(error));
  const base = { code, method: ctx.method, path: ctx.path };
  const tls = tlsAdvice(code, raw);
  if (tls && !UNREACHABLE_CODES.has(code)) {
    return new NomadError({ ...base, kind: 'tls', message: `TLS failed for ${ctx.address}: ${raw}`, advice: tls });
  }
  if (code.startsWith('HPE_')) {
    // Node's HTTP parser choked: something answered, but not with HTTP (often TLS on an http:// address).
    return new NomadError({
      ...base,
      kind: 'badResponse',
      message: `The answer from ${ctx.address} to ${describe(ctx)} is not valid HTTP (${code})`,
      advice: 'Check the address: an https:// cluster needs an https:// address, and it must point at the Nomad HTTP API.',
    });
  }
  if (code === 'ERR_INVALID_CHAR') {
    return new NomadError({
      ...base,
      kind: 'badRequest',
      message: `Could not send ${describe(ctx)}: a header value has characters HTTP does not allow`,
      advice: `The ACL token contains characters that cannot be sent; ${SET_TOKEN} again.`,
    });
  }
  return new NomadError({
    ...base,
    kind: 'unreachable',
    message: `Could not reach Nomad at ${ctx.address} (${code}): ${raw}`,
    advice: `Nothing answered at ${ctx.address}; check that Nomad runs there and that NOMAD_ADDR or nomad.clusters[].address is right.`,
  });
}

/**
 * A fresh TLS connection that the server drops right after the handshake:
 * with TLS 1.3 that is how a server refusing our client certificate looks
 * when it sends no alert.
 */
export function droppedAfterHandshake(ctx: RequestContext): NomadError {
  return new NomadError({
    kind: 'tls',
    code: 'ECONNRESET',
    method: ctx.method,
    path: ctx.path,
    message: `${ctx.address} closed the connection right after the TLS handshake`,
    advice: 'The server most likely refused the client certificate; check nomad.clusters[].clientCert and clientKey (NOMAD_CLIENT_CERT / NOMAD_CLIENT_KEY) and that the cluster CA signed them.',
  });
}

export function timeoutError(phase: 'connect' | 'request', ms: number, ctx: RequestContext): NomadError {
  return new NomadError({
    kind: 'timeout',
    code: 'ETIMEDOUT',
    method: ctx.method,
    path: ctx.path,
    message:
      phase === 'connect'
        ? `Connecting to ${ctx.address} took longer than ${ms} ms`
        : `Nomad did not answer ${describe(ctx)} within ${ms} ms`,
    advice:
      phase === 'connect'
        ? 'The address did not accept a connection in time; check the address, VPN or firewall, or raise connectTimeoutMs.'
        : 'The server is slow or overloaded; retry, or raise requestTimeoutMs for this cluster.',
  });
}

export function cancelledError(ctx: RequestContext): NomadError {
  return new NomadError({
    kind: 'cancelled',
    method: ctx.method,
    path: ctx.path,
    message: `${describe(ctx)} was cancelled`,
    advice: 'The request was cancelled before it finished; nothing more to do.',
  });
}

/** Wraps anything thrown by caller code (e.g. a watch fetch) so error handlers see one type. */
export function toNomadError(error: unknown): NomadError {
  if (error instanceof NomadError) return error;
  return new NomadError({
    kind: 'badResponse',
    message: error instanceof Error ? error.message : String(error),
    advice: 'An unexpected problem happened while talking to Nomad; retry, and report it if it persists.',
  });
}
