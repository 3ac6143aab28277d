// Reads test data from test/unit/client/features/plan/fixtures whatever folder the compiled tests run from.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

function fixturesDir(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'test', 'unit', 'client', 'features', 'plan', 'fixtures');
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`test/unit/client/features/plan/fixtures not found above ${__dirname}`);
}

export function fixtureText(name: string): string {
  return readFileSync(path.join(fixturesDir(), name), 'utf8');
}

export function fixtureJson<T>(name: string): T {
  return JSON.parse(fixtureText(name)) as T;
}
