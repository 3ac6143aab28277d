// An allocation's directory in the fake, served like a v1.0.18 client does:
//   GET /v1/client/fs/ls/:alloc?path=    entries (no path = "/"); 500 with the OS error for a missing path or a file
//   GET /v1/client/fs/stat/:alloc?path=  one entry with its ContentType; 400 without a path
//   GET /v1/client/fs/cat/:alloc?path=   the bytes; its errors come back as 200 text/plain bodies, as Nomad's do
// Each allocation starts with the directories a client creates (alloc/{data,logs,tmp},
// <task>/{local,secrets,tmp}) and empty task logs; tests `put` files into it.
import type { ServerResponse } from 'http';
import { posix } from 'path';
import { HttpError } from './httpError';
import type { RouteRequest } from './routes';
import type { FakeNomad } from './server';
import type { NomadClient } from '../../../client/src/nomad/client';
import { statAllocFile } from '../../../client/src/nomad/allocFiles';
import type { AllocationListStub } from '../../../client/src/nomad/types';
import { GREETING, greetingService } from './logsFixtures';
import { runningAllocation } from './runningAllocation';

interface FakeEntry {
  dir: boolean;
  content: Buffer;
  modTime: string;
}

/** Where a client node keeps allocations; its errors name the full host path, as the real agent's do. */
const DATA_DIR = '/var/lib/nomad/alloc';

export class FakeAllocFiles {
  private readonly trees = new Map<string, Map<string, FakeEntry>>();

  constructor(private readonly tasksOf: (allocId: string) => string[] | undefined, private readonly clock: () => number = Date.now) {}

  /** Writes a file (creating its parent directories) into the allocation's directory. */
  put(allocId: string, path: string, content: string | Buffer): void {
    const tree = this.tree(allocId);
    if (!tree) throw new Error(`no allocation ${allocId}`);
    const clean = posix.normalize('/' + path);
    this.mkdirs(tree, posix.dirname(clean));
    tree.set(clean, { dir: false, content: Buffer.from(content), modTime: new Date(this.clock()).toISOString() });
  }

  handle(req: RouteRequest, res: ServerResponse): void {
    const [kind, allocId] = [req.params[0], req.params[1]];
    const path = req.query.get('path') ?? '';
    if (kind === 'cat') {
      // Nomad wraps cat as "untrusted content": failures are still 200 with the message as the body.
      let body: Buffer;
      try {
        body = this.cat(allocId, path);
      } catch (e) {
        // Even an unknown allocation is a 200 here, unlike ls and stat.
        if (!(e instanceof HttpError)) throw e;
        res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(e.text);
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': body.length });
      res.end(body);
      return;
    }
    const value = kind === 'ls' ? this.list(allocId, path) : this.stat(allocId, path);
    const text = JSON.stringify(value);
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
  }

  private list(allocId: string, path: string): unknown[] {
    const { tree, clean, entry } = this.lookup(allocId, path || '/', 'open');
    if (!entry.dir) throw new HttpError(500, `readdirent ${this.hostPath(allocId, clean)}: not a directory`);
    return [...tree.entries()]
      .filter(([p]) => p !== '/' && posix.dirname(p) === clean)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([p, e]) => info(posix.basename(p), e));
  }

  private stat(allocId: string, path: string): unknown {
    if (path === '') throw new HttpError(400, 'must provide a file name');
    const { clean, entry } = this.lookup(allocId, path, 'stat');
    return { ContentType: entry.dir ? 'application/octet-stream' : 'text/plain; charset=utf-8', ...info(clean === '/' ? '/' : posix.basename(clean), entry) };
  }

  private cat(allocId: string, path: string): Buffer {
    if (path === '') throw new HttpError(400, 'must provide a file name');
    const { entry } = this.lookup(allocId, path, 'stat');
    if (entry.dir) throw new HttpError(500, `file "${path}" is a directory`);
    return entry.content;
  }

  private lookup(allocId: string, path: string, verb: 'open' | 'stat') {
    const tree = this.tree(allocId);
    if (allocId.length !== 36 && !tree) throw new HttpError(500, 'alloc lookup failed: index error: UUID must be 36 characters');
    if (!tree) throw new HttpError(404, `Unknown allocation "${allocId}"`);
    const clean = posix.normalize('/' + path);
    if (posix.normalize(path).startsWith('..')) throw new HttpError(500, 'Path escapes the alloc directory');
    const entry = tree.get(clean);
    if (!entry) throw new HttpError(500, `${verb} ${this.hostPath(allocId, clean)}: no such file or directory`);
    return { tree, clean, entry };
  }

  private hostPath(allocId: string, clean: string): string {
    return `${DATA_DIR}/${allocId}${clean === '/' ? '' : clean}`;
  }

  private tree(allocId: string): Map<string, FakeEntry> | undefined {
    const existing = this.trees.get(allocId);
    if (existing) return existing;
    const tasks = this.tasksOf(allocId);
    if (!tasks) return undefined;
    const tree = new Map<string, FakeEntry>();
    for (const dir of ['/alloc/data', '/alloc/logs', '/alloc/tmp', ...tasks.flatMap((t) => [`/${t}/local`, `/${t}/secrets`, `/${t}/tmp`])]) this.mkdirs(tree, dir);
    this.trees.set(allocId, tree);
    for (const task of tasks) for (const stream of ['stdout', 'stderr']) this.put(allocId, `/alloc/logs/${task}.${stream}.0`, '');
    return tree;
  }

  private mkdirs(tree: Map<string, FakeEntry>, dir: string): void {
    for (let d = dir; ; d = posix.dirname(d)) {
      if (!tree.has(d)) tree.set(d, { dir: true, content: Buffer.alloc(0), modTime: new Date(this.clock()).toISOString() });
      if (d === '/') break;
    }
  }
}

function info(name: string, entry: FakeEntry) {
  return { FileMode: entry.dir ? 'drwxrwxrwx' : '-rw-r--r--', IsDir: entry.dir, ModTime: entry.modTime, Name: name, Size: entry.dir ? 4096 : entry.content.length };
}

/** Adds the three fs routes to a running fake and returns the files its tests fill; `tasksOf` is undefined for an unknown allocation. */
export function installAllocFiles(fake: FakeNomad, tasksOf: (allocId: string) => string[] | undefined): FakeAllocFiles {
  const files = new FakeAllocFiles(tasksOf, fake.state.clock);
  fake.addRoute({
    pattern: /^\/v1\/client\/fs\/(ls|stat|cat)\/([^/]*)$/,
    methods: {
      GET: {
        raw: (req, res) => {
          if (req.params[1] === '') throw new HttpError(400, 'must provide a valid alloc id');
          files.handle(req, res);
        },
      },
    },
  });
  return files;
}

/**
 * Starts greetingService and returns its running allocation once local/greeting.txt
 * is there: put into the fake at once, written by the task on a real agent.
 */
export async function greetingAllocation(client: NomadClient, files: FakeAllocFiles | undefined, jobId: string): Promise<AllocationListStub> {
  await client.registerJob(greetingService(jobId));
  const alloc = await runningAllocation(client, jobId, 'app');
  if (files) {
    files.put(alloc.ID, 'app/local/greeting.txt', GREETING);
    return alloc;
  }
  const deadline = Date.now() + 20_000;
  while (!(await statAllocFile(client, alloc.ID, '/app/local/greeting.txt').then(() => true, () => false))) {
    if (Date.now() > deadline) throw new Error(`the task of ${jobId} did not write local/greeting.txt`);
    // Polling a real agent: a short pause between stats keeps it from being flooded.
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return alloc;
}
