// Locates files of the extension from tests, whether run from sources (ts) or from out/ (compiled js).
import * as fs from 'fs';
import * as path from 'path';

function findRepoRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json')) || path.basename(path.dirname(dir)) === 'node_modules') {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

export const repoRoot = findRepoRoot(__dirname);

export function repoFile(...segments: string[]): string {
  return path.join(repoRoot, ...segments);
}

export function readRepoJson<T = unknown>(...segments: string[]): T {
  return JSON.parse(fs.readFileSync(repoFile(...segments), 'utf8')) as T;
}
