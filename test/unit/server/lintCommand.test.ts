import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseArguments, runLint } from '../../../server/src/cli/lintCommand';
import { languageService } from './support';

async function lint(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runLint(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('nomad-jobs-lint', () => {
  let dir: string;
  before(async () => {
    await languageService();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nomad-lint-'));
    fs.writeFileSync(path.join(dir, 'good.nomad.hcl'), 'job "x" {\n  group "g" {\n    task "t" {\n      driver = "exec"\n      config {\n        command = "/bin/true"\n      }\n    }\n  }\n}\n');
    fs.writeFileSync(path.join(dir, 'bad.nomad.hcl'), 'job "x" {\n  type = "servce"\n  group "g" {\n  }\n}\n');
    fs.writeFileSync(path.join(dir, 'warn.json'), '{"Job": {"ID": "x", "Status": "running", "TaskGroups": []}}');
    fs.writeFileSync(path.join(dir, 'package.json'), '{"name": "not-a-job"}');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('parses its arguments', () => {
    assert.deepStrictEqual(parseArguments(['--format', 'json', 'a']), { format: 'json', schemaVersion: 'auto', files: ['a'] });
    assert.deepStrictEqual(parseArguments(['--format=text', '--schema-version=1.6.0', 'a', 'b']), { format: 'text', schemaVersion: '1.6.0', files: ['a', 'b'] });
    assert.strictEqual(typeof parseArguments([]), 'string');
    assert.strictEqual(typeof parseArguments(['--format', 'xml', 'a']), 'string');
    assert.strictEqual(typeof parseArguments(['--nope', 'a']), 'string');
  });

  it('prints file:line:col: severity: message [code] and exits 1 on errors', async () => {
    const file = path.join(dir, 'bad.nomad.hcl');
    const result = await lint([file]);
    assert.strictEqual(result.code, 1);
    assert.match(result.stdout, new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:10: error: .*\\[invalid-enum\\]$`, 'm'));
  });

  it('exits 0 for clean files and for warnings only', async () => {
    assert.deepStrictEqual(await lint([path.join(dir, 'good.nomad.hcl')]), { code: 0, stdout: '', stderr: '' });
    const warned = await lint([path.join(dir, 'warn.json')]);
    assert.strictEqual(warned.code, 0);
    assert.match(warned.stdout, /warning: .*\[read-only-field\]/);
  });

  it('prints JSON findings with --format json', async () => {
    const result = await lint(['--format', 'json', path.join(dir, 'bad.nomad.hcl'), path.join(dir, 'good.nomad.hcl')]);
    const findings = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    assert.deepStrictEqual(findings.map((f) => [f.line, f.column, f.severity, f.code]), [[2, 10, 'error', 'invalid-enum']]);
  });

  it('follows --schema-version', async () => {
    fs.writeFileSync(path.join(dir, 'pool.nomad.hcl'), 'job "x" {\n  node_pool = "gpu"\n  group "g" {\n  }\n}\n');
    const result = await lint(['--schema-version', '1.5.0', path.join(dir, 'pool.nomad.hcl')]);
    assert.match(result.stdout, /\[needs-newer-nomad\]/);
  });

  it('skips JSON that is not a job, and exits 2 on unreadable files or bad usage', async () => {
    const skipped = await lint([path.join(dir, 'package.json')]);
    assert.strictEqual(skipped.code, 0);
    assert.match(skipped.stderr, /not a Nomad job file/);
    assert.strictEqual((await lint([path.join(dir, 'missing.nomad.hcl')])).code, 2);
    assert.strictEqual((await lint([])).code, 2);
  });
});
