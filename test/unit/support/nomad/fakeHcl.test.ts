// The fake's HCL subset for POST /v1/jobs/parse: what it converts and the
// HCL-style errors it gives, checked against the recorded real answers.
import * as assert from 'assert';
import { hclToJob } from '../../../support/nomad/hclToJob';
import { HclError } from '../../../support/nomad/hclParser';
import { recordedBody, recordedRequest } from '../../../support/nomad/recorded';
import { apiJob } from '../../../support/nomad/jobSpec';

const errorOf = (source: string, variables = '', v1 = false): string => {
  try {
    hclToJob(source, variables, v1);
  } catch (error) {
    assert.ok(error instanceof HclError, String(error));
    return error.message;
  }
  throw new Error('expected an HCL error');
};

describe('fake HCL subset', () => {
  it('converts the recorded HCL2 job to what the real server answered', () => {
    const request = JSON.parse(recordedRequest('jobs-parse-hcl2')!) as { JobHCL: string };
    assert.deepStrictEqual(apiJob(hclToJob(request.JobHCL), true), JSON.parse(recordedBody('jobs-parse-hcl2.json')));
  });

  it('matches the real server without canonicalization too', () => {
    const request = JSON.parse(recordedRequest('jobs-parse-hcl2-no-canonicalize')!) as { JobHCL: string };
    assert.deepStrictEqual(apiJob(hclToJob(request.JobHCL), false), JSON.parse(recordedBody('jobs-parse-hcl2-no-canonicalize.json')));
  });

  it('reproduces the recorded syntax error and the HCLv1 refusal', () => {
    const syntax = JSON.parse(recordedRequest('jobs-parse-syntax-error')!) as { JobHCL: string };
    assert.strictEqual(errorOf(syntax.JobHCL), recordedBody('jobs-parse-syntax-error.txt'));
    const v1 = JSON.parse(recordedRequest('jobs-parse-hcl2-as-hclv1')!) as { JobHCL: string };
    assert.strictEqual(errorOf(v1.JobHCL, '', true), recordedBody('jobs-parse-hcl2-as-hclv1.txt'));
  });

  it('maps blocks, durations, heredocs, comments and variables', () => {
    const job = hclToJob(
      [
        '# a comment',
        'variable "image" {',
        '  default = "nginx:1"',
        '}',
        'job "web" {',
        '  datacenters = ["dc1", "dc2",] // trailing comma',
        '  meta = { team = "a", "cost-center" = "42" }',
        '  update {',
        '    max_parallel     = 2',
        '    min_healthy_time = "30s"',
        '  }',
        '  periodic {',
        '    cron = "*/5 * * * *"',
        '  }',
        '  constraint {',
        '    attribute = "${attr.kernel.name}"',
        '    value     = "linux"',
        '  }',
        '  /* block',
        '     comment */',
        '  group "g" {',
        '    count = 3',
        '    task "t" {',
        '      driver       = "docker"',
        '      kill_timeout = "1m"',
        '      config {',
        '        image = var.image',
        '        args  = ["-v", "${var.image}", "${NOMAD_TASK_DIR}"]',
        '        port_map { http = 80 }',
        '      }',
        '      resources {',
        '        cpu    = 200',
        '        memory = 64',
        '      }',
        '      template {',
        '        destination = "local/x"',
        '        data        = <<-EOT',
        '          line one',
        '            line two',
        '        EOT',
        '      }',
        '    }',
        '  }',
        '}',
      ].join('\n') + '\n',
      'image = "nginx:2"',
    );
    assert.deepStrictEqual(job.Datacenters, ['dc1', 'dc2']);
    assert.deepStrictEqual(job.Meta, { team: 'a', 'cost-center': '42' });
    assert.deepStrictEqual(job.Update, { MaxParallel: 2, MinHealthyTime: 30e9 });
    assert.deepStrictEqual(job.Periodic, { SpecType: 'cron', Spec: '*/5 * * * *' });
    assert.deepStrictEqual(job.Constraints, [{ Operand: '=', LTarget: '${attr.kernel.name}', RTarget: 'linux' }]);
    const group = (job.TaskGroups as Array<Record<string, unknown>>)[0];
    const task = (group.Tasks as Array<Record<string, unknown>>)[0];
    assert.deepStrictEqual([group.Name, group.Count, task.Name, task.KillTimeout], ['g', 3, 't', 60e9]);
    assert.deepStrictEqual(task.Config, { image: 'nginx:2', args: ['-v', 'nginx:2', '${NOMAD_TASK_DIR}'], port_map: [{ http: 80 }] });
    assert.deepStrictEqual(task.Resources, { CPU: 200, MemoryMB: 64 });
    assert.deepStrictEqual(task.Templates, [{ DestPath: 'local/x', EmbeddedTmpl: 'line one\n  line two\n' }]);
  });

  it('reports HCL-style errors with positions', () => {
    assert.strictEqual(
      errorOf('job "x" {\n  group "g" {\n'),
      'input.hcl:2,13-14: Unclosed configuration block; There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.',
    );
    assert.strictEqual(errorOf('job "x" {\n  type = "batch\n}\n'), 'input.hcl:2,10-11: Unterminated template string; No closing marker was found for the string.');
    assert.strictEqual(errorOf('job "x" {\n  count = var.missing\n}\n'), 'input.hcl:2,11-22: Unsupported attribute; This object does not have an attribute named "missing".');
    assert.strictEqual(errorOf('job "x" {\n  count = = 1\n}\n'), 'input.hcl:2,11-12: Invalid expression; Expected the start of an expression, but found an invalid expression token.');
    assert.match(errorOf('variable "v" {}\njob "x" {}\n'), /^input\.hcl:1,1-9: Unset variable "v"/);
    assert.match(errorOf('group "g" {}\n'), /Missing job block/);
  });
});
