// An allocation's directory, as the client node running it serves it:
//   GET /v1/client/fs/ls/:alloc?path=    one directory's entries
//   GET /v1/client/fs/stat/:alloc?path=  one entry
//   GET /v1/client/fs/cat/:alloc?path=   a file's bytes
// `cat` answers 200 with its error as the body (a missing file, a directory,
// a path outside the allocation), so a read always stats first and only
// trusts the body of a regular file.
import { NomadError } from './errors';
import type { ApiCaller } from './allocations';
import type { StreamOpener } from './logs';

/** One entry of an allocation's directory (Nomad's AllocFileInfo; unknown fields survive). */
export interface AllocFileInfo {
  Name: string;
  IsDir: boolean;
  Size: number;
  FileMode: string;
  /** RFC 3339 time. */
  ModTime: string;
  /** Only in a stat answer. */
  ContentType?: string;
  [key: string]: unknown;
}

export interface AllocFileOptions {
  namespace?: string;
  signal?: AbortSignal;
}

/** Reads larger than this are refused: the files are shown in an editor, not copied. */
export const MAX_ALLOC_FILE_BYTES = 10 * 1024 * 1024;

const subjectOf = (allocId: string, path: string) => `"${path}" of allocation "${allocId}"`;

/** One JSON fs call; Nomad's `ls` takes no path as the root but `stat` needs one, so the root is always "/". */
async function fsQuery<T>(client: ApiCaller, kind: 'ls' | 'stat', allocId: string, path: string, opts: AllocFileOptions): Promise<T> {
  const where = path || '/';
  const result = await client.call<T>(`/v1/client/fs/${kind}/${encodeURIComponent(allocId)}?path=${encodeURIComponent(where)}`, {
    namespace: opts.namespace,
    signal: opts.signal,
    capability: 'read-fs',
    subject: subjectOf(allocId, where),
  });
  return result.value;
}

/** The entries of the directory at `path` ("/" is the allocation's root). */
export async function listAllocDir(client: ApiCaller, allocId: string, path: string, opts: AllocFileOptions = {}): Promise<AllocFileInfo[]> {
  return (await fsQuery<AllocFileInfo[] | null>(client, 'ls', allocId, path, opts)) ?? [];
}

/** One entry (a file or a directory). */
export function statAllocFile(client: ApiCaller, allocId: string, path: string, opts: AllocFileOptions = {}): Promise<AllocFileInfo> {
  return fsQuery<AllocFileInfo>(client, 'stat', allocId, path, opts);
}

/** Why a read was refused before any byte was fetched. */
export class AllocFileTooLargeError extends Error {
  constructor(readonly path: string, readonly size: number, readonly limit: number) {
    super(`"${path}" is ${formatBytes(size)}, more than the ${formatBytes(limit)} that can be opened. Read it with "nomad alloc fs" in a terminal instead.`);
    this.name = 'AllocFileTooLargeError';
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]} (${bytes} bytes)`;
}

/**
 * A file's bytes, at most `limit`: bigger files are refused from their stat,
 * and a file that grows past the limit while being read is cut off and refused.
 */
export async function readAllocFile(
  client: ApiCaller & StreamOpener,
  allocId: string,
  path: string,
  opts: AllocFileOptions & { limit?: number } = {},
): Promise<Uint8Array> {
  const limit = opts.limit ?? MAX_ALLOC_FILE_BYTES;
  const info = await statAllocFile(client, allocId, path, opts);
  if (info.IsDir) {
    throw new NomadError({ kind: 'badRequest', message: `"${path}" is a directory, not a file`, advice: 'List it instead of reading it.' });
  }
  if (info.Size > limit) throw new AllocFileTooLargeError(path, info.Size, limit);
  const body = await client.openStream(`/v1/client/fs/cat/${encodeURIComponent(allocId)}`, {
    query: { path },
    namespace: opts.namespace,
    signal: opts.signal,
    capability: 'read-fs',
    subject: subjectOf(allocId, path),
  });
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of body) {
      total += chunk.length;
      if (total > limit) throw new AllocFileTooLargeError(path, total, limit);
      chunks.push(chunk);
    }
  } finally {
    body.destroy();
  }
  return Buffer.concat(chunks);
}
