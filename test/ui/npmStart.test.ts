// `npm start` as the README describes it: VS Code in the browser with the extension and
// examples/ open, and the clone left exactly as git has it (VS Code rewrites the manifest of an
// installed extension on its first load, which once dirtied the tracked package.json).
import * as assert from 'assert';
import { execFileSync, spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { deadAddress } from '../support/deadAddress';
import { freePort, launchBrowser, repoRoot, testEnvironment } from './support/tooling';
import { SCREENSHOT_DIR } from './support/workbench';

const gitStatus = (): string => execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: repoRoot, encoding: 'utf8' });

/** Resolves with the first stdout line matching `pattern`; rejects if the process ends first. */
function lineMatching(child: ChildProcess, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = pattern.exec(output);
      if (match) resolve(match);
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`npm start ended (${code}) before printing ${pattern}:\n${output}`)));
  });
}

/** Resolves once `condition` holds (checked every half second): VS Code writes the file when it gets to it. */
async function untilTrue(condition: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

describe('npm start (UI)', function () {
  this.timeout(240_000);
  let start: ChildProcess | undefined;
  let browser: Browser | undefined;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'nomad-start-profile-'));

  after(async () => {
    await browser?.close();
    if (start && start.exitCode === null) {
      const exited = new Promise((resolve) => start!.once('exit', resolve));
      start.kill('SIGINT');
      await exited;
    }
    fs.rmSync(profile, { recursive: true, force: true });
  });

  it('opens VS Code with the extension and examples/, and leaves git status as it was', async () => {
    const before = gitStatus();
    const manifestBefore = fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8');
    const port = await freePort();
    start = spawn(process.execPath, [path.join(repoRoot, 'scripts', 'start.js'), '--port', String(port)], {
      cwd: repoRoot,
      // A scratch profile, and no cluster of the developer's (nor whatever listens on the default address).
      env: await testEnvironment({ NOMAD_DEV_PROFILE: profile, NOMAD_ADDR: await deadAddress(), NOMAD_VSCODE_TEST_DIR: process.env.NOMAD_VSCODE_TEST_DIR }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const [, origin] = await lineMatching(start, /VS Code with Nomad Jobs: (http:\/\/127\.0\.0\.1:\d+)/);

    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(90_000);
    await page.goto(origin);
    const rows = page.locator('.explorer-folders-view .monaco-list-row');
    await rows.filter({ hasText: 'web.nomad.hcl' }).waitFor();
    await page.locator('.activitybar .action-item a[aria-label="Nomad"]').waitFor();
    assert.match(await page.locator('.explorer-folders-view').innerText(), /app\.nomad\.hcl[\s\S]*periodic\.nomad\.hcl/);
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'npm-start.png') });

    // VS Code's rewrite of the installed manifest lands in the profile's copy, not in the clone.
    const installed = fs.readdirSync(path.join(profile, 'extensions')).find((entry) => entry.startsWith('nomad-jobs.nomad-jobs-'));
    assert.ok(installed, 'the extension is installed in the profile');
    const copy = path.join(profile, 'extensions', installed, 'package.json');
    assert.ok(!fs.lstatSync(copy).isSymbolicLink(), 'the installed manifest is a copy');
    await untilTrue(() => fs.readFileSync(copy, 'utf8').includes('__metadata'), 'VS Code to record its metadata in the installed manifest', 60_000);
    assert.strictEqual(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'), manifestBefore, 'the clone\'s package.json is untouched');
    assert.strictEqual(gitStatus(), before, 'git status is as before npm start');
  });
});
