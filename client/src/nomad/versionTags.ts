// Named job versions (Nomad 1.9+): a tag is a name and a description on one
// version, unique within the job.
import type { NomadClient, WriteOptions } from './client';
import type { Job } from './types';

export interface JobVersionTag {
  Name: string;
  Description?: string;
  /** Unix nanoseconds. */
  TaggedTime?: number;
  [key: string]: unknown;
}

/** The tag of a version, when it has one. */
export function versionTagOf(job: Job): JobVersionTag | undefined {
  const tag = job.VersionTag as JobVersionTag | null | undefined;
  return tag && typeof tag.Name === 'string' && tag.Name !== '' ? tag : undefined;
}

// Nomad splits the path on "/", so a tag name is one path segment.
const tagPath = (id: string, name: string): string => `/v1/job/${encodeURIComponent(id)}/versions/${encodeURIComponent(name)}/tag`;

/** Names `version` of the job; naming another version with a name already used is refused by Nomad. */
export async function tagVersion(client: Pick<NomadClient, 'call'>, id: string, version: number, name: string, description: string, opts: WriteOptions = {}): Promise<void> {
  await client.call(tagPath(id, name), { ...opts, method: 'PUT', body: { Version: version, Description: description }, capability: 'submit-job', subject: `job "${id}"` });
}

export async function untagVersion(client: Pick<NomadClient, 'call'>, id: string, name: string, opts: WriteOptions = {}): Promise<void> {
  await client.call(tagPath(id, name), { ...opts, method: 'DELETE', capability: 'submit-job', subject: `tag "${name}" of job "${id}"` });
}

/** A tag name Nomad accepts in its URL: one non-empty path segment. */
export function tagNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'Give the tag a name.';
  if (name.includes('/')) return 'A tag name cannot contain "/".';
  return undefined;
}
