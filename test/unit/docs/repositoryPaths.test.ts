// The repository must work wherever it is cloned: no file may point at a place
// outside it (a developer's home, a shared folder on one machine), and comments
// and docs may only cite files that exist.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../../support/repoPaths';

/** Tracked text files, minus recorded data and generated lock files. */
function trackedTextFiles(): string[] {
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: repoRoot, encoding: 'utf8' }).split('\0').filter(Boolean);
  return files.filter((file) => /\.(ts|js|mjs|json|md|yml|yaml|sh|hcl|nomad|css)$|(^|\/)\.ci\//.test(file) && !/^test\/support\/nomad\/recorded\/|package-lock\.json$/.test(file));
}

/** An absolute path into a machine's own folders (not a URL path, not a path inside an API or a container). */
const OUTSIDE = /(?<![\w.:/~-])\/(?:work|root|home|Users|mnt)\/[\w.-]/;
/** A cited Markdown file: a file name, or a path, ending in the Markdown extension. */
const CITED_MARKDOWN = /[\w./-]*\b[\w-]+\.md\b/g;

describe('repository paths', () => {
  const files = trackedTextFiles();
  const allPaths = new Set(files);
  const texts = new Map(files.map((file) => [file, fs.readFileSync(path.join(repoRoot, file), 'utf8')]));

  it('finds the tracked files it checks', () => {
    assert.ok(files.includes('README.md') && files.some((file) => file.startsWith('common/src/')));
  });

  it('never names a path outside the repository', () => {
    const found: string[] = [];
    for (const [file, text] of texts) {
      text.split('\n').forEach((line, index) => {
        if (OUTSIDE.test(line)) found.push(`${file}:${index + 1}: ${line.trim()}`);
      });
    }
    assert.deepEqual(found, []);
  });

  it('cites only Markdown files that exist in the repository', () => {
    const basenames = new Set(files.map((file) => path.basename(file)));
    const missing: string[] = [];
    for (const [file, text] of texts) {
      for (const match of text.matchAll(CITED_MARKDOWN)) {
        const cited = match[0].replace(/^\.?\//, '');
        const exists = cited.includes('/')
          ? allPaths.has(path.posix.normalize(path.posix.join(path.posix.dirname(file), cited))) || allPaths.has(cited) || [...allPaths].some((p) => p.endsWith(`/${cited}`))
          : basenames.has(cited);
        if (!exists) missing.push(`${file}: ${match[0]}`);
      }
    }
    assert.deepEqual(missing, []);
  });
});
