// Where each kind of `nomad:` document comes from, and how its content is rendered.
import type { Fetcher } from '../../explorer/liveResource';
import type { NomadClient } from '../../nomad/client';
import { NomadError } from '../../nomad/errors';
import type { Job } from '../../nomad/types';
import { readJobSubmission, type JobSubmission } from '../../nomad/submissions';
import { jobSpecView, readableJobSpec, renderJson } from './jobSpecView';
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
    case 'node':
      return (index, signal) => client.readNode(ref.id, { region: ref.region, index, signal });
    case 'source':
      return async (_index, signal) => {
        const submission = await readJobSubmission(client, ref.id, ref.version, { namespace: ref.namespace, region: ref.region, signal });
        if (!submission) {
          throw new NomadError({
            kind: 'notFound',
            message: `Version ${ref.version} of job "${ref.id}" was submitted without its source`,
            advice: 'Only runs from Nomad 1.6 on that send the job file keep it; open the version as JSON instead.',
          });
        }
        return { value: submission, index: 0 };
      };
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
  // Only the job file itself: the variable values sent with it may be secrets.
  if (ref.kind === 'source') return (value as JobSubmission).Source;
  if (ref.kind !== 'job') return renderJson(value);
  const job = ref.view === 'readable' ? readableJobSpec(value as Job) : ref.view === 'spec' ? jobSpecView(value as Job) : value;
  return renderJson(ref.wrap ? { Job: job } : job);
}
