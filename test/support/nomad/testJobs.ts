// Names and cleanup for the jobs tests register. On a real agent
// (NOMAD_TEST_ADDR) jobs outlive the test process, so every id carries a
// prefix cleanup can find and a per-process suffix: a second run, or another
// suite on the same agent, never finds "its" job already there (which would
// make a register a no-op that wakes no blocking query).
import type { NomadClient, QueryResult } from '../../../client/src/nomad/client';

export const TEST_JOB_PREFIX = 'actions-test-';

const RUN = `${process.pid.toString(36)}${Date.now().toString(36)}`;

/** `actions-test-<name>-<run>`: unique to this test process. */
export function testJobId(name: string): string {
  return `${TEST_JOB_PREFIX}${name}-${RUN}`;
}

/** Stops and purges this process's test jobs (children first: purging a parent leaves them behind). */
export async function purgeTestJobs(client: NomadClient): Promise<void> {
  const { value: jobs } = await client.listJobs({ prefix: TEST_JOB_PREFIX });
  const ours = jobs.filter((job) => job.ID.includes(RUN));
  const ordered = [...ours].sort((a, b) => Number(Boolean(b.ParentID)) - Number(Boolean(a.ParentID)));
  for (const job of ordered) await client.deleteJob(job.ID, { purge: true }).catch(() => undefined);
}

/**
 * Follows a read with blocking queries until `done` holds, and returns the
 * value that satisfied it: how tests wait for the scheduler (instant on the
 * fake, seconds on a real agent) without sleeping.
 */
export async function follow<T>(
  read: (query: { index?: number; wait?: string }) => Promise<QueryResult<T>>,
  done: (value: T) => boolean,
  what: string,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let result = await read({});
  while (!done(result.value)) {
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${JSON.stringify(result.value).slice(0, 400)}`);
    result = await read({ index: Math.max(result.index, 1), wait: `${Math.min(left, 10_000)}ms` });
  }
  return result.value;
}
