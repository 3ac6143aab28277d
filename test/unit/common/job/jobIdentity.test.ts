import * as assert from 'node:assert/strict';
import { lineOf } from '../../../../common/src/hcl/outline';
import { identifyJob, jobDeclarationLine } from '../../../../common/src/job/jobIdentity';

describe('job identity', () => {
  it('reads the job label and job-level namespace from HCL, with the declaration range', () => {
    const hcl = [
      '# job "commented" {}',
      '/* job "also-commented" { } */',
      'variable "x" { default = "{" }',
      'job "web" {',
      '  namespace = "dev"',
      '  group "api" {',
      '    task "t" {',
      '      vault { namespace = "not-this" }',
      '    }',
      '  }',
      '}',
    ].join('\n');
    const identity = identifyJob('nomad', hcl);
    assert.deepEqual({ ...identity, declaration: undefined }, { id: 'web', namespace: 'dev', shape: 'hcl', declaration: undefined });
    assert.equal(hcl.slice(identity!.declaration.start, identity!.declaration.end), 'job');
    assert.equal(lineOf(hcl, identity!.declaration.start), 3);
  });

  it('finds the job after a variable whose heredoc holds an unmatched brace', () => {
    const hcl = 'variable "template" {\n  default = <<EOT\n{ "open":\nEOT\n}\n\njob "web" {\n  namespace = "dev"\n}\n';
    const identity = identifyJob('nomad', hcl);
    assert.equal(identity?.id, 'web');
    assert.equal(identity?.namespace, 'dev');
    assert.equal(jobDeclarationLine('hcl', hcl), 6);
  });

  it('ignores a namespace nested below the job, or one that is not a plain string', () => {
    assert.equal(identifyJob('nomad', 'job "web" {\n  group "g" {\n    namespace = "nested"\n  }\n}\n')?.namespace, undefined);
    assert.equal(identifyJob('nomad', 'job "web" {\n  namespace = "${var.ns}"\n}\n')?.namespace, undefined);
  });

  it('keeps URLs in strings intact and names the job of a file still being written', () => {
    assert.equal(identifyJob('nomad', 'job "web" { // trailing\n  meta { url = "http://x#y" }\n}\n')?.id, 'web');
    assert.equal(identifyJob('nomad', 'job "web" {\n  group "g" {\n    count = \n')?.id, 'web');
  });

  it('reads API JSON, wrapped or bare', () => {
    const wrapped = identifyJob('json', '{"Job": {"ID": "web", "Namespace": "dev", "TaskGroups": []}}');
    assert.deepEqual([wrapped?.id, wrapped?.namespace, wrapped?.shape, wrapped?.wrapped], ['web', 'dev', 'api-json', true]);
    const bare = identifyJob('json', '{"ID": "web", "TaskGroups": []}');
    assert.deepEqual([bare?.id, bare?.namespace, bare?.shape, bare?.wrapped], ['web', undefined, 'api-json', false]);
  });

  it('reads HCL-JSON by its job label, also when variables come first', () => {
    const text = '{\n  "variable": {"image": {"default": "nginx"}},\n  "job": {"web": {"namespace": "dev", "group": {}}}\n}';
    const identity = identifyJob('json', text);
    assert.deepEqual([identity?.id, identity?.namespace, identity?.shape], ['web', 'dev', 'hcl-json']);
    assert.equal(lineOf(text, identity!.declaration.start), 2);
    assert.equal(identifyJob('json', '{"job": [{"web": {"group": {}}}]}')?.id, 'web');
  });

  it('returns nothing for files that are not jobs', () => {
    assert.equal(identifyJob('json', '{"name": "package"}'), undefined);
    assert.equal(identifyJob('nomad', 'variable "x" {}'), undefined);
  });

  it('finds the line that declares the job in each shape', () => {
    assert.equal(jobDeclarationLine('hcl', 'variable "v" {\n  default = "job"\n}\n\njob "a" {\n}\n'), 4);
    assert.equal(jobDeclarationLine('hcl-json', '{\n  "job": {\n    "a": {}\n  }\n}'), 1);
    assert.equal(jobDeclarationLine('api-json', '{\n  "x": 1,\n  "Job": {"ID": "a"}\n}'), 2);
    assert.equal(jobDeclarationLine('api-json', '{"ID": "a"}'), 0);
    assert.equal(jobDeclarationLine('hcl', 'variable "v" {}\n'), 0);
  });
});
