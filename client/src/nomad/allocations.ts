// Allocation lifecycle endpoints: restart (served by the client node running
// the allocation, optionally one task) and stop (a server-side write that
// reschedules the allocation elsewhere).

/** The slice of NomadClient these need (its generic `call`), so tests can hand in a fake. */
export interface ApiCaller {
  call<T>(
    path: string,
    spec: { method?: string; body?: unknown; namespace?: string; signal?: AbortSignal; capability?: string; subject?: string },
  ): Promise<{ value: T; index: number }>;
}

export interface AllocationStopResponse {
  EvalID: string;
  Index: number;
  [key: string]: unknown;
}

export interface AllocationWriteOptions {
  namespace?: string;
  signal?: AbortSignal;
}

/** Restarts every task of the allocation in place, or only `task`; the allocation keeps its node. */
export async function restartAllocation(client: ApiCaller, allocId: string, opts: AllocationWriteOptions & { task?: string } = {}): Promise<void> {
  await client.call(`/v1/client/allocation/${encodeURIComponent(allocId)}/restart`, {
    method: 'POST',
    body: opts.task ? { TaskName: opts.task } : {},
    namespace: opts.namespace,
    signal: opts.signal,
    capability: 'alloc-lifecycle',
    subject: `allocation "${allocId}"`,
  });
}

/** Stops the allocation; Nomad creates an evaluation that places a replacement when the job still wants one. */
export async function stopAllocation(client: ApiCaller, allocId: string, opts: AllocationWriteOptions = {}): Promise<AllocationStopResponse> {
  const result = await client.call<AllocationStopResponse>(`/v1/allocation/${encodeURIComponent(allocId)}/stop`, {
    method: 'POST',
    namespace: opts.namespace,
    signal: opts.signal,
    capability: 'alloc-lifecycle',
    subject: `allocation "${allocId}"`,
  });
  return result.value;
}
