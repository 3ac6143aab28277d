// Plugs task logs and the allocation lifecycle endpoints into the fake Nomad:
//   GET  /v1/client/fs/logs/:alloc            (FakeTaskLogs)
//   POST /v1/client/allocation/:alloc/restart  restart one task or all, in place
//   POST /v1/allocation/:alloc/stop            stop it; the scheduler places a replacement
// plus `logsTarget()`, the logs-aware twin of nomadTarget() for tests that
// need to make a task print.
import type { StoredAllocation } from './records';
import { nanos, taskState } from './records';
import { HttpError } from './httpError';
import { FakeTaskLogs } from './logsFake';
import { installAllocFiles, type FakeAllocFiles } from './allocFiles';
import { schedule, setClientStatus } from './scheduler';
import type { RouteRequest } from './routes';
import { startFakeNomad, type FakeNomad, type FakeNomadOptions } from './server';
import type { FakeNomadState } from './state';
import { nomadTarget } from './target';

export function taskNamesOf(alloc: StoredAllocation | undefined): string[] {
  if (!alloc) return [];
  const fromStates = Object.keys(alloc.TaskStates ?? {});
  if (fromStates.length > 0) return fromStates;
  const group = alloc.Job.TaskGroups?.find((g) => g.Name === alloc.TaskGroup);
  return (group?.Tasks ?? []).map((t) => String(t.Name));
}

function tokenOf(req: RouteRequest): string | undefined {
  const header = req.raw.headers['x-nomad-token'];
  return Array.isArray(header) ? header[0] : header;
}

function allocationOrRefuse(state: FakeNomadState, id: string): StoredAllocation {
  const alloc = state.allocations.get(id);
  if (!alloc) throw new HttpError(404, `Unknown allocation "${id}"`);
  return alloc;
}

/** Adds the routes to a running fake and returns the logs its tests drive. */
export function installTaskLogs(fake: FakeNomad): FakeTaskLogs {
  const { state } = fake;
  const logs = new FakeTaskLogs((id) => state.allocations.has(id), (id) => taskNamesOf(state.allocations.get(id)));
  fake.addRoute({
    pattern: /^\/v1\/client\/fs\/logs\/([^/]+)$/,
    methods: { GET: { raw: (req, res) => logs.handle({ allocId: req.params[0], query: req.query, token: tokenOf(req) }, req.raw, res) } },
  });
  const restart = { answer: (req: RouteRequest) => restartAllocation(state, logs, req) };
  fake.addRoute({ pattern: /^\/v1\/client\/allocation\/([^/]+)\/restart$/, methods: { POST: restart, PUT: restart } });
  const stop = { answer: (req: RouteRequest) => stopAllocation(state, logs, req.params[0]) };
  fake.addRoute({ pattern: /^\/v1\/allocation\/([^/]+)\/stop$/, methods: { POST: stop, PUT: stop } });
  return logs;
}

/** Like a client: the named task (or every task) records a user restart and runs again; the allocation stays. */
function restartAllocation(state: FakeNomadState, logs: FakeTaskLogs, req: RouteRequest): { Index: number } {
  const id = req.params[0];
  const alloc = allocationOrRefuse(state, id);
  if (logs.unreachable.has(id)) throw new HttpError(500, 'failed to reach client: no path to node');
  const body = req.body ? (JSON.parse(req.body) as { TaskName?: string }) : {};
  const tasks = taskNamesOf(alloc);
  if (body.TaskName && !tasks.includes(body.TaskName)) throw new HttpError(500, `Could not find task runner for task: ${body.TaskName}`);
  const now = state.clock();
  const index = state.commit('allocs');
  for (const task of body.TaskName ? [body.TaskName] : tasks) {
    const taskStateNow = alloc.TaskStates?.[task] ?? taskState('running', now);
    const at = (type: string, display: string, extra: Record<string, unknown> = {}) => ({ Type: type, DisplayMessage: display, Time: nanos(now), Details: {}, ...extra });
    taskStateNow.Events = [
      ...(taskStateNow.Events ?? []),
      at('Restart Signaled', 'User requested restart', { RestartReason: 'User requested restart' }),
      at('Terminated', 'Exit Code: 0, Signal: 15', { ExitCode: 0, Signal: 15, Details: { exit_code: '0', signal: '15', oom_killed: 'false' } }),
      at('Restarting', 'Task restarting in 0s', { RestartReason: 'User requested restart' }),
      at('Started', 'Task started by client'),
    ];
    taskStateNow.Restarts = (taskStateNow.Restarts ?? 0) + 1;
    taskStateNow.LastRestart = new Date(now).toISOString();
    taskStateNow.State = 'running';
    alloc.TaskStates = { ...(alloc.TaskStates ?? {}), [task]: taskStateNow };
  }
  alloc.ModifyIndex = index;
  state.notify();
  return { Index: index };
}

/** Stops the allocation and lets the fake scheduler replace it when the job still wants it. */
function stopAllocation(state: FakeNomadState, logs: FakeTaskLogs, id: string): { EvalID: string; Index: number } {
  const alloc = allocationOrRefuse(state, id);
  const index = state.commit('allocs', 'job_summary');
  alloc.DesiredStatus = 'stop';
  alloc.DesiredDescription = 'alloc was stopped by a user';
  setClientStatus(state, alloc, 'complete', index);
  for (const task of taskNamesOf(alloc)) logs.finish(id, task);
  const rec = state.job(alloc.Namespace ?? 'default', alloc.JobID);
  const evaluation = rec ? schedule(state, rec, 'alloc-stop', { newVersion: false }) : undefined;
  state.notify();
  return { EvalID: evaluation?.ID ?? '', Index: state.index };
}

export interface LogsTarget {
  address: string;
  token?: string;
  /** Present only against the fake. */
  fake?: FakeNomad;
  logs?: FakeTaskLogs;
  /** The allocations' directories (fs ls/stat/cat); present only against the fake. */
  files?: FakeAllocFiles;
  close(): Promise<void>;
}

/** A real agent when NOMAD_TEST_ADDR is set (see target.ts), otherwise a fake with task logs installed. */
export async function logsTarget(options: FakeNomadOptions = {}): Promise<LogsTarget> {
  const real = process.env.NOMAD_TEST_ADDR;
  if (real) {
    const target = await nomadTarget(options);
    return { address: target.address, token: target.token, close: () => target.close() };
  }
  const fake = await startFakeNomad(options);
  const logs = installTaskLogs(fake);
  const files = installAllocFiles(fake, (id) => (fake.state.allocations.has(id) ? taskNamesOf(fake.state.allocations.get(id)) : undefined));
  if (options.acl?.readToken) logs.logsDeniedTokens.add(options.acl.readToken);
  return {
    address: fake.address,
    token: options.acl?.managementToken,
    fake,
    logs,
    files,
    close: async () => {
      logs.dispose();
      await fake.close();
    },
  };
}
