// @ts-check
'use strict';
// Read-only access to a bare git mirror: list tags, list files at a tag, read file text.
// Blobs are cached by object id because most files do not change between patch releases,
// which keeps a walk over ~100 tags fast.

const { execFileSync } = require('node:child_process');

const MAX_BUFFER = 256 * 1024 * 1024;

class GitTree {
  /** @param {string} gitDir path to the (bare) repository */
  constructor(gitDir) {
    this.gitDir = gitDir;
    /** @type {Map<string, string>} */
    this.blobs = new Map();
  }

  git(args, input) {
    return execFileSync('git', ['--git-dir', this.gitDir, ...args], {
      encoding: 'utf8',
      maxBuffer: MAX_BUFFER,
      input,
    });
  }

  /** Stable release tags (vX.Y.Z without a pre-release suffix), oldest first. */
  releaseTags() {
    return this.git(['tag', '--list', 'v*'])
      .split('\n')
      .filter((t) => /^v\d+\.\d+\.\d+$/.test(t))
      .sort(compareVersions);
  }

  commitOf(tag) {
    return this.git(['rev-list', '-n', '1', tag]).trim();
  }

  /**
   * Files directly inside `dir` at `tag` whose names pass `filter`.
   * @returns {{path: string, oid: string}[]}
   */
  listFiles(tag, dir, filter) {
    let out;
    try {
      out = this.git(['ls-tree', `${tag}:${dir}`]);
    } catch {
      return [];
    }
    return out
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [meta, name] = line.split('\t');
        const [, type, oid] = meta.split(' ');
        return { type, oid, path: `${dir}/${name}` };
      })
      .filter((e) => e.type === 'blob' && filter(e.path))
      .map(({ path, oid }) => ({ path, oid }));
  }

  /** Text of many blobs at once (one `git cat-file --batch` call for the uncached ones). */
  readBlobs(oids) {
    const missing = [...new Set(oids.filter((o) => !this.blobs.has(o)))];
    if (missing.length > 0) {
      const raw = execFileSync('git', ['--git-dir', this.gitDir, 'cat-file', '--batch'], {
        input: missing.join('\n') + '\n',
        maxBuffer: MAX_BUFFER,
      });
      let pos = 0;
      for (const oid of missing) {
        const headerEnd = raw.indexOf(10, pos);
        const header = raw.subarray(pos, headerEnd).toString('utf8').split(' ');
        if (header[1] === 'missing') {
          throw new Error(`blob ${oid} is missing from ${this.gitDir}`);
        }
        const size = Number(header[2]);
        const start = headerEnd + 1;
        this.blobs.set(oid, raw.subarray(start, start + size).toString('utf8'));
        pos = start + size + 1;
      }
    }
    return oids.map((o) => /** @type {string} */ (this.blobs.get(o)));
  }

  /** Text of one file at a tag, or undefined when it does not exist there. */
  readFile(tag, path) {
    const slash = path.lastIndexOf('/');
    const entry = this.listFiles(tag, path.slice(0, slash), (p) => p === path)[0];
    return entry ? this.readBlobs([entry.oid])[0] : undefined;
  }
}

/** Compare "v1.2.3" / "1.2.3" strings numerically. */
function compareVersions(a, b) {
  const pa = a.replace(/^v/, '').split('.').map(Number);
  const pb = b.replace(/^v/, '').split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    if (pa[i] !== pb[i]) return pa[i] - pb[i];
  }
  return 0;
}

module.exports = { GitTree, compareVersions };
