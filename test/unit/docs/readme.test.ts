// The README's settings and commands tables are generated from package.json
// (scripts/readme-reference.js); this fails when someone adds a setting or a
// command without regenerating them.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from '../../support/repoPaths';

const root = repoRoot;
const { renderReadme } = require(path.join(root, 'scripts', 'readme-reference.js')) as {
  renderReadme(readme: string, manifest: unknown): string;
};

describe('README reference', () => {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

  it('has generated settings and commands tables', () => {
    assert.match(readme, /<!-- reference:settings -->/);
    assert.match(readme, /<!-- reference:commands -->/);
  });

  it('lists every setting and command of package.json (run `node scripts/readme-reference.js`)', () => {
    assert.strictEqual(readme, renderReadme(readme, manifest));
  });
});
