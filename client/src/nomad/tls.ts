// Turns the TLS part of a ConnectionConfig into Node TLS options, reading the
// PEM files once. Mirrors the Nomad CLI: caCert wins over caPath, caPath is a
// directory whose PEM files are all trusted, and verification stays on unless
// skipVerify is set explicitly.
import { promises as fs } from 'fs';
import * as path from 'path';
import type { ConnectionConfig } from './config';
import { NomadError } from './errors';

export interface TlsOptions {
  ca?: string[];
  cert?: string;
  key?: string;
  servername?: string;
  rejectUnauthorized: boolean;
}

function configError(message: string, advice: string): NomadError {
  return new NomadError({ kind: 'tls', code: 'ETLSCONFIG', message, advice });
}

async function readPem(file: string, what: string): Promise<string> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw configError(
      `Cannot read the ${what} file "${file}" (${code})`,
      `Check the path given for the ${what} (nomad.clusters[] setting or NOMAD_* variable) and that it is readable.`,
    );
  }
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return listFiles(full);
      return entry.isFile() || entry.isSymbolicLink() ? [full] : [];
    }),
  );
  return nested.flat().sort();
}

/** Every certificate PEM found under `dir` (recursively, like Go's rootcerts.LoadCAPath). */
async function readCaPath(dir: string): Promise<string[]> {
  let files: string[];
  try {
    files = await listFiles(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw configError(`Cannot read the CA directory "${dir}" (${code})`, 'Check caPath / NOMAD_CAPATH.');
  }
  const pems = (await Promise.all(files.map((file) => readPem(file, 'CA')))).filter((text) =>
    text.includes('-----BEGIN CERTIFICATE-----'),
  );
  if (pems.length === 0) {
    throw configError(`No PEM certificates in the CA directory "${dir}"`, 'Check caPath / NOMAD_CAPATH.');
  }
  return pems;
}

export async function loadTlsOptions(config: ConnectionConfig): Promise<TlsOptions> {
  const options: TlsOptions = { rejectUnauthorized: config.skipVerify !== true };
  if (config.caCert) options.ca = [await readPem(config.caCert, 'CA certificate')];
  else if (config.caPath) options.ca = await readCaPath(config.caPath);
  if (Boolean(config.clientCert) !== Boolean(config.clientKey)) {
    throw configError(
      'A client certificate needs both a certificate and a key file',
      'Set both clientCert and clientKey (NOMAD_CLIENT_CERT and NOMAD_CLIENT_KEY), or neither.',
    );
  }
  if (config.clientCert && config.clientKey) {
    options.cert = await readPem(config.clientCert, 'client certificate');
    options.key = await readPem(config.clientKey, 'client key');
  }
  if (config.tlsServerName) options.servername = config.tlsServerName;
  return options;
}
