// Access to the recorded real-server exchanges in ./recorded (Nomad v1.0.18),
// and a structural comparison used to hold the fake and the client types to them.
import { existsSync, readFileSync } from 'fs';
import * as http from 'http';
import * as path from 'path';

/** The source folder (tests run from out/, the recordings stay in the source tree). */
function recordedDir(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return path.join(dir, 'test', 'support', 'nomad', 'recorded');
}

export interface RecordedCall {
  name: string;
  method: string;
  path: string;
  status: number;
  contentType: string;
  file: string;
}

export function recordedCalls(): RecordedCall[] {
  const lines = readFileSync(path.join(recordedDir(), '_index.tsv'), 'utf8').trim().split('\n').slice(1);
  return lines.map((line) => {
    const [name, method, urlPath, status, contentType, , , file] = line.split('\t');
    return { name, method, path: urlPath, status: Number(status), contentType, file };
  });
}

/** The recorded request body, or undefined when the call had none. */
export function recordedRequest(name: string): string | undefined {
  const file = path.join(recordedDir(), '_requests', `${name}.request.json`);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

export function recordedBody(file: string): string {
  return readFileSync(path.join(recordedDir(), file), 'utf8');
}

export function recordedJson<T = unknown>(file: string): T {
  return JSON.parse(recordedBody(file)) as T;
}

/** Lower-cased names of the response headers recorded for a call. */
export function recordedHeaderNames(name: string): Set<string> {
  const text = readFileSync(path.join(recordedDir(), '_headers', `${name}.txt`), 'utf8');
  return new Set(text.split('\n').slice(1).map((l) => l.split(':')[0].trim().toLowerCase()).filter(Boolean));
}

const kindOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/**
 * Where `actual` does not have the shape of `expected`: missing or extra keys,
 * or a different JSON type. `null` on either side matches anything (Go nil
 * slices/pointers), and arrays compare the union of their elements' shapes.
 */
export function shapeDifferences(expected: unknown, actual: unknown, at = '$'): string[] {
  if (expected === null || actual === null || expected === undefined || actual === undefined) return [];
  if (kindOf(expected) !== kindOf(actual)) return [`${at}: expected ${kindOf(expected)}, got ${kindOf(actual)}`];
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (!expected.length || !actual.length) return [];
    return shapeDifferences(mergeShapes(expected), mergeShapes(actual), `${at}[]`);
  }
  if (kindOf(expected) !== 'object') return [];
  const a = expected as Record<string, unknown>;
  const b = actual as Record<string, unknown>;
  const out: string[] = [];
  for (const key of Object.keys(a)) {
    if (!(key in b)) out.push(`${at}.${key}: missing`);
    else out.push(...shapeDifferences(a[key], b[key], `${at}.${key}`));
  }
  for (const key of Object.keys(b)) if (!(key in a)) out.push(`${at}.${key}: unexpected`);
  return out;
}

/** One object holding every key seen in a list of objects (the first non-null value wins). */
function mergeShapes(items: unknown[]): unknown {
  if (!items.every((i) => kindOf(i) === 'object' || i === null)) return items.find((i) => i !== null) ?? null;
  const merged: Record<string, unknown> = {};
  for (const item of items as Array<Record<string, unknown> | null>) {
    for (const [k, v] of Object.entries(item ?? {})) if (merged[k] === undefined || merged[k] === null) merged[k] = v;
  }
  return merged;
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/** Sends bytes exactly as given (for replaying recorded bodies, malformed ones included). */
export function rawRequest(address: string, method: string, urlPath: string, body?: string, headers: http.OutgoingHttpHeaders = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${address}${urlPath}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
