// How the semantic rules behave around their fixtures: Nomad's defaults come
// first, the target Nomad version decides, quick fixes repair the job, API
// JSON and HCL-JSON get the same findings, and valid real-world forms that
// used to be refused stay clean.
import * as assert from 'assert';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getCodeActions } from '../../../../../../server/src/services/codeActions/codeActionService';
import { languageService, listDiagnostics, validate, withCode } from '../../../support';
import { escapesAllocation } from '../../../../../../server/src/services/diagnostics/semantic/rules/taskRules';
import { group, job, task } from './ruleFixtures';

async function codes(text: string, schemaVersion = 'auto', languageId = 'nomad'): Promise<string[]> {
  const { diagnostics } = await validate(text, { settings: { schemaVersion }, languageId, uri: languageId === 'json' ? 'file:///job.json' : undefined });
  return diagnostics.filter((d) => d.severity !== 4).map((d) => String(d.code));
}

/** The fixes offered for the first `code` finding, and the text each one produces. */
async function fixes(text: string, code: string, languageId = 'nomad'): Promise<Array<{ title: string; result: string }>> {
  const uri = languageId === 'json' ? 'file:///job.json' : 'file:///test.nomad.hcl';
  const { diagnostics, parsed } = await validate(text, { languageId, uri });
  const diagnostic = diagnostics.find((d) => d.code === code) as Diagnostic;
  assert.ok(diagnostic, `no ${code}:\n${listDiagnostics(diagnostics)}`);
  const document = TextDocument.create(uri, languageId, 1, text);
  const service = await languageService();
  const actions: CodeAction[] = getCodeActions(document, diagnostic.range, [diagnostic], parsed, service.schema);
  return actions.map((action) => ({ title: action.title, result: TextDocument.applyEdits(document, action.edit?.changes?.[uri] ?? []) }));
}

describe('Semantic rules: defaults, versions, fixes, shapes', () => {
  describe('defaults first', () => {
    it('checks the default logs (10 files of 10 MB) against a small ephemeral disk', async () => {
      const text = job(group('    ephemeral_disk {\n      size = 100\n    }\n' + task()));
      const { diagnostics } = await validate(text);
      const [finding] = withCode(diagnostics, 'logs-exceed-disk');
      assert.match(String(finding.message), /10 files of 10 MB/);
      assert.strictEqual(text.split('\n')[finding.range.start.line].trim(), 'size = 100');
    });

    it('checks a written restart field against the defaults of the job type', async () => {
      // Batch jobs restart 3 times in 24h with 15s between; a 30s interval cannot hold 3 × 15s.
      const text = job(group('    restart {\n      interval = "30s"\n    }\n' + task()), '  type = "batch"\n');
      assert.deepStrictEqual(await codes(text), ['restart-attempts-fit']);
      const service = job(group('    restart {\n      interval = "30s"\n    }\n' + task()));
      assert.deepStrictEqual(await codes(service), [], 'service jobs restart twice: 2 × 15s fits in 30s');
    });

    it('takes the count from the scaling minimum when count is left out', async () => {
      const text = job(group('    scaling {\n      min = 3\n      max = 5\n    }\n    update {\n      max_parallel = 4\n    }\n' + task()));
      const { diagnostics } = await validate(text);
      assert.match(String(withCode(diagnostics, 'update-max-parallel-count')[0]?.message), /group's count \(3\)/);
    });

    it('merges the job update block into each group', async () => {
      const text = job(group('    update {\n      healthy_deadline = "20s"\n    }\n' + task()), '  update {\n    min_healthy_time = "30s"\n  }\n');
      assert.deepStrictEqual(await codes(text), ['update-min-healthy-time']);
    });
  });

  describe('versions', () => {
    it('asks for datacenters only before Nomad 1.5', async () => {
      const text = 'job "demo" {\n' + group(task()) + '}\n';
      assert.deepStrictEqual(await codes(text, '1.4.7'), ['job-datacenters-missing']);
      assert.deepStrictEqual(await codes(text, '1.5.0'), []);
      assert.deepStrictEqual(await codes(text), [], 'no target known: the newest Nomad');
    });

    it('accepts memory_max = -1 from Nomad 1.7.3, and says which version it needs before', async () => {
      const text = job(group(task('      resources {\n        memory     = 256\n        memory_max = -1\n      }\n')));
      assert.deepStrictEqual(await codes(text), []);
      assert.deepStrictEqual(await codes(text, '1.7.3'), []);
      const { diagnostics } = await validate(text, { settings: { schemaVersion: '1.6.0' } });
      assert.deepStrictEqual(diagnostics.map((d) => d.code), ['memory-max-below-memory']);
      assert.match(String(diagnostics[0].message), /needs Nomad 1\.7\.3/);
    });

    it('warns about max_parallel above a count of 1 only before Nomad 1.3.6', async () => {
      const text = job(group('    update {\n      max_parallel = 2\n    }\n' + task()));
      assert.deepStrictEqual(await codes(text, '1.3.5'), ['update-max-parallel-count']);
      assert.deepStrictEqual(await codes(text, '1.3.6'), []);
    });

    it('takes periodic sysbatch jobs from Nomad 1.2 on', async () => {
      const text = job(group(task()), '  type = "sysbatch"\n  periodic {\n    crons = ["@daily"]\n  }\n');
      assert.deepStrictEqual(await codes(text, '1.6.2'), []);
    });
  });

  describe('quick fixes', () => {
    it('changes the job type to batch for a periodic service job, and the job is then clean', async () => {
      const text = job(group(task()), '  type = "service"\n  periodic {\n    crons = ["@daily"]\n  }\n');
      const [first] = await fixes(text, 'periodic-needs-batch');
      assert.strictEqual(first.title, 'Change the job type to "batch"');
      assert.deepStrictEqual(await codes(first.result), []);
    });

    it('adds type = "batch" when the job has no type', async () => {
      const text = job(group(task()), '  parameterized {}\n');
      const [first] = await fixes(text, 'parameterized-needs-batch');
      assert.strictEqual(first.title, 'Add type = "batch"');
      assert.match(first.result, /^job "demo" \{\n {2}type = "batch"\n/);
      assert.deepStrictEqual(await codes(first.result), []);
    });

    it('raises memory_max to memory', async () => {
      const text = job(group(task('      resources {\n        memory     = 256\n        memory_max = 128\n      }\n')));
      const [first] = await fixes(text, 'memory-max-below-memory');
      assert.strictEqual(first.title, 'Raise memory_max to 256');
      assert.deepStrictEqual(await codes(first.result), []);
    });

    it('sets the restart interval that fits, as a duration in HCL and nanoseconds in API JSON', async () => {
      const text = job(group('    restart {\n      attempts = 3\n      delay    = "15s"\n      interval = "30s"\n    }\n' + task()));
      const [hcl] = await fixes(text, 'restart-attempts-fit');
      assert.match(hcl.result, /interval = "45s"/);
      const api = JSON.stringify({ Job: { ID: 'demo', Datacenters: ['dc1'], TaskGroups: [{ Name: 'web', RestartPolicy: { Attempts: 3, Delay: 15e9, Interval: 30e9 }, Tasks: [{ Name: 'app', Driver: 'raw_exec' }] }] } }, null, 2);
      const [json] = await fixes(api, 'restart-attempts-fit', 'json');
      assert.match(json.result, /"Interval": 45000000000/);
    });
  });

  describe('API JSON and HCL-JSON', () => {
    const apiTask = (resources: Record<string, number>): string =>
      JSON.stringify({ Job: { ID: 'demo', Datacenters: ['dc1'], TaskGroups: [{ Name: 'web', Tasks: [{ Name: 'app', Driver: 'raw_exec', Resources: resources }] }] } }, null, 2);

    it('reports memory_max below memory on the MemoryMaxMB property', async () => {
      const text = apiTask({ MemoryMB: 256, MemoryMaxMB: 128 });
      const { diagnostics } = await validate(text, { languageId: 'json', uri: 'file:///job.json' });
      const [finding] = withCode(diagnostics, 'memory-max-below-memory');
      assert.strictEqual(text.split('\n')[finding.range.start.line].trim(), '"MemoryMaxMB": 128');
      assert.deepStrictEqual(await codes(apiTask({ MemoryMB: 256, MemoryMaxMB: -1 }), 'auto', 'json'), []);
    });

    it('reports cpu together with cores on the Cores property', async () => {
      const text = apiTask({ CPU: 500, Cores: 2 });
      const { diagnostics } = await validate(text, { languageId: 'json', uri: 'file:///job.json' });
      const [finding] = withCode(diagnostics, 'resources-cpu-and-cores');
      assert.strictEqual(text.split('\n')[finding.range.start.line].trim(), '"Cores": 2');
    });

    it('reads HCL-JSON through the HCL names, with durations as strings', async () => {
      const text = JSON.stringify({ job: { demo: { datacenters: ['dc1'], group: { web: { restart: { attempts: 3, delay: '15s', interval: '30s' }, task: { app: { driver: 'raw_exec', config: { command: '/bin/true' } } } } } } } }, null, 2);
      const { diagnostics } = await validate(text, { languageId: 'json', uri: 'file:///job.nomad.json' });
      const [finding] = withCode(diagnostics, 'restart-attempts-fit');
      assert.ok(finding, listDiagnostics(diagnostics));
      assert.strictEqual(text.split('\n')[finding.range.start.line].trim(), '"interval": "30s"');
    });
  });

  describe('no false errors', () => {
    const docker = (config: string): string => job(group(`    task "app" {\n      driver = "docker"\n      config {\n        image = "nginx"\n${config}      }\n    }\n`));

    it('takes docker mounts and devices as a list of objects', async () => {
      const text = docker('        mounts = [\n          {\n            type   = "bind"\n            source = "/srv"\n            target = "/srv"\n          },\n        ]\n        devices = [\n          {\n            host_path = "/dev/fuse"\n          },\n        ]\n');
      assert.deepStrictEqual(await codes(text), []);
    });

    it('takes repeated port_map blocks, which a driver reads as a list', async () => {
      const text = docker('        port_map {\n          http = 80\n        }\n        port_map {\n          https = 443\n        }\n');
      assert.deepStrictEqual(await codes(text), []);
    });

    it('still reports a repeated single block of a driver (Nomad refuses two auth blocks)', async () => {
      const text = docker('        auth {\n          username = "a"\n        }\n        auth {\n          username = "b"\n        }\n');
      assert.deepStrictEqual(await codes(text), ['duplicate-block']);
    });

    it('leaves values that need evaluation alone', async () => {
      const text = `variable "n" {\n  default = 3\n}\n${job(group('    count = var.n\n    scaling {\n      min = 1\n      max = 2\n    }\n    restart {\n      attempts = var.n\n      interval = "\${var.n}s"\n    }\n' + task()))}`;
      assert.deepStrictEqual(await codes(text), []);
    });

    it('says nothing while the file has syntax errors', async () => {
      const text = job(group('    count = 1\n    restart {\n      interval = "1s"\n    }\n    = broken\n' + task()));
      assert.ok(!(await codes(text)).some((code) => code.startsWith('restart-')));
    });
  });

  describe('paths leaving the allocation directory', () => {
    it('counts `..` against the parts of the base and the path, skipping empty parts and `.`', () => {
      const escaping = ['../../x', '../..', 'local/../../../x', './../../x', '..//..//x', 'a/../../../b'];
      const inside = ['local/app.env', '../alloc/x', '..', './.././x', 'a//b/../..', '...', '../..x', '.hidden/../../y', '', '/etc/passwd', '../../${NOMAD_X}'];
      for (const path of escaping) assert.strictEqual(escapesAllocation('task', path), true, path);
      for (const path of inside) assert.strictEqual(escapesAllocation('task', path), false, path);
      // From task/local one more `..` is allowed.
      assert.strictEqual(escapesAllocation('task/local', '../../x'), false);
      assert.strictEqual(escapesAllocation('task/local', '../../../x'), true);
    });
  });
});
