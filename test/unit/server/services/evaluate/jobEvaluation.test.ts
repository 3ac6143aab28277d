import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { evaluateJobRequest } from '../../../../../server/src/lsp/evaluateJobHandler';
import type { EvaluateJobResult } from '../../../../../common/src/protocol/evaluateJob';
import { hclJsonToApiJob } from '../../../../../client/src/features/jobFiles/hclJsonToApi';
import { repoRoot } from '../../../../support/repoPaths';
import { languageService, openDocument } from '../support/languageService';

async function evaluate(text: string, variables: string): Promise<EvaluateJobResult> {
  const { document, parsed, service } = await openDocument(text);
  try {
    return evaluateJobRequest(document, parsed, service, { uri: document.uri, variables });
  } finally {
    parsed.dispose();
  }
}

function failure(result: EvaluateJobResult): { message: string; line?: number } {
  assert.ok(!result.ok, 'evaluation failed');
  return result;
}

const job = (body: string, declarations = '') => `${declarations}job "j" {\n${body}\n  group "g" {\n    task "t" {\n      driver = "raw_exec"\n    }\n  }\n}\n`;

describe('evaluating a job file with variable values (services/evaluate/jobEvaluation)', () => {
  before(async function () {
    this.timeout(20_000);
    await languageService();
  });

  it('turns examples/app.nomad.hcl with app.vars.hcl into the API job Nomad would make of it', async () => {
    const read = (name: string) => fs.readFileSync(path.join(repoRoot, 'examples', name), 'utf8');
    const result = await evaluate(read('app.nomad.hcl'), read('app.vars.hcl'));
    assert.ok(result.ok, JSON.stringify(result));
    const api = hclJsonToApiJob(result.hclJson) as Record<string, any>;
    assert.strictEqual(api.ID, 'api');
    assert.deepStrictEqual(api.Datacenters, ['*'], 'the default of var.datacenters');
    const group = api.TaskGroups[0];
    assert.strictEqual(group.Count, 3);
    assert.strictEqual(group.Services[0].Checks[0].Interval, 10e9);
    const task = group.Tasks[0];
    assert.strictEqual(task.Config.image, 'registry.example.com/shop/api:2.4.1');
    assert.deepStrictEqual(task.Env, { LOG_LEVEL: 'info', PORT: '3000' });
    assert.deepStrictEqual(group.Networks[0].DynamicPorts, [{ Label: 'http', To: 3000 }]);
  });

  it('keeps runtime interpolations for Nomad and unescapes literal text', async () => {
    const result = await evaluate(job('  meta {\n    a = "${node.class}-${var.x}"\n    b = "$${literal} \\"q\\""\n  }', 'variable "x" {\n  default = "d"\n}\n'), '');
    assert.ok(result.ok, JSON.stringify(result));
    const api = hclJsonToApiJob(result.hclJson) as Record<string, any>;
    assert.deepStrictEqual(api.Meta, { a: '${node.class}-d', b: '${literal} "q"' });
  });

  it('converts NOMAD_VAR-style string values to the declared type', async () => {
    const result = await evaluate(job('  priority = var.p', 'variable "p" {\n  type = number\n}\n'), 'p = "70"\n');
    assert.ok(result.ok, JSON.stringify(result));
    assert.strictEqual((hclJsonToApiJob(result.hclJson) as Record<string, unknown>).Priority, 70);
  });

  it('names what it cannot evaluate, and where', async () => {
    const call = failure(await evaluate(job('  datacenters = [upper(var.x)]', 'variable "x" {}\n'), 'x = "a"\n'));
    assert.match(call.message, /^the function upper\(\) at line 3 cannot be evaluated by the extension$/);
    assert.strictEqual(call.line, 2);
    const operator = failure(await evaluate(job('  priority = var.x + 1', 'variable "x" {}\n'), 'x = 1\n'));
    assert.match(operator.message, /an expression \(operator, condition, index or for\) at line 3/);
    const unset = failure(await evaluate(job('  priority = var.x', 'variable "x" {}\n'), 'y = 1\n'));
    assert.match(unset.message, /Variable "x" has no value: it has no default and no variable file or NOMAD_VAR_x sets it/);
  });

  it('never throws on broken text', async () => {
    for (const text of ['job "j" {', 'variable "x" {\n  default = var.y\n}\njob "j" {}\n', 'locals {\n  a = local.a\n}\njob "j" {\n  name = local.a\n}\n', '']) {
      const result = await evaluate(text, 'x = ');
      assert.strictEqual(result.ok, false, text);
    }
  });
});
