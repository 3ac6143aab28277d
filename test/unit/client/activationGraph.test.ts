// What VS Code loads on activation is dist/client.js: everything client/src/extension.ts reaches
// through static imports. The job schema (hundreds of KiB) must not be among it; it comes with the
// lazy chunks (language client, JSON job conversion). A static walk of the sources keeps it so.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { repoFile } from '../../support/repoPaths';

/** Relative modules a source file imports for its values (not `import type`, not `import()`). */
function staticImports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?\sfrom\s+'(\.[^']+)'|^import\s+'(\.[^']+)'/gm)) {
    found.push(match[1] ?? match[2]);
  }
  return found;
}

function resolve(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  const candidates = [base, `${base}.ts`, base.replace(/\.js$/, '.ts'), path.join(base, 'index.ts')];
  return candidates.find((candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile());
}

function activationGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const pending = [entry];
  while (pending.length) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.endsWith('.ts')) continue;
    for (const specifier of staticImports(file)) {
      const target = resolve(file, specifier);
      assert.ok(target, `${path.relative(repoFile(), file)} imports ${specifier}, which does not resolve`);
      pending.push(target);
    }
  }
  return seen;
}

describe('activation bundle', () => {
  it('reaches no schema data through static imports from the extension entry', () => {
    const graph = [...activationGraph(repoFile('client/src/extension.ts'))].map((file) => path.relative(repoFile(), file));
    assert.ok(graph.length > 50, `the walk found the client's modules (${graph.length})`);
    assert.deepStrictEqual(graph.filter((file) => file.startsWith(path.join('common', 'schema'))), ['common/schema/duration-fields.json']);
  });
});
