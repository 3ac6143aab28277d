// Connects log documents to the cluster: a task log is one streaming request
// that starts `tailBytes` before the end and follows from there; a job-wide
// log watches the job's allocations and opens one such stream per task.
import type { NomadClient } from '../../nomad/client';
import { streamTaskLogs } from '../../nomad/logs';
import { JobLogFollower } from './jobLogFollower';
import type { LogOpener } from './logDocuments';
import { LogFollower, type LogFrameSource } from './logFollower';
import { LogLineBuffer } from './logLineBuffer';
import type { LogSettings } from '../../settings';
import { jobLogTargetFromQuery, logTargetFromQuery, type LogType } from './logTarget';

type LogClient = Pick<NomadClient, 'openStream' | 'jobAllocations'>;

interface TaskStream {
  allocId: string;
  task: string;
  type: LogType;
  namespace?: string;
  /** Read from the start of the log instead of `tailBytes` before its end. */
  fromStart?: boolean;
}

function taskSource(getClient: () => Promise<LogClient>, stream: TaskStream, settings: LogSettings): LogFrameSource {
  return async function* follow(signal: AbortSignal) {
    const client = await getClient();
    const start = stream.fromStart ? { origin: 'start' as const, offset: 0 } : { origin: 'end' as const, offset: settings.tailBytes };
    yield* streamTaskLogs(client, { allocId: stream.allocId, task: stream.task, type: stream.type, follow: true, ...start, namespace: stream.namespace }, signal);
  };
}

/** `describeError` words a failure for the document, given the namespace the log is in. */
export function clusterLogOpener(getClient: () => Promise<LogClient>, describeError: (error: unknown, namespace?: string) => string): LogOpener {
  return (query, settings) => {
    const task = logTargetFromQuery(query);
    if (task) {
      return new LogFollower(taskSource(getClient, task, settings), new LogLineBuffer(settings.limits), {
        describeError: (error) => describeError(error, task.namespace),
      });
    }
    const job = jobLogTargetFromQuery(query);
    if (!job) return undefined;
    const { namespace, type } = job;
    return new JobLogFollower(
      job,
      {
        allocations: async (index, signal, wait) => (await getClient()).jobAllocations(job.jobId, { namespace, index, wait, signal }),
        task: (allocId, name, fromStart) => taskSource(getClient, { allocId, task: name, type, namespace, fromStart }, settings),
        describeError: (error) => describeError(error, namespace),
      },
      settings.limits,
    );
  };
}
