// nomad.restartJob, the way `nomad job restart` works: every running
// allocation of the job, restarted in place (the CLI's default) or
// rescheduled (its -reschedule: stop, and Nomad places a replacement), in
// batches with a wait between them, in a cancellable progress notification,
// ending with one summary of what restarted and what failed and why.
import { restartAllocation, stopAllocation } from '../../nomad/allocations';
import { parseGoDuration } from '../../nomad/duration';
import type { AllocationListStub, JobListStub } from '../../nomad/types';
import { abortableSleep } from '../../nomad/watch';
import { failureDetail, reportFailure, shortId, type ActionContext } from '../actions/actionContext';
import { ALLOC_LIFECYCLE, classifyAllocationFailure, describeAllocationError } from '../logs/allocationErrors';
import { isNotStopped, isParameterizedParent, isPeriodicParent, jobRefFrom, pickJob, type JobRef } from '../actions/targets';
import { batchesOf, restartInBatches, type RestartOutcome } from './restartBatches';

export type RestartMode = 'restart' | 'reschedule';
export const RESTART = 'Restart';
export const RESCHEDULE = 'Reschedule';

/** The wait between batches; the product's is abortableSleep, tests pass one that does not sleep. */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

export async function restartJob(ctx: ActionContext, arg?: unknown, sleep: Sleep = abortableSleep): Promise<void> {
  const job = jobRefFrom(arg) ?? (await pickJob(ctx, { title: 'Restart which job?', accepts: runsAllocations, noneMessage: 'No running jobs to restart.' }));
  if (!job) return;
  let allocations: AllocationListStub[];
  try {
    allocations = await runningAllocations(ctx, job);
  } catch (error) {
    reportFailure(ctx.ui, `Reading the allocations of "${job.id}"`, error);
    return;
  }
  if (allocations.length === 0) {
    ctx.ui.info(`Job "${job.id}" has no running allocations to restart.`);
    return;
  }
  const mode = await ctx.ui.pick<RestartMode>(
    [
      { label: 'Restart tasks in place', detail: 'Each allocation restarts its running tasks on the same node and keeps its id.', value: 'restart' },
      { label: 'Reschedule allocations', detail: 'Each allocation is stopped and Nomad places a replacement, possibly on another node (nomad job restart -reschedule).', value: 'reschedule' },
    ],
    { title: `Restart job "${job.id}": how?` },
  );
  if (!mode) return;
  const batchText = await ctx.ui.input({
    title: `Restart job "${job.id}": batch size`,
    prompt: `How many of its ${allocations.length} running allocations to restart at once: a number, or a percentage like 25%.`,
    value: '1',
    validate: batchSizeProblem,
  });
  if (batchText === undefined) return;
  const waitText = await ctx.ui.input({
    title: `Restart job "${job.id}": wait between batches`,
    prompt: 'How long to wait after one batch before starting the next, e.g. 0s, 30s or 1m.',
    value: '0s',
    validate: waitProblem,
  });
  if (waitText === undefined) return;
  const batchSize = batchSizeFor(batchText.trim(), allocations.length);
  const waitMs = parseGoDuration(waitText.trim());
  const verb = mode === 'restart' ? RESTART : RESCHEDULE;
  const batchCount = batchesOf(allocations, batchSize).length;
  const answer = await ctx.ui.confirm(`${verb} ${count(allocations.length, 'running allocation')} of job "${job.id}"?`, {
    detail:
      `${count(batchCount, 'batch', 'batches')} of up to ${batchSize}` +
      (batchCount > 1 ? `, waiting ${waitText.trim()} between batches. ` : '. ') +
      (mode === 'restart'
        ? 'Their tasks are stopped and started again on the same nodes.'
        : 'They are stopped; Nomad places replacements wherever the job fits.'),
    actions: [verb],
  });
  if (answer !== verb) return;
  let client: Awaited<ReturnType<ActionContext['getClient']>>;
  try {
    client = await ctx.getClient();
  } catch (error) {
    reportFailure(ctx.ui, `${verb === RESTART ? 'Restarting' : 'Rescheduling'} "${job.id}"`, error);
    return;
  }
  const restartOne = async (allocation: AllocationListStub): Promise<void> => {
    if (mode === 'restart') await restartAllocation(client, allocation.ID, { namespace: job.namespace });
    else await stopAllocation(client, allocation.ID, { namespace: job.namespace });
  };
  const outcome = await ctx.ui.withCancellableProgress(`${mode === 'restart' ? 'Restarting' : 'Rescheduling'} job "${job.id}"`, (signal, report) =>
    restartInBatches(allocations, { batchSize, waitMs, restartOne, sleep, signal, report }),
  );
  summarize(ctx, job, mode, outcome);
}

/** Periodic and parameterized parents never run allocations themselves; their children do. */
const runsAllocations = (job: JobListStub): boolean => isNotStopped(job) && !isPeriodicParent(job) && !isParameterizedParent(job);

/** Running allocations, as the CLI picks them: running on the client and still wanted by the scheduler. */
async function runningAllocations(ctx: ActionContext, job: JobRef): Promise<AllocationListStub[]> {
  const client = await ctx.getClient();
  const { value } = await client.jobAllocations(job.id, { namespace: job.namespace });
  return value
    .filter((a) => a.ClientStatus === 'running' && a.DesiredStatus === 'run')
    .sort((a, b) => a.Name.localeCompare(b.Name, undefined, { numeric: true }) || a.ID.localeCompare(b.ID));
}

const BATCH_SIZE = /^(\d+)(%?)$/;

export function batchSizeProblem(text: string): string | undefined {
  const match = BATCH_SIZE.exec(text.trim());
  if (!match) return `"${text}" is not a batch size; write a whole number like 2, or a percentage like 25%.`;
  const n = Number(match[1]);
  if (match[2] && (n < 1 || n > 100)) return 'A percentage batch size must be between 1% and 100%.';
  if (n < 1) return 'The batch size must be at least 1.';
  return undefined;
}

/** Allocations per batch; a percentage rounds up, as the CLI's -batch-size=n% does. */
export function batchSizeFor(text: string, total: number): number {
  const [, n, percent] = BATCH_SIZE.exec(text)!;
  return percent ? Math.max(1, Math.ceil((total * Number(n)) / 100)) : Number(n);
}

export function waitProblem(text: string): string | undefined {
  try {
    if (parseGoDuration(text.trim()) >= 0) return undefined;
  } catch {
    // Falls through to the message below.
  }
  return `"${text}" is not a wait; write a duration like 0s, 30s or 1m30s.`;
}

function summarize(ctx: ActionContext, job: JobRef, mode: RestartMode, outcome: RestartOutcome<AllocationListStub>): void {
  const done = mode === 'restart' ? 'Restarted' : 'Rescheduled';
  const parts = [`${done} ${count(outcome.restarted.length, 'allocation')} of job "${job.id}"${listOf(outcome.restarted)}.`];
  if (outcome.cancelled) parts.push(`Cancelled: ${count(outcome.notStarted.length, 'allocation')} not touched${listOf(outcome.notStarted)}.`);
  if (outcome.failed.length === 0) {
    ctx.ui.info(parts.join(' '));
    return;
  }
  const reasons = outcome.failed.map(({ allocation, error }) => `${shortId(allocation.ID)}: ${reasonFor(error, job.namespace)}`);
  parts.push(`${count(outcome.failed.length, 'allocation')} failed: ${reasons.join('; ')}`);
  ctx.ui.error(parts.join(' '), 'Run Restart Job… again to retry; allocations that restarted are restarted again too.');
}

function reasonFor(error: unknown, namespace: string | undefined): string {
  return classifyAllocationFailure(error) === 'other' ? failureDetail(error) : describeAllocationError(error, { ...ALLOC_LIFECYCLE, namespace });
}

function listOf(allocations: AllocationListStub[]): string {
  return allocations.length > 0 ? ` (${allocations.map((a) => shortId(a.ID)).join(', ')})` : '';
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
