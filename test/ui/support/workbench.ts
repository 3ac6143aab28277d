// One test workbench: code-server with the extension, a scratch copy of
// examples/ as the workspace, and a headless Chromium page showing it.
// Open one per suite (`before`), close it in `after`.
//
// Which extension build: scripts/run-ui.js installs the packaged .vsix into
// NOMAD_UI_EXTENSIONS_DIR; without it (running mocha by hand) the extension is
// loaded from this repository's dist/ in development mode.
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { CodeServer, launchBrowser, makeExamplesWorkspace, WORKBENCH_VIEWPORT, repoRoot, startCodeServer, testEnvironment } from './tooling';

export interface WorkbenchOptions {
  /** Extra environment for the extension host, e.g. NOMAD_ADDR of a fake server. */
  env?: Record<string, string>;
  /** User settings on top of the test defaults. */
  settings?: Record<string, unknown>;
}

export const SCREENSHOT_DIR = path.join(repoRoot, 'test-results', 'ui');
const UI_TIMEOUT_MS = 30_000;

export class Workbench {
  private constructor(
    readonly page: Page,
    /** The workspace folder (a scratch copy of examples/). */
    readonly folder: string,
    private readonly browser: Browser,
    private readonly server: CodeServer,
    private readonly disposeWorkspace: () => void,
  ) {}

  static async open(options: WorkbenchOptions = {}): Promise<Workbench> {
    const workspace = makeExamplesWorkspace();
    const extensionsDir = process.env.NOMAD_UI_EXTENSIONS_DIR;
    const server = await startCodeServer({
      folder: workspace.folder,
      env: await testEnvironment(options.env),
      settings: options.settings,
      extensionsDir,
    });
    const browser = await launchBrowser();
    const page = await browser.newPage({ viewport: WORKBENCH_VIEWPORT });
    page.setDefaultTimeout(UI_TIMEOUT_MS);
    const workbench = new Workbench(page, workspace.folder, browser, server, workspace.dispose);
    try {
      const devPayload = JSON.stringify([['extensionDevelopmentPath', workbench.remotePath(repoRoot)]]);
      await page.goto(server.workbenchUrl(extensionsDir ? {} : { payload: devPayload }));
      // Ready when the workspace is listed and our activity-bar entry (from the extension's manifest) is there.
      await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 90_000 });
      await page.locator('.activitybar .action-item a[aria-label="Nomad"]').waitFor({ timeout: 90_000 });
    } catch (error) {
      await workbench.screenshot('workbench-did-not-open').catch(() => undefined);
      await workbench.close();
      throw error;
    }
    return workbench;
  }

  /** A file on the code-server machine as the workbench addresses it. */
  remotePath(file: string): string {
    return `vscode-remote://${new URL(this.server.origin).host}${file}`;
  }

  /** Saves a picture of the whole workbench as test-results/ui/<name>.png and returns its path. */
  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = path.join(SCREENSHOT_DIR, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  async close(): Promise<void> {
    await this.browser.close();
    await this.server.stop();
    this.disposeWorkspace();
  }
}
