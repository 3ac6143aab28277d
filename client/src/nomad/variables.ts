// Nomad Variables (1.4+): list by path prefix, read, write and delete with
// check-and-set. Item values are secrets: nothing here logs them, and a
// refused write's body (which carries the cluster's items) never becomes an
// error message; it is returned as the conflict instead.
import type { NomadClient, QueryOptions, WriteOptions } from './client';
import { isNomadError } from './errors';

/** A variable lock (Nomad 1.7+); its ID is only shown to the holder and management tokens. */
export interface VariableLock {
  ID?: string;
  TTL?: string;
  LockDelay?: string;
  [key: string]: unknown;
}

/** A row of GET /v1/vars: everything but the items. */
export interface VariableMetadata {
  Namespace: string;
  Path: string;
  CreateIndex: number;
  ModifyIndex: number;
  /** Unix nanoseconds. */
  CreateTime: number;
  ModifyTime: number;
  Lock?: VariableLock | null;
  [key: string]: unknown;
}

export type VariableItems = Record<string, string>;

export interface Variable extends VariableMetadata {
  Items: VariableItems | null;
}

export type VariableClient = Pick<NomadClient, 'call'>;

/** What a check-and-set write or delete came to: done, or refused because the variable is not at the expected index. */
export type CasOutcome<T> = { kind: 'done'; value: T } | { kind: 'conflict'; current: Variable };

const varPath = (path: string): string => `/v1/var/${path.split('/').map(encodeURIComponent).join('/')}`;

export function listVariables(client: VariableClient, q: QueryOptions & { prefix?: string } = {}) {
  return client.call<VariableMetadata[]>('/v1/vars', { ...q, query: { prefix: q.prefix || undefined }, capability: 'variables:list', subject: 'variables' });
}

export function readVariable(client: VariableClient, path: string, q: QueryOptions = {}) {
  return client.call<Variable>(varPath(path), { ...q, capability: 'variables:read', subject: `variable "${path}"` });
}

/**
 * Writes the items on condition that the variable is still at `cas` (its ModifyIndex when read; 0 = only if it
 * does not exist yet), as `nomad var put -check-index` does.
 */
export async function writeVariable(client: VariableClient, path: string, items: VariableItems, cas: number, opts: WriteOptions = {}): Promise<CasOutcome<Variable>> {
  const outcome = await casCall(
    client.call<Variable | null>(varPath(path), { ...opts, method: 'PUT', query: { cas }, body: { Path: path, Items: items }, capability: 'variables:write', subject: `variable "${path}"` }),
  );
  if (outcome.kind === 'conflict' || outcome.value !== null) return outcome as CasOutcome<Variable>;
  // Nothing changed, so Nomad wrote nothing and sent `null`: the variable is as it was.
  return { kind: 'done', value: (await readVariable(client, path, opts)).value };
}

/** Deletes on condition that the variable is still at `cas`. */
export function deleteVariable(client: VariableClient, path: string, cas: number, opts: WriteOptions = {}): Promise<CasOutcome<undefined>> {
  return casCall(
    client.call<undefined>(varPath(path), { ...opts, method: 'DELETE', query: { cas }, capability: 'variables:destroy', subject: `variable "${path}"` }).then(() => ({ value: undefined })),
  );
}

async function casCall<T>(request: Promise<{ value: T }>): Promise<CasOutcome<T>> {
  try {
    return { kind: 'done', value: (await request).value };
  } catch (error) {
    if (isNomadError(error) && error.status === 409) {
      const current = conflictBody(error.serverText);
      if (current) return { kind: 'conflict', current };
      // Nomad's plain-text CAS errors carry no variable; report them without the body either way.
      throw new Error('Nomad refused the change because the variable changed meanwhile.');
    }
    throw error;
  }
}

function conflictBody(text: string | undefined): Variable | undefined {
  try {
    const value = JSON.parse(text ?? '') as Variable;
    return typeof value === 'object' && value !== null && typeof value.Path === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Nomad's rule for variable paths (structs.ValidatePath), so a bad path is explained before anything is sent. */
export function variablePathProblem(path: string): string | undefined {
  if (path === '') return 'Give the variable a path, such as nomad/jobs/web or app/config.';
  if (!/^[a-zA-Z0-9\-_~/]{1,128}$/.test(path)) return 'A path has at most 128 characters: letters, digits, "-", "_", "~" and "/".';
  const parts = path.split('/');
  if (parts[0] !== 'nomad') return undefined;
  if (parts.length === 1) return '"nomad" is reserved; write below nomad/jobs or nomad/job-templates instead.';
  if (parts[1] === 'jobs') return undefined;
  if (parts[1] === 'job-templates') return parts.length === 3 ? undefined : 'Under nomad/job-templates a variable needs exactly one more segment, e.g. nomad/job-templates/web.';
  return 'Under "nomad/" only nomad/jobs and nomad/job-templates paths are allowed.';
}
