// Plan, Run and Validate with Cluster in the real extension host, against the
// test target (the fake, or a real agent with NOMAD_TEST_ADDR) made the active
// cluster for each suite (planFixtures.ts). Job ids are unique to the run.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { PlanResult } from '../../client/src/features/plan/planSession';
import type { RunOutcome } from '../../client/src/features/plan/runJob';
import type { ValidationResult } from '../../client/src/features/plan/validateWithCluster';
import { agentVersion, versionAtLeast } from '../../client/src/nomad/agent';
import { testJobId } from '../support/nomad/testJobs';
import { serviceApiJob, serviceJob, useClusterInSuite } from './planFixtures';
import { waitFor } from './support/wait';
import { openWorkspaceFile, writeWorkspaceFile } from './support/workspace';

async function openJob(name: string, text: string): Promise<vscode.TextDocument> {
  await writeWorkspaceFile(name, text);
  return (await openWorkspaceFile(name)).document;
}

function plan(document: vscode.TextDocument): Thenable<PlanResult | undefined> {
  return vscode.commands.executeCommand<PlanResult | undefined>('nomad.planJob', document.uri);
}

function clusterDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Nomad cluster');
}

describe('plan and run job files', function () {
  this.timeout(60_000);
  const cluster = useClusterInSuite();
  const lastRegister = () => cluster.requests().filter((r) => r.method === 'POST' && /^\/v1\/jobs(\?|$)/.test(r.url)).at(-1);

  it('plans a new job: everything added, check-and-set index 0', async () => {
    const id = testJobId('plan-new');
    const document = await openJob('plan-new.nomad.hcl', serviceJob(id, 2));
    const result = await plan(document);
    assert.ok(result, 'the plan command returns the plan it shows');
    assert.strictEqual(result.view.isNewJob, true);
    assert.strictEqual(result.view.jobModifyIndex, 0);
    assert.strictEqual(result.view.diff?.marker, 'Added');
    assert.deepStrictEqual(result.view.groups.map((g) => [g.name, g.updates.find((u) => u.label === 'create')?.count]), [['g', 2]]);
    const parse = cluster.requests().find((r) => r.url.startsWith('/v1/jobs/parse'));
    assert.strictEqual(JSON.parse(parse!.body).Canonicalize, true);
    const planRequest = cluster.requests().find((r) => r.url.startsWith(`/v1/job/${id}/plan`));
    assert.strictEqual(JSON.parse(planRequest!.body).Diff, true);
  });

  it('plans an edited job: the changed count shows old and new values', async () => {
    const id = testJobId('plan-edit');
    const seeded = await cluster.register(serviceApiJob(id, 1));
    const document = await openJob('plan-edit.nomad.hcl', serviceJob(id, 3));
    const result = await plan(document);
    assert.ok(result);
    assert.strictEqual(result.view.isNewJob, false);
    assert.strictEqual(result.view.jobModifyIndex, seeded.JobModifyIndex);
    const group = result.view.diff?.children.find((n) => n.kind === 'group');
    const count = group?.children.find((n) => n.name === 'Count');
    assert.deepStrictEqual([group?.marker, count?.old, count?.new], ['Edited', '1', '3']);
  });

  it('shows placement failures the scheduler reports', async function () {
    // Needs the fake's powers: it makes the placement fail with the metrics asserted below.
    if (!cluster.target.fake) this.skip();
    cluster.target.fake.failPlacement('plan-fail', 'g', { NodesEvaluated: 3, NodesFiltered: 3, ConstraintFiltered: { '${attr.kernel.name} = windows': 3 } });
    const document = await openJob('plan-fail.nomad.hcl', serviceJob('plan-fail', 2));
    const result = await plan(document);
    const failure = result?.view.groups.find((g) => g.name === 'g')?.failure;
    assert.ok(failure, 'the group carries a placement failure');
    assert.deepStrictEqual(failure.metrics.slice(0, 2), [
      { label: 'nodes evaluated', count: 3 },
      { label: 'nodes filtered', count: 3 },
    ]);
    assert.deepStrictEqual(failure.breakdowns.find((b) => b.title === 'Filtered by constraint')?.entries, [{ label: '${attr.kernel.name} = windows', count: 3 }]);
  });

  it('runs exactly the planned job, on condition of the planned index', async () => {
    const id = testJobId('plan-run');
    await cluster.register(serviceApiJob(id, 1));
    const document = await openJob('plan-run.nomad.hcl', serviceJob(id, 2));
    const result = await plan(document);
    assert.ok(result);
    // Edits after the plan do not change what runs: the plan holds the parsed job.
    const countLine = document.getText().split('\n').findIndex((line) => line.includes('count ='));
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, document.lineAt(countLine).range, '    count = 5');
    await vscode.workspace.applyEdit(edit);
    await document.save();
    const outcome = await result.run();
    assert.strictEqual(outcome?.kind, 'submitted');
    const body = JSON.parse(lastRegister()!.body);
    assert.strictEqual(body.EnforceIndex, true);
    assert.strictEqual(body.JobModifyIndex, result.view.jobModifyIndex);
    assert.strictEqual(body.Job.TaskGroups[0].Count, 2);
    assert.strictEqual((await cluster.client.readJob(id)).value.TaskGroups?.[0].Count, 2);
    assert.strictEqual(await result.run(), undefined, 'a plan runs once; a second run needs a fresh plan');
  });

  it('does not overwrite a job that changed between plan and run', async () => {
    const id = testJobId('plan-cas');
    await cluster.register(serviceApiJob(id, 1));
    const document = await openJob('plan-cas.nomad.hcl', serviceJob(id, 2));
    const result = await plan(document);
    assert.ok(result);
    await cluster.register(serviceApiJob(id, 7)); // someone else's change lands after our plan
    const outcome = (await result.run()) as RunOutcome;
    assert.strictEqual(outcome.kind, 'conflict');
    assert.match(outcome.kind === 'conflict' ? outcome.message : '', /changed on the cluster after this plan.*Nothing was submitted/);
    assert.strictEqual((await cluster.client.readJob(id)).value.TaskGroups?.[0].Count, 7, 'the other change survives');
  });

  it('runs without review when asked to, still with check-and-set', async () => {
    const settings = vscode.workspace.getConfiguration('nomad');
    await settings.update('run.skipPlanReview', true, vscode.ConfigurationTarget.Workspace);
    try {
      const id = testJobId('plan-skip');
      const document = await openJob('plan-skip.nomad.hcl', serviceJob(id, 1));
      const outcome = await vscode.commands.executeCommand<RunOutcome | undefined>('nomad.runJob', document.uri);
      assert.strictEqual(outcome?.kind, 'submitted');
      const register = JSON.parse(lastRegister()!.body);
      assert.deepStrictEqual([register.EnforceIndex, register.JobModifyIndex], [true, 0]);
      assert.strictEqual((await cluster.client.readJob(id)).value.ID, id);
    } finally {
      await settings.update('run.skipPlanReview', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('sends the values of the variable file named after the job', async function () {
    // Nomad's parse endpoint reads the values from 1.6 on; older agents ignore them.
    const fake = cluster.target.fake;
    if (fake) fake.agentVersion = '1.6.0';
    else if (!versionAtLeast(agentVersion(await cluster.client.agentSelf()) ?? '0', '1.6.0')) this.skip();
    try {
      const id = testJobId('plan-vars');
      await writeWorkspaceFile('plan-vars.vars.hcl', 'replicas = 4\n');
      const text = `variable "replicas" {\n  type = number\n}\n\n${serviceJob(id, 'var.replicas')}`;
      const document = await openJob('plan-vars.nomad.hcl', text);
      const result = await plan(document);
      assert.ok(result);
      const parse = cluster.requests().filter((r) => r.url.startsWith('/v1/jobs/parse')).at(-1);
      assert.strictEqual(JSON.parse(parse!.body).Variables, 'replicas = 4\n');
      assert.strictEqual(result.view.groups[0].updates[0].count, 4);
    } finally {
      if (fake) fake.agentVersion = '1.0.18';
    }
  });

  it('plans HCL-JSON and API JSON job files converted locally', async () => {
    const hclId = testJobId('plan-hcljson');
    const hclJson = await openJob('plan-hcljson.json', JSON.stringify({ job: { [hclId]: { datacenters: ['dc1'], group: { g: { count: 1, task: { t: { driver: 'raw_exec', config: { command: '/bin/true' }, kill_timeout: '10s' } } } } } } }, null, 2));
    const fromHclJson = await plan(hclJson);
    assert.strictEqual(fromHclJson?.view.jobId, hclId);
    const sent = JSON.parse(cluster.requests().filter((r) => r.url.startsWith(`/v1/job/${hclId}/plan`)).at(-1)!.body);
    assert.strictEqual(sent.Job.TaskGroups[0].Tasks[0].KillTimeout, 10e9);
    const apiJson = await openJob('plan-api.json', JSON.stringify({ Job: { ID: testJobId('plan-api'), Datacenters: ['dc1'], TaskGroups: [{ Name: 'g', Tasks: [{ Name: 't', Driver: 'raw_exec' }] }] } }));
    assert.strictEqual((await plan(apiJson))?.view.isNewJob, true);
  });

  it('takes HCL-JSON whose variables come before the job for a job file: lenses on the job line, and a plan that says why it cannot convert', async () => {
    const text = JSON.stringify({ variable: { image: { default: 'nginx' } }, job: { 'plan-hcljson-vars': { datacenters: ['dc1'], group: { g: { task: { t: { driver: 'raw_exec' } } } } } } }, null, 2);
    const document = await openJob('plan-hcljson-vars.json', text);
    const lenses = await waitFor(async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
      return found?.some((lens) => lens.command?.command === 'nomad.planJob') ? found : undefined;
    }, 'the Plan lens on the HCL-JSON job');
    const jobLine = text.split('\n').findIndex((line) => line.startsWith('  "job"'));
    assert.ok(lenses.every((lens) => lens.range.start.line === jobLine), 'on the "job" key');
    assert.strictEqual(await plan(document), undefined);
    assert.strictEqual(cluster.requests().filter((r) => r.url.startsWith('/v1/job/plan-hcljson-vars/plan')).length, 0);
  });
});

describe('validate with cluster', function () {
  useClusterInSuite();

  it('puts HCL syntax errors at their position in Problems, and clears them on edit', async () => {
    const document = await openJob('validate-syntax.nomad.hcl', 'job "broken" {\n  datacenters = ["dc1"\n  group "g" {\n    task "t" {\n      driver = "raw_exec"\n    }\n  }\n}\n');
    const result = await vscode.commands.executeCommand<ValidationResult>('nomad.validateWithCluster', document.uri);
    assert.strictEqual(result?.valid, false);
    const [problem] = clusterDiagnostics(document.uri);
    assert.ok(problem, 'a nomad-cluster diagnostic');
    assert.strictEqual(problem.range.start.line, 2);
    assert.strictEqual(problem.range.start.character, 2);
    assert.match(problem.message, /Missing item separator/);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(1, 22), ']');
    await vscode.workspace.applyEdit(edit);
    await document.save();
    await waitFor(() => clusterDiagnostics(document.uri).length === 0, 'the stale problem to go');
    const again = await vscode.commands.executeCommand<ValidationResult>('nomad.validateWithCluster', document.uri);
    assert.strictEqual(again?.valid, true);
    assert.strictEqual(clusterDiagnostics(document.uri).length, 0);
  });

  it("puts the plan's validation errors on the job line", async () => {
    const text = serviceJob(testJobId('validate-driver'), 1).replace('      driver = "raw_exec"\n', '');
    const document = await openJob('validate-driver.nomad.hcl', `# comment\n${text}`);
    const result = await vscode.commands.executeCommand<ValidationResult>('nomad.validateWithCluster', document.uri);
    assert.strictEqual(result?.valid, false);
    const problems = clusterDiagnostics(document.uri);
    assert.ok(problems.length >= 1);
    assert.ok(problems.every((p) => p.range.start.line === 1), 'on the `job` line');
    assert.ok(problems.some((p) => /Missing task driver/.test(p.message)));
  });
});
