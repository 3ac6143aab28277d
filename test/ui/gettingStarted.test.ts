// A person's first minutes with the installed extension: open a job file,
// find the Nomad activity-bar entry and its Jobs view.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { activeLanguageName, quickOpenFile, runCommand } from './support/commands';
import { repoRoot } from './support/tooling';
import { openViewContainer, viewPane, welcomeContent } from './support/views';
import { Workbench } from './support/workbench';

/** The Jobs view's welcome content as the manifest declares it. */
function manifestWelcome(): { firstSentence: string; buttons: string[] } {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const entry = manifest.contributes.viewsWelcome.find((item: { view: string }) => item.view === 'nomad.jobs');
  const contents: string = entry.contents;
  return {
    firstSentence: contents.split(/(?<=\.)\s/)[0],
    buttons: [...contents.matchAll(/^\[([^\]]+)\]\(command:[^)]+\)$/gm)].map((match) => match[1]),
  };
}

describe('getting started (UI)', function () {
  this.timeout(180_000);
  let workbench: Workbench;

  before(async () => {
    workbench = await Workbench.open();
  });

  after(async () => {
    await workbench?.close();
  });

  it('opens an example job through Quick Open as a Nomad Job and activates the extension', async () => {
    const { page } = workbench;
    await quickOpenFile(page, 'web.nomad.hcl');
    assert.strictEqual(await activeLanguageName(page), 'Nomad Job');
    await workbench.screenshot('job-file-open');

    await runCommand(page, 'Developer: Show Running Extensions');
    await page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: 'Nomad Jobs' }).waitFor();
    await runCommand(page, 'View: Close Editor');
  });

  it('shows the Nomad activity-bar entry with the Jobs view and its welcome content', async () => {
    const { page } = workbench;
    await openViewContainer(page, 'Nomad');
    const expected = manifestWelcome();
    assert.ok(expected.buttons.length > 0, 'the manifest declares welcome buttons');

    const welcome = await welcomeContent(page, 'Jobs');
    assert.ok(welcome.includes(expected.firstSentence), `welcome text shows "${expected.firstSentence}"; got:\n${welcome}`);
    const pane = await viewPane(page, 'Jobs');
    for (const label of expected.buttons) {
      assert.ok(await pane.getByRole('button', { name: label }).isVisible(), `welcome button "${label}" is visible`);
    }
    await workbench.screenshot('jobs-view-welcome');
  });
});
