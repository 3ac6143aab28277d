// Typed access to the project's JavaScript tooling in scripts/ (plain
// CommonJS that runs before anything is compiled, so it is loaded from the
// repository at run time rather than compiled into out/).
import * as path from 'path';
import type { Browser } from 'playwright-core';

/** out/test/ui/support -> repository root. */
export const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');

export interface CodeServer {
  port: number;
  origin: string;
  logFile: string;
  workbenchUrl(query?: Record<string, string>): string;
  stop(): Promise<void>;
}

export interface CodeServerOptions {
  folder?: string;
  settings?: Record<string, unknown>;
  env?: Record<string, string | undefined>;
  extensionsDir?: string;
}

function load<T>(relativePath: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(repoRoot, relativePath)) as T;
}

export const { startCodeServer, freePort } = load<{ startCodeServer(options: CodeServerOptions): Promise<CodeServer>; freePort(): Promise<number> }>(
  'scripts/code-server.js',
);
export const { launchBrowser, WORKBENCH_VIEWPORT } = load<{ launchBrowser(): Promise<Browser>; WORKBENCH_VIEWPORT: { width: number; height: number } }>(
  'scripts/lib/browser.js',
);
export const { makeExamplesWorkspace } = load<{ makeExamplesWorkspace(): { folder: string; dispose(): void } }>('scripts/lib/workspace.js');
export const { testEnvironment } = load<{
  testEnvironment(extra?: Record<string, string | undefined>): Promise<Record<string, string | undefined>>;
}>('scripts/lib/testEnv.js');
