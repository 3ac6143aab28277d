import * as assert from 'node:assert/strict';
import { discoverVarFiles, isVarFileName, leavesFolder } from '../../../../../client/src/features/jobFiles/varFiles';

describe('variable file discovery', () => {
  it('recognises variable file names', () => {
    assert.ok(isVarFileName('web.vars.hcl'));
    assert.ok(isVarFileName('web.nomad.vars'));
    assert.ok(isVarFileName('common.auto.vars.hcl'));
    assert.ok(!isVarFileName('web.nomad.hcl'));
    assert.ok(!isVarFileName('.vars.hcl'));
  });

  it('uses auto files first, then the file named after the job', () => {
    const siblings = ['web.nomad.hcl', 'z.auto.vars.hcl', 'a.auto.vars.hcl', 'web.vars.hcl', 'api.vars.hcl', 'web.prod.vars.hcl'];
    assert.deepEqual(discoverVarFiles('web.nomad.hcl', siblings), { files: ['a.auto.vars.hcl', 'z.auto.vars.hcl', 'web.vars.hcl'] });
    assert.deepEqual(discoverVarFiles('web.nomad', ['web.nomad.vars']), { files: ['web.nomad.vars'] });
  });

  it('takes a single variant, and asks when there are several', () => {
    assert.deepEqual(discoverVarFiles('web.nomad.hcl', ['web.prod.vars.hcl', 'api.vars.hcl']), { files: ['web.prod.vars.hcl'] });
    assert.deepEqual(discoverVarFiles('web.nomad.hcl', ['web.prod.vars.hcl', 'web.dev.vars.hcl']), {
      files: [],
      choices: ['web.dev.vars.hcl', 'web.prod.vars.hcl'],
    });
  });

  it("uses the folder's only variable file, and asks among unrelated ones", () => {
    assert.deepEqual(discoverVarFiles('web.nomad.hcl', ['shared.vars.hcl', 'README.md']), { files: ['shared.vars.hcl'] });
    assert.deepEqual(discoverVarFiles('web.nomad.hcl', ['x.auto.vars.hcl', 'one.vars.hcl', 'two.vars.hcl']), {
      files: ['x.auto.vars.hcl'],
      choices: ['one.vars.hcl', 'two.vars.hcl'],
    });
    assert.deepEqual(discoverVarFiles('web.nomad.hcl', ['web.nomad.hcl']), { files: [] });
  });
});

describe('nomad.varFiles entries', () => {
  it('refuses entries that leave the workspace folder', () => {
    for (const entry of ['../../../home/u/.ssh/id_rsa', '/etc/passwd', 'C:\\Users\\u\\secrets.vars.hcl', 'env/../../x.vars.hcl', '..\\x.vars.hcl', './../x']) {
      assert.equal(leavesFolder(entry), true, entry);
    }
  });

  it('accepts entries inside it', () => {
    for (const entry of ['env/prod.vars.hcl', './web.vars.hcl', 'env/../web.vars.hcl', 'a/b/../../c.vars.hcl', '..vars.hcl']) {
      assert.equal(leavesFolder(entry), false, entry);
    }
  });
});
