// Planning a job as a person does: open the file, run "Nomad: Plan Job", read
// the diff in the plan page, press Run; then the same when someone else
// changed the job in between. Against the test target (the fake, or a real
// agent with NOMAD_TEST_ADDR). Screenshots go to test-results/ui/.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { NomadClient } from '../../client/src/nomad/client';
import { nomadTarget, type NomadTarget } from '../support/nomad/target';
import { purgeTestJobs, testJobId } from '../support/nomad/testJobs';
import { quickOpenFile, runCommand } from './support/commands';
import { notificationMessages, webviewFrame } from './support/views';
import { Workbench } from './support/workbench';

const HOSTILE = '<img src=x onerror=alert(1)>';

const JOB_ID = testJobId('ui-plan');

const JOB_FILE = `job "${JOB_ID}" {
  datacenters = ["dc1"]
  type        = "service"

  meta {
    note = "${HOSTILE}"
  }

  group "web" {
    count = 3

    task "server" {
      driver = "raw_exec"

      config {
        command = "/bin/sleep"
        args    = ["7200"]
      }

      resources {
        cpu    = 50
        memory = 32
      }
    }
  }
}
`;

function runningJob(count: number, sleep: string) {
  return {
    ID: JOB_ID,
    Type: 'service',
    Datacenters: ['dc1'],
    Meta: { note: 'plain' },
    TaskGroups: [
      { Name: 'web', Count: count, Tasks: [{ Name: 'server', Driver: 'raw_exec', Config: { command: '/bin/sleep', args: [sleep] }, Resources: { CPU: 50, MemoryMB: 32 } }] },
    ],
  };
}

describe('plan page (UI)', function () {
  this.timeout(180_000);
  let target: NomadTarget;
  let nomad: NomadClient;
  let workbench: Workbench;
  const clusterCount = async () => (await nomad.readJob(JOB_ID)).value.TaskGroups?.[0].Count;

  before(async () => {
    target = await nomadTarget();
    nomad = new NomadClient({ address: target.address, token: target.token });
    await nomad.registerJob(runningJob(1, '3600'));
    workbench = await Workbench.open({ env: { NOMAD_ADDR: target.address } });
    fs.writeFileSync(path.join(workbench.folder, 'ui-plan.nomad.hcl'), JOB_FILE);
  });

  after(async () => {
    await workbench?.close();
    if (nomad) await purgeTestJobs(nomad);
    nomad?.dispose();
    await target?.close();
  });

  it('shows the diff of the edited job in the plan page, markup in values kept as text', async () => {
    const { page } = workbench;
    await quickOpenFile(page, 'ui-plan.nomad.hcl');
    const lens = page.locator('.monaco-editor .codelens-decoration').first();
    await lens.waitFor();
    assert.deepStrictEqual(await lens.locator('a').allInnerTexts(), ['Plan', 'Run'], 'the lenses above the job block');
    // The editor title button, as a person would find it.
    await page.locator('.editor-actions .action-label[aria-label^="Plan Job"]').click();
    const frame = webviewFrame(page);
    const tree = frame.locator('[role="tree"]');
    await tree.waitFor();

    const count = frame.locator('[role="treeitem"][aria-label^="Count,"]');
    assert.strictEqual(await count.getAttribute('aria-label'), 'Count, edited, from 1 to 3, forces create');
    assert.deepStrictEqual(await count.locator(':scope > .row .old, :scope > .row .new').allInnerTexts(), ['1', '3']);

    const note = frame.locator('[role="treeitem"][aria-label^="Meta[note],"]');
    assert.strictEqual(await note.locator(':scope > .row .new').innerText(), HOSTILE);
    assert.strictEqual(await frame.locator('img').count(), 0, 'no element was made from server text');

    const task = frame.locator('[role="treeitem"][aria-label^="Task server,"]');
    // Whether the scheduler replaces or updates the running allocation in place depends on its state; either is annotated.
    assert.match((await task.getAttribute('aria-label')) ?? '', /^Task server, edited, forces (create\/destroy|in-place) update$/);
    const rows = (await frame.locator('table tr').allInnerTexts()).map((row) => row.split(/\t|\n/).map((cell) => cell.trim()).filter(Boolean));
    assert.deepStrictEqual(rows.map((row) => row[0]), ['Change', 'create', 'create/destroy update', 'in-place update', 'stop', 'migrate', 'canary', 'ignore', 'preemptions']);
    assert.strictEqual(rows[0][1], 'web');
    assert.ok(Number(rows[1][1]) >= 2, 'at least the two new allocations are created');
    assert.match(await frame.locator('.index').innerText(), /modify index is still \d+/);
    await workbench.screenshot('plan-diff');
  });

  it('is usable with the keyboard: the tree has one tab stop and arrow keys move and collapse', async () => {
    const frame = webviewFrame(workbench.page);
    const first = frame.locator('[role="treeitem"][tabindex="0"]');
    assert.strictEqual(await first.getAttribute('data-id'), 'job');
    await first.focus();
    await first.press('ArrowDown');
    const focusedId = () => frame.locator(':focus').getAttribute('data-id');
    assert.strictEqual(await focusedId(), 'job/f:Meta[note]#0');
    await frame.locator(':focus').press('End');
    const last = await focusedId();
    assert.match(last ?? '', /^job\/g:web\/t:server\//);
    await frame.locator('[data-id="job/g:web/t:server"]').focus();
    await frame.locator(':focus').press('ArrowLeft');
    assert.strictEqual(await frame.locator('[data-id="job/g:web/t:server"]').getAttribute('aria-expanded'), 'false');
    assert.strictEqual(await frame.locator(`[data-id="${last}"]`).count(), 0);
    await frame.locator(':focus').press('Enter');
    assert.strictEqual(await frame.locator('[data-id="job/g:web/t:server"]').getAttribute('aria-expanded'), 'true');

    const toggle = frame.locator('button[data-action="toggle-unchanged"]');
    assert.strictEqual(await toggle.getAttribute('aria-pressed'), 'false');
    const hiddenBefore = await frame.locator('[role="treeitem"]').count();
    await toggle.focus();
    await workbench.page.keyboard.press('Enter');
    assert.strictEqual(await toggle.getAttribute('aria-pressed'), 'true');
    assert.ok((await frame.locator('[role="treeitem"]').count()) > hiddenBefore, 'unchanged fields appear');
    await workbench.screenshot('plan-diff-unchanged');
  });

  it('refuses to run over a change made after the plan, and offers Re-plan', async () => {
    const frame = webviewFrame(workbench.page);
    await nomad.registerJob(runningJob(2, '3600')); // someone else scales the job meanwhile
    await frame.locator('button[data-action="run"]').click();
    const alert = frame.locator('[role="alert"]');
    await alert.waitFor();
    assert.match(await alert.innerText(), /changed on the cluster after this plan was made.*Nothing was submitted/s);
    assert.strictEqual(await clusterCount(), 2, 'their change survives');
    assert.ok(await frame.locator('button[data-action="run"]').isDisabled());
    await workbench.screenshot('plan-conflict');

    await alert.locator('button[data-action="replan"]').click();
    const count = frame.locator('[role="treeitem"][aria-label^="Count,"]');
    await frame.locator('[role="treeitem"][aria-label="Count, edited, from 2 to 3, forces create"]').waitFor();
    assert.deepStrictEqual(await count.locator(':scope > .row .old, :scope > .row .new').allInnerTexts(), ['2', '3']);
  });

  it('runs the reviewed plan and reports the submission', async () => {
    const frame = webviewFrame(workbench.page);
    await frame.locator('button[data-action="run"]:not([disabled])').click();
    await frame.locator('.status-submitted').waitFor();
    assert.match(await frame.locator('.status-submitted').innerText(), /Submitted version with modify index \d+/);
    assert.strictEqual(await clusterCount(), 3);
    assert.ok(await frame.locator('button[data-action="reveal-job"]').isVisible());
    await workbench.screenshot('plan-submitted');
  });

  it('shows the submitted job in the Jobs view from the plan page', async () => {
    const { page } = workbench;
    await webviewFrame(page).locator('button[data-action="reveal-job"]').click();
    const row = page.locator('.sidebar .pane', { hasText: 'Jobs' }).locator('.monaco-list-row.selected', { hasText: 'ui-plan' });
    await row.waitFor().catch(async (error) => {
      await workbench.screenshot('plan-reveal-job-failed');
      throw error;
    });
    assert.deepStrictEqual(await notificationMessages(page).then((all) => all.filter((text) => /is not on/.test(text))), []);
    await workbench.screenshot('plan-reveal-job');
  });

  it('opens the comparison with the cluster in the plan\'s group instead of a new column', async () => {
    const { page } = workbench;
    const groups = page.locator('.editor-group-container');
    assert.strictEqual(await groups.count(), 2, 'the file and the plan page');
    await runCommand(page, 'View: Focus First Editor Group');
    await page.locator('.editor-actions .action-label[aria-label^="Compare with Job on Cluster"]').click();
    await page.locator('.monaco-diff-editor').first().waitFor();
    assert.strictEqual(await groups.count(), 2, 'still two groups');
    await runCommand(page, 'View: Focus First Editor Group');
    await runCommand(page, 'Nomad: Plan Job');
    await webviewFrame(page).locator('[role="tree"]').waitFor();
    assert.strictEqual(await groups.count(), 2, 'still two groups after planning again');
    await workbench.screenshot('plan-and-diff-one-group');
  });
});
