// Jobs the actions and logs tests submit. They use raw_exec with /bin/sh so
// the same jobs run on a real `nomad agent -dev` (NOMAD_TEST_ADDR) and print
// something to follow; their ids come from testJobs.ts so cleanup can find
// them.
import type { Job, Task } from '../../../client/src/nomad/types';

function shellTask(name: string, script: string): Task {
  return { Name: name, Driver: 'raw_exec', Config: { command: '/bin/sh', args: ['-c', script] }, Resources: { CPU: 20, MemoryMB: 16 } };
}

/** A service printing a line a second on stdout and every fifth on stderr. */
export function tickingService(id: string, tasks = ['app'], count = 1): Job {
  const script = 'i=0; while true; do i=$((i+1)); echo "tick $i"; [ $((i % 5)) -eq 0 ] && echo "warn $i" >&2; sleep 1; done';
  return {
    ID: id, Name: id, Type: 'service', Datacenters: ['dc1'],
    TaskGroups: [{ Name: 'g', Count: count, Tasks: tasks.map((t) => shellTask(t, script)) }],
  };
}

/** A parameterized batch job: payload `payload`, meta required `customer`, optional `priority_hint` (default "low"). */
export function parameterizedBatch(id: string, payload: 'required' | 'optional' | 'forbidden' = 'optional'): Job {
  return {
    ID: id, Name: id, Type: 'batch', Datacenters: ['dc1'],
    ParameterizedJob: { Payload: payload, MetaRequired: ['customer'], MetaOptional: ['priority_hint'] },
    Meta: { priority_hint: 'low' },
    TaskGroups: [{ Name: 'g', Count: 1, Tasks: [shellTask('run', 'echo "dispatched for $NOMAD_META_customer"')] }],
  };
}

/** A periodic batch job that would run every 15 minutes. */
export function periodicBatch(id: string): Job {
  return {
    ID: id, Name: id, Type: 'batch', Datacenters: ['dc1'],
    Periodic: { Enabled: true, Spec: '*/15 * * * *', SpecType: 'cron', ProhibitOverlap: false, TimeZone: 'UTC' },
    TaskGroups: [{ Name: 'g', Count: 1, Tasks: [shellTask('run', 'echo periodic run')] }],
  };
}

/** A service whose task only sleeps: something to exec into, or run actions in (each `actions` entry becomes an `action` block). */
export function sleepingService(id: string, actions: { Name: string; Command: string; Args: string[] }[] = []): Job {
  const task = { ...shellTask('app', 'sleep 3600'), Actions: actions.length > 0 ? actions : undefined };
  return { ID: id, Name: id, Type: 'service', Datacenters: ['dc1'], TaskGroups: [{ Name: 'g', Count: 1, Tasks: [task] }] };
}

/** What greetingService's task writes to local/greeting.txt. */
export const GREETING = 'hello from the allocation\n';

/** A service whose task writes local/greeting.txt and sleeps: a known file in its allocation directory, on a real agent too. */
export function greetingService(id: string): Job {
  const task = shellTask('app', `printf '${GREETING.trim()}\\n' > local/greeting.txt; sleep 3600`);
  return { ID: id, Name: id, Type: 'service', Datacenters: ['dc1'], TaskGroups: [{ Name: 'g', Count: 1, Tasks: [task] }] };
}
