// The Jobs tree as a person sees it: connected to a (fake) cluster through NOMAD_ADDR, a job
// expanded down to its allocations and tasks, deployments and a failed placement; a picture of it.
import * as assert from 'assert';
import type { Locator, Page } from 'playwright-core';
import { NomadClient } from '../../client/src/nomad/client';
import type { Job } from '../../client/src/nomad/types';
import { startFakeNomad, type FakeNomad } from '../support/nomad/server';
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

/** Expands a collapsed tree row by clicking its twistie, and waits until it shows as expanded. */
async function expand(row: Locator): Promise<void> {
  if ((await row.getAttribute('aria-expanded')) === 'true') return;
  await row.locator('.monaco-tl-twistie').click();
  await row.page().waitForFunction((element) => element?.getAttribute('aria-expanded') === 'true', await row.elementHandle());
}

/** A row directly under the Jobs view whose label is exactly `label` (labels like `api` repeat at several depths). */
async function rowAt(page: Page, label: string, level: number): Promise<Locator> {
  const pane = await viewPane(page, 'Jobs');
  const row = pane.locator(`.monaco-list-row[aria-level="${level}"]`, { has: page.locator('.label-name', { hasText: new RegExp(`^${label.replace(/[[\]]/g, '\\$&')}$`) }) }).first();
  await row.waitFor();
  return row;
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
});
