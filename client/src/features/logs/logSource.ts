// Connects log documents to the cluster: each followed log is one streaming
// request that starts `tailBytes` before the end and follows from there.
import { streamTaskLogs, type StreamOpener } from '../../nomad/logs';
import type { LogSourceFactory } from './logDocuments';

export function clusterLogSource(getClient: () => Promise<StreamOpener>): LogSourceFactory {
  return (target, settings) =>
    async function* follow(signal: AbortSignal) {
      const client = await getClient();
      yield* streamTaskLogs(
        client,
        { allocId: target.allocId, task: target.task, type: target.type, follow: true, origin: 'end', offset: settings.tailBytes, namespace: target.namespace },
        signal,
      );
    };
}
