// Where an object lives in the cluster's own web UI (served by every agent
// under /ui), following the routes of Nomad's ui/app/router.js for the
// connected version. No VS Code here.
import { versionAtLeast } from '../../nomad/agent';

export type UiTarget =
  | { kind: 'job'; id: string; namespace?: string }
  | { kind: 'allocation'; id: string; task?: string }
  | { kind: 'evaluation'; id: string; jobId?: string; namespace?: string }
  | { kind: 'deployment'; id: string; jobId: string; namespace?: string }
  | { kind: 'node'; id: string };

/** Job routes became `jobs/<id>@<namespace>` in 1.3; before, the namespace was a query parameter. */
const JOB_ID_WITH_NAMESPACE_SINCE = '1.3.0';
/** The cluster-wide evaluations page (with `currentEval` selecting one) exists since 1.3. */
const EVALUATIONS_PAGE_SINCE = '1.3.0';

const segment = encodeURIComponent;

function jobPath(id: string, namespace: string | undefined, version: string | undefined, page = ''): string {
  const ns = namespace || 'default';
  // An unknown version is taken as a current one: that is what most clusters run.
  if (version === undefined || versionAtLeast(version, JOB_ID_WITH_NAMESPACE_SINCE)) return `/ui/jobs/${segment(`${id}@${ns}`)}${page}`;
  return `/ui/jobs/${segment(id)}${page}?namespace=${segment(ns)}`;
}

/** The UI page of `target` on the agent at `address`; undefined when the version has no page for it. */
export function nomadUiUrl(address: string, target: UiTarget, version: string | undefined): string | undefined {
  const base = address.replace(/\/+$/, '');
  switch (target.kind) {
    case 'job':
      return base + jobPath(target.id, target.namespace, version);
    case 'allocation':
      return `${base}/ui/allocations/${segment(target.id)}${target.task ? `/${segment(target.task)}` : ''}`;
    case 'evaluation':
      if (version === undefined || versionAtLeast(version, EVALUATIONS_PAGE_SINCE)) return `${base}/ui/evaluations?currentEval=${segment(target.id)}`;
      return target.jobId ? base + jobPath(target.jobId, target.namespace, version, '/evaluations') : undefined;
    case 'deployment':
      // The UI shows deployments on the job's page, without one page per deployment.
      return base + jobPath(target.jobId, target.namespace, version, '/deployments');
    case 'node':
      return `${base}/ui/clients/${segment(target.id)}`;
  }
}

type Bag = Record<string, unknown>;
const bag = (value: unknown): Bag | undefined => (typeof value === 'object' && value !== null ? (value as Bag) : undefined);
const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** The UI target of a Jobs-tree row (job, allocation, task, evaluation, deployment or node row). */
export function uiTargetFrom(row: unknown): UiTarget | undefined {
  const node = bag(row);
  if (!node) return undefined;
  const objectId = (key: string): { object: Bag; id: string } | undefined => {
    const object = bag(node[key]);
    const id = str(object?.ID);
    return object && id ? { object, id } : undefined;
  };
  const evaluation = objectId('evaluation');
  if (evaluation) return { kind: 'evaluation', id: evaluation.id, jobId: str(evaluation.object.JobID), namespace: str(evaluation.object.Namespace) };
  const deployment = objectId('deployment');
  const deploymentJob = deployment && str(deployment.object.JobID);
  if (deployment && deploymentJob) return { kind: 'deployment', id: deployment.id, jobId: deploymentJob, namespace: str(deployment.object.Namespace) };
  const allocation = objectId('allocation');
  if (allocation) return { kind: 'allocation', id: allocation.id, task: typeof node.task === 'string' ? node.task : undefined };
  const job = objectId('stub');
  if (job && node.kind === 'job') return { kind: 'job', id: job.id, namespace: str(job.object.Namespace) };
  const clientNode = objectId('node');
  if (clientNode && node.kind === 'clientNode') return { kind: 'node', id: clientNode.id };
  return undefined;
}
