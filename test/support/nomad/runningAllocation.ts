// The allocation of a job that runs `task` (at once on the fake, a few seconds on a real agent).
import type { NomadClient } from '../../../client/src/nomad/client';
import type { AllocationListStub } from '../../../client/src/nomad/types';
import { follow } from './testJobs';

const runs = (task: string) => (a: AllocationListStub): boolean => a.ClientStatus === 'running' && a.TaskStates?.[task]?.State === 'running';

export async function runningAllocation(client: Pick<NomadClient, 'jobAllocations'>, jobId: string, task: string): Promise<AllocationListStub> {
  const allocations = await follow((q) => client.jobAllocations(jobId, q), (list) => list.some(runs(task)), `a running allocation of ${jobId}`);
  return allocations.find(runs(task))!;
}
