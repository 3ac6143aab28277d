// How to reach one Nomad cluster, and reading it from the environment the
// same way the Nomad CLI does so that a terminal that works also works here.

export interface ConnectionConfig {
  /** e.g. http://127.0.0.1:4646 (NOMAD_ADDR). */
  address: string;
  /** Sent as X-Nomad-Token (NOMAD_TOKEN). Never logged. */
  token?: string;
  /** Default namespace for requests (NOMAD_NAMESPACE); '*' = all, for lists. */
  namespace?: string;
  /** NOMAD_REGION. */
  region?: string;
  /** Paths of PEM files (NOMAD_CACERT, NOMAD_CAPATH, NOMAD_CLIENT_CERT, NOMAD_CLIENT_KEY). */
  caCert?: string;
  caPath?: string;
  clientCert?: string;
  clientKey?: string;
  /** SNI and the name checked in the server certificate (NOMAD_TLS_SERVER_NAME). */
  tlsServerName?: string;
  /** Accept any server certificate (NOMAD_SKIP_VERIFY). Only for networks you trust. */
  skipVerify?: boolean;
  /** HTTP basic auth in front of Nomad (NOMAD_HTTP_AUTH, "user:password"). Never logged. */
  httpAuth?: string;
  /** Default 5000. */
  connectTimeoutMs?: number;
  /** Default 30000; blocking queries add their wait on top. */
  requestTimeoutMs?: number;
  /** Largest response body read into memory; default DEFAULT_MAX_BODY_BYTES. */
  maxBodyBytes?: number;
}

export const DEFAULT_ADDRESS = 'http://127.0.0.1:4646';

/**
 * The address used when NOMAD_ADDR is unset: the CLI's default. The test
 * runners set NOMAD_TEST_DEFAULT_ADDR to a port where nothing listens, so a
 * test of "nothing configured" never reaches an agent that happens to run on
 * the machine's default address.
 */
export function defaultAddress(env: NodeJS.ProcessEnv = process.env): string {
  return env.NOMAD_TEST_DEFAULT_ADDR || DEFAULT_ADDRESS;
}
export const DEFAULT_CONNECT_TIMEOUT_MS = 5000;
export const DEFAULT_REQUEST_TIMEOUT_MS = 30000;

/**
 * Go's strconv.ParseBool, which the Nomad CLI uses for NOMAD_SKIP_VERIFY.
 * Returns undefined for anything else; the CLI then ignores the variable.
 */
export function parseGoBool(value: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return false;
  return undefined;
}

/**
 * Reads NOMAD_* like the CLI: empty variables count as unset, NOMAD_ADDR
 * defaults to http://127.0.0.1:4646, and an unparsable NOMAD_SKIP_VERIFY is
 * ignored rather than treated as true.
 */
export function connectionFromEnv(env: NodeJS.ProcessEnv = process.env): ConnectionConfig {
  const read = (name: string): string | undefined => {
    const value = env[name];
    return value === undefined || value === '' ? undefined : value;
  };
  const config: ConnectionConfig = { address: read('NOMAD_ADDR') ?? defaultAddress(env) };
  const assign = <K extends keyof ConnectionConfig>(key: K, value: ConnectionConfig[K] | undefined): void => {
    if (value !== undefined) config[key] = value;
  };
  assign('token', read('NOMAD_TOKEN'));
  assign('namespace', read('NOMAD_NAMESPACE'));
  assign('region', read('NOMAD_REGION'));
  assign('caCert', read('NOMAD_CACERT'));
  assign('caPath', read('NOMAD_CAPATH'));
  assign('clientCert', read('NOMAD_CLIENT_CERT'));
  assign('clientKey', read('NOMAD_CLIENT_KEY'));
  assign('tlsServerName', read('NOMAD_TLS_SERVER_NAME'));
  assign('httpAuth', read('NOMAD_HTTP_AUTH'));
  const skip = read('NOMAD_SKIP_VERIFY');
  assign('skipVerify', skip === undefined ? undefined : parseGoBool(skip));
  return config;
}

/**
 * Why an address cannot be used, or undefined when it can. Settings UIs call
 * this to validate input; the client reports the same text when a request is
 * made with a bad address.
 */
export function addressProblem(address: string): string | undefined {
  if (/^unix:\/\//i.test(address)) {
    return `The address "${address}" is a Unix socket, which this extension cannot use; give an http:// or https:// address instead.`;
  }
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return `The address "${address}" is not a URL; write it like http://127.0.0.1:4646.`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return `The address "${address}" must start with http:// or https://.`;
  }
  if (url.username || url.password) {
    return 'Put credentials in NOMAD_HTTP_AUTH or the token, not in the address.';
  }
  return undefined;
}
