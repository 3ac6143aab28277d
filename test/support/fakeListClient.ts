// A stand-in NomadClient for explorer unit tests and benchmarks: the job list answers at once,
// then each blocking query waits until the test pushes a new list or a failure (a change on the
// cluster), or the watch is disposed.
import type { QueryOptions, QueryResult } from '../../client/src/nomad/client';
import type { NomadError } from '../../client/src/nomad/errors';
import type { JobListStub } from '../../client/src/nomad/types';

export interface FakeListClient {
  readonly config: { address: string; namespace?: string; region?: string };
  listJobs(query: QueryOptions): Promise<QueryResult<JobListStub[]>>;
  /** Answers the waiting (or, when none waits, the next) blocking query with a new list. */
  push(jobs: JobListStub[]): void;
  /** Fails the waiting (or, when none waits, the next) list request. */
  fail(error: NomadError): void;
  /** Namespaces and regions asked for, one entry per list request. */
  readonly queries: QueryOptions[];
}

export function fakeListClient(initial: JobListStub[] | NomadError, address = 'http://127.0.0.1:4646'): FakeListClient {
  let index = 10;
  let waiting: { resolve(result: QueryResult<JobListStub[]>): void; reject(error: unknown): void } | undefined;
  let pendingFailure: NomadError | undefined = Array.isArray(initial) ? undefined : initial;
  let pendingList: JobListStub[] | undefined;
  const queries: QueryOptions[] = [];
  return {
    config: { address },
    queries,
    listJobs(query) {
      queries.push({ namespace: query.namespace, region: query.region, index: query.index });
      if (pendingFailure) {
        const failure = pendingFailure;
        pendingFailure = undefined;
        return Promise.reject(failure);
      }
      if (pendingList) {
        const value = pendingList;
        pendingList = undefined;
        return Promise.resolve({ value, index: ++index });
      }
      if (!query.index && Array.isArray(initial)) return Promise.resolve({ value: initial, index });
      return new Promise((resolve, reject) => {
        waiting = { resolve, reject };
        query.signal?.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
      });
    },
    push(jobs) {
      if (waiting) waiting.resolve({ value: jobs, index: ++index });
      else pendingList = jobs;
      waiting = undefined;
    },
    fail(error) {
      if (waiting) waiting.reject(error);
      else pendingFailure = error;
      waiting = undefined;
    },
  };
}
