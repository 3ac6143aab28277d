// Where each kind of `nomad:` document comes from, and how its content is rendered.
import type { Fetcher } from '../../explorer/liveResource';
import type { NomadClient } from '../../nomad/client';
import { NomadError } from '../../nomad/errors';
import type { Job } from '../../nomad/types';
import { jobSpecView, renderJson } from './jobSpecView';
import type { DocRef } from './nomadUri';

type ServerRef = Exclude<DocRef, { kind: 'local' }>;

/** A blocking-query fetcher for the object a document shows. */
export function fetcherFor(client: NomadClient, ref: ServerRef): Fetcher<unknown> {
  const query = (index: number, signal: AbortSignal) => ({ namespace: ref.namespace, region: ref.region, index, signal });
  switch (ref.kind) {
    case 'job':
      if (ref.version !== undefined) return (index, signal) => readJobVersion(client, ref.id, ref.version!, query(index, signal));
      return (index, signal) => client.readJob(ref.id, query(index, signal));
    case 'allocation':
      return (index, signal) => client.readAllocation(ref.id, query(index, signal));
    case 'evaluation':
      return (index, signal) => client.readEvaluation(ref.id, query(index, signal));
    case 'deployment':
      return (index, signal) => client.readDeployment(ref.id, query(index, signal));
  }
}

async function readJobVersion(client: NomadClient, id: string, version: number, query: Parameters<NomadClient['jobVersions']>[1]) {
  const result = await client.jobVersions(id, query);
  const match = (result.value.Versions ?? []).find((v) => (v.Version ?? 0) === version);
  if (!match) {
    throw new NomadError({
      kind: 'notFound',
      message: `Job "${id}" has no version ${version}`,
      advice: 'Old versions are garbage-collected; pick a version the job still lists.',
    });
  }
  return { ...result, value: match };
}

export function renderDocument(ref: ServerRef, value: unknown): string {
  if (ref.kind !== 'job') return renderJson(value);
  const job = ref.view === 'spec' ? jobSpecView(value as Job) : value;
  return renderJson(ref.wrap ? { Job: job } : job);
}
