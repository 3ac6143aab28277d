// Waits until a job's allocation runs the task (at once on the fake, a few
// seconds on a real agent), polling the API rather than sleeping.
import type { NomadClient } from '../../../client/src/nomad/client';
import type { AllocationListStub } from '../../../client/src/nomad/types';

export async function runningAllocation(client: Pick<NomadClient, 'jobAllocations'>, jobId: string, task: string, timeoutMs = 60_000): Promise<AllocationListStub> {
  const deadline = Date.now() + timeoutMs;
  let index = 0;
  for (;;) {
    const result = await client.jobAllocations(jobId, { index, wait: '2s' });
    const running = result.value.find((a) => a.ClientStatus === 'running' && a.TaskStates?.[task]?.State === 'running');
    if (running) return running;
    if (Date.now() > deadline) throw new Error(`no running allocation of ${jobId} after ${timeoutMs} ms`);
    index = result.index;
  }
}
