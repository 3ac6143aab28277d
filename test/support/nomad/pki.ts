// Test certificates made with the `openssl` command-line tool at test time
// (no npm dependency): a CA, a server certificate for server.global.nomad /
// localhost / 127.0.0.1 (Nomad's naming), and a client certificate for mTLS.
// Keys are P-256, which is quick to generate. Nothing is committed to git.
import { execFile, execFileSync } from 'child_process';
import { promises as fs, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';

export interface TestPki {
  dir: string;
  caCert: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
  /** A self-signed server certificate/key pair for the same names (trusted by nobody). */
  selfSignedCert: string;
  selfSignedKey: string;
  /** The name the server certificate carries besides localhost/127.0.0.1. */
  serverName: string;
}

export const SERVER_NAME = 'server.global.nomad';

function openssl(args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile('openssl', args, { cwd }, (error, _stdout, stderr) =>
      error ? reject(new Error(`openssl ${args[0]} failed: ${stderr || error.message}`)) : resolve(),
    );
  });
}

export function opensslAvailable(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const KEY_ARGS = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

/** A request config that keeps the system openssl.cnf out of the way. */
function requestConfig(commonName: string, extensions = ''): string {
  return `[req]\ndistinguished_name = dn\nprompt = no\n[dn]\nCN = ${commonName}\n${extensions}`;
}

async function leaf(dir: string, name: string, commonName: string, extensions: string): Promise<void> {
  await fs.writeFile(path.join(dir, `${name}.cnf`), requestConfig(commonName));
  await fs.writeFile(path.join(dir, `${name}.ext`), extensions);
  await openssl(['req', '-new', '-config', `${name}.cnf`, ...KEY_ARGS, '-keyout', `${name}.key`, '-out', `${name}.csr`], dir);
  await openssl(
    ['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-set_serial', String(Date.now()), '-days', '2', '-out', `${name}.pem`, '-extfile', `${name}.ext`],
    dir,
  );
}

/** Creates a fresh CA with server and client certificates in a new temp directory. */
export async function generateTestPki(label = 'nomad-pki'): Promise<TestPki> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), `${label}-`));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const caExtensions = '[v3_ca]\nbasicConstraints = critical,CA:TRUE\nkeyUsage = critical,keyCertSign,cRLSign\nsubjectKeyIdentifier = hash\n';
  await fs.writeFile(path.join(dir, 'ca.cnf'), requestConfig(`Fake Nomad Test CA ${label}`, caExtensions));
  await openssl(['req', '-x509', '-config', 'ca.cnf', '-extensions', 'v3_ca', ...KEY_ARGS, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2'], dir);
  const common = 'basicConstraints = CA:FALSE\nkeyUsage = critical,digitalSignature,keyEncipherment\nauthorityKeyIdentifier = keyid\n';
  await leaf(dir, 'server', SERVER_NAME, `${common}subjectAltName = DNS:${SERVER_NAME},DNS:localhost,IP:127.0.0.1\nextendedKeyUsage = serverAuth,clientAuth\n`);
  const serverExtensions = `subjectAltName = DNS:${SERVER_NAME},DNS:localhost,IP:127.0.0.1\nextendedKeyUsage = serverAuth\n`;
  await fs.writeFile(path.join(dir, 'self.cnf'), requestConfig(SERVER_NAME, `[self]\n${serverExtensions}`));
  await openssl(['req', '-x509', '-config', 'self.cnf', '-extensions', 'self', ...KEY_ARGS, '-keyout', 'self.key', '-out', 'self.pem', '-days', '2'], dir);
  await leaf(dir, 'client', 'cli.global.nomad', `${common}subjectAltName = DNS:cli.global.nomad\nextendedKeyUsage = clientAuth\n`);
  return {
    dir,
    caCert: path.join(dir, 'ca.pem'),
    serverCert: path.join(dir, 'server.pem'),
    serverKey: path.join(dir, 'server.key'),
    clientCert: path.join(dir, 'client.pem'),
    clientKey: path.join(dir, 'client.key'),
    selfSignedCert: path.join(dir, 'self.pem'),
    selfSignedKey: path.join(dir, 'self.key'),
    serverName: SERVER_NAME,
  };
}

let shared: Promise<TestPki> | undefined;

/** One PKI per test process: generating is cheap but not free, and tests only need it to be trusted or not. */
export function sharedTestPki(): Promise<TestPki> {
  shared ??= generateTestPki();
  return shared;
}
