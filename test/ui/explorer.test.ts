// The Jobs tree as a person sees it: connected to a (fake) cluster through NOMAD_ADDR, a job
// expanded down to its allocations and tasks, deployments and a failed placement; a picture of it.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { NomadClient } from '../../client/src/nomad/client';
import type { Job } from '../../client/src/nomad/types';
import { startFakeNomad, type FakeNomad } from '../support/nomad/server';
import { quickOpenFile } from './support/commands';
import { expand, rowAt, untilExpanded } from './support/jobsTree';
import { openViewContainer, treeItem, treeItems, viewPane } from './support/views';
import { Workbench } from './support/workbench';

function job(id: string, type: 'service' | 'batch', count: number, extra: Partial<Job> = {}): Job {
  return {
    ID: id,
    Name: id,
    Type: type,
    Priority: 50,
    Datacenters: ['dc1'],
    TaskGroups: [
      {
        Name: type === 'service' ? 'api' : 'work',
        Count: count,
        Tasks: [{ Name: 'main', Driver: 'docker', Config: { image: 'nginx:1.27' }, Resources: { CPU: 100, MemoryMB: 128 } }],
      },
    ],
    ...extra,
  };
}

/** Drags the sash between side bar and editor to the right, so row descriptions are not cut off. */
async function widenSideBar(page: Page, pixels: number): Promise<void> {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box) return;
  const edge = { x: box.x + box.width + 1, y: box.y + box.height / 2 };
  await page.mouse.move(edge.x, edge.y);
  await page.mouse.down();
  await page.mouse.move(edge.x + pixels, edge.y, { steps: 5 });
  await page.mouse.up();
  // Off the sash, or its highlight shows in the picture.
  await page.mouse.move(edge.x + pixels + 300, edge.y);
}

describe('Jobs explorer (UI)', function () {
  this.timeout(240_000);
  let fake: FakeNomad;
  let workbench: Workbench;

  before(async () => {
    fake = await startFakeNomad();
    const nomad = new NomadClient({ address: fake.address });
    await nomad.registerJob(job('web', 'service', 3));
    await nomad.registerJob(job('nightly-report', 'batch', 1));
    await nomad.registerJob(job('thumbnailer', 'batch', 1, { ParameterizedJob: { Payload: 'optional' } }));
    await nomad.dispatchJob('thumbnailer', {});
    await nomad.dispatchJob('thumbnailer', {});
    fake.state.failPlacement('search', 'api', { DimensionExhausted: { memory: 3 }, NodesExhausted: 3, NodesEvaluated: 3 });
    await nomad.registerJob(job('search', 'service', 2));
    await nomad.registerJob(job('cleanup', 'batch', 1, { Periodic: { Enabled: true, Spec: '*/5 * * * *', TimeZone: 'UTC' } }));
    nomad.dispose();
    workbench = await Workbench.open({ env: { NOMAD_ADDR: fake.address } });
  });

  after(async () => {
    await workbench?.close();
    await fake?.close();
  });

  it('lists the cluster jobs with their status', async () => {
    const { page } = workbench;
    await openViewContainer(page, 'Nomad');
    await treeItem(page, 'Jobs', 'web').then((row) => row.waitFor());
    const rows = await treeItems(page, 'Jobs');
    const web = rows.find((text) => text.startsWith('web'));
    assert.match(web ?? '', /service · running · 3\/3/);
    assert.ok(rows.some((text) => /^thumbnailer\s*batch · parameterized · 2 dispatched/.test(text)), rows.join('\n'));
    assert.ok(!rows.some((text) => text.startsWith('thumbnailer/')), 'dispatched jobs are grouped under their parent');
    // NOMAD_ADDR alone describes the cluster, which the status bar names and reports as answering.
    const status = page.locator('.statusbar-item', { hasText: 'Nomad: Environment' });
    await status.waitFor();
    assert.strictEqual(await status.locator('.codicon-server').count(), 1);
  });

  it('expands a job down to allocations and their tasks, deployments and placement failures', async () => {
    const { page } = workbench;
    await expand(await rowAt(page, 'web', 1));
    await expand(await rowAt(page, 'Allocations', 2));
    await rowAt(page, 'api[2]', 3);
    await expand(await rowAt(page, 'api[0]', 3));
    assert.match(await (await rowAt(page, 'main', 4)).innerText(), /^main\s*running/);
    await expand(await rowAt(page, 'Deployments', 2));
    await expand(await rowAt(page, 'v0', 3));
    await expand(await rowAt(page, 'search', 1));
    await expand(await rowAt(page, 'Evaluations', 2));
    await widenSideBar(page, 320);
    const rows = await treeItems(page, 'Jobs');
    assert.ok(rows.some((text) => /healthy 3 · placed 3 · desired 3/.test(text)), rows.join('\n'));
    assert.ok(rows.some((text) => /api: not placed\s*memory exhausted on 3 nodes/.test(text)), rows.join('\n'));
    await workbench.screenshot('jobs-tree-expanded');
  });

  it('previews an allocation\'s JSON on a click and keeps the focus in the tree; that view offers neither Plan nor Run', async () => {
    const { page } = workbench;
    const row = await rowAt(page, 'api[1]', 3);
    await row.click();
    // A preview tab (italic, replaced by the next click), titled after the allocation's id.
    await page.locator('.tabs-container .tab.active', { hasText: /allocation [0-9a-f]{8}\.json/ }).waitFor();
    const jobsPane = await viewPane(page, 'Jobs');
    assert.strictEqual(await jobsPane.locator(':focus').count(), 1, 'the focus stayed in the Jobs view');
    await page.keyboard.press('ArrowRight');
    await untilExpanded(row);
    assert.strictEqual(await page.locator('.editor-actions .action-label[aria-label^="Plan Job"]').count(), 0, 'no Plan button on a cluster view');
    assert.strictEqual(await page.locator('.monaco-editor .codelens-decoration').count(), 0, 'no Plan | Run lenses on a cluster view');
    await workbench.screenshot('allocation-preview-focus-in-tree');
  });

  it('shows a periodic job\'s schedule and next launch', async () => {
    const { page } = workbench;
    await expand(await rowAt(page, 'cleanup', 1));
    const schedule = await rowAt(page, 'Schedule', 2);
    // The row reads the job first ("reading…"), then shows what follows from its cron spec.
    await schedule.filter({ hasText: /next launch/ }).waitFor();
    assert.match(await schedule.innerText(), /^Schedule\s*\*\/5 \* \* \* \* \(UTC\) · next launch in (under a minute|[1-5]m)$/);
    await workbench.screenshot('periodic-schedule');
  });

  it('starts a new job file with the 2-space indentation of the snippets and Format Document', async () => {
    const { page } = workbench;
    fs.writeFileSync(path.join(workbench.folder, 'fresh.nomad.hcl'), '');
    await quickOpenFile(page, 'fresh.nomad.hcl');
    await page.locator('.statusbar-item', { hasText: /^Spaces: 2$/ }).waitFor();
    await workbench.screenshot('new-job-file-indentation');
  });
});
