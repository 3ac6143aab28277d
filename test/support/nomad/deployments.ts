// The deployment write endpoints of the fake, as Nomad 1.0's HTTP handlers and
// Deployment RPCs answer them: promote (all or some groups), pause and resume,
// fail, and manual allocation health, plus the deployment's allocations.
// Refusals keep Nomad's order, status codes and texts (an RPC's plain error is
// a 500); a successful change answers a DeploymentUpdateResponse.
import { ACTIVE_DEPLOYMENT_STATUSES } from '../../../client/src/nomad/deploymentStates';
import type { Deployment } from '../../../client/src/nomad/types';
import { HttpError } from './httpError';
import { decodeBody } from './jobWrites';
import { allocationStub, DEPLOYMENT_DESCRIPTIONS, newAllocation, newEvaluation } from './records';
import type { Route, RouteRequest } from './routes';
import { converge, stopAllocation } from './scheduler';
import type { FakeNomadState } from './state';

type Obj = Record<string, unknown>;
type Verb = 'promote' | 'pause' | 'fail' | 'allocation-health';


const TERMINAL_REFUSAL: Record<Verb, string> = {
  promote: "can't promote terminal deployment",
  fail: "can't fail terminal deployment",
  pause: "can't pause terminal deployment",
  'allocation-health': "can't set health of allocations for a terminal deployment",
};

/** The HTTP handler's own checks of a body that names the deployment (fail takes no body). */
function bodyFor(verb: Verb, req: RouteRequest, id: string): Obj {
  if (verb === 'fail') return {};
  const body = decodeBody(req.body);
  if (!body.DeploymentID) throw new HttpError(400, 'DeploymentID must be specified');
  if (body.DeploymentID !== id) throw new HttpError(400, 'Deployment ID does not match');
  return body;
}

function activeDeployment(state: FakeNomadState, id: string, verb: Verb, resume: boolean): Deployment {
  const deployment = state.deployments.get(id);
  if (!deployment) throw new HttpError(500, 'deployment not found');
  if (!ACTIVE_DEPLOYMENT_STATUSES.has(deployment.Status)) throw new HttpError(500, resume ? "can't resume terminal deployment" : TERMINAL_REFUSAL[verb]);
  return deployment;
}

/** Stamps the change and, when Nomad creates one, an evaluation of the job; answers like Nomad. */
function updated(state: FakeNomadState, deployment: Deployment, withEvaluation: boolean): Obj {
  const index = state.commit('deployment', 'allocs', 'job_summary');
  deployment.ModifyIndex = index;
  let evalId = '';
  const job = state.job(String(deployment.Namespace), deployment.JobID)?.current;
  if (withEvaluation && job) {
    const evaluation = newEvaluation({ job, triggeredBy: 'deployment-watcher', raftIndex: index, nowMs: state.clock(), deploymentId: deployment.ID });
    state.evaluations.set(evaluation.ID, evaluation);
    state.stamp('evals');
    evalId = evaluation.ID;
  }
  if (state.autoConverge) converge(state);
  state.notify();
  return { DeploymentModifyIndex: index, EvalCreateIndex: evalId ? index : 0, EvalID: evalId, Index: index, RevertedJobVersion: null };
}

function promote(state: FakeNomadState, deployment: Deployment, body: Obj): Obj {
  const all = body.All === true;
  const chosen = new Set(Array.isArray(body.Groups) ? body.Groups.map(String) : []);
  const groups = Object.entries(deployment.TaskGroups ?? {}).filter(([name, g]) => (all || chosen.has(name)) && (g.DesiredCanaries ?? 0) > 0);
  const allocations = [...state.allocations.values()].filter((a) => a.DeploymentID === deployment.ID);
  const problems = groups
    .map(([name, g]) => {
      const healthy = allocations.filter((a) => a.TaskGroup === name && (g.PlacedCanaries ?? []).includes(a.ID) && a.DeploymentStatus?.Healthy === true).length;
      return healthy < (g.DesiredCanaries ?? 0) ? `Task group "${name}" has ${healthy}/${g.DesiredCanaries} healthy allocations` : undefined;
    })
    .filter((problem): problem is string => problem !== undefined);
  if (problems.length) {
    throw new HttpError(500, `${problems.length} error${problems.length === 1 ? '' : 's'} occurred:\n${problems.map((p) => `\t* ${p}`).join('\n')}\n\n`);
  }
  const job = state.job(String(deployment.Namespace), deployment.JobID)?.current;
  const index = state.commit('allocs');
  for (const [name, group] of groups) {
    if (group.Promoted) continue;
    group.Promoted = true;
    // The canaries become ordinary members; the previous version's allocations make way for the rest.
    const canaries = allocations.filter((a) => (group.PlacedCanaries ?? []).includes(a.ID));
    for (const canary of canaries) canary.DeploymentStatus = { ...canary.DeploymentStatus, Canary: false };
    const old = [...state.allocations.values()].filter(
      (a) => a.JobID === deployment.JobID && a.TaskGroup === name && a.DesiredStatus === 'run' && a.DeploymentID !== deployment.ID,
    );
    old.forEach((a) => stopAllocation(state, a, index, 'alloc is being updated due to job update'));
    for (let i = canaries.length; job && i < (group.DesiredTotal ?? 0); i++) {
      const alloc = newAllocation({ job, group: name, index: i, evalId: '', deploymentId: deployment.ID, raftIndex: index, nowMs: state.clock() });
      state.allocations.set(alloc.ID, alloc);
    }
    group.PlacedAllocs = group.DesiredTotal;
  }
  deployment.StatusDescription = DEPLOYMENT_DESCRIPTIONS.running;
  return updated(state, deployment, true);
}

function setHealth(state: FakeNomadState, deployment: Deployment, body: Obj): Obj {
  const healthy = Array.isArray(body.HealthyAllocationIDs) ? body.HealthyAllocationIDs.map(String) : [];
  const unhealthy = Array.isArray(body.UnhealthyAllocationIDs) ? body.UnhealthyAllocationIDs.map(String) : [];
  for (const id of [...healthy, ...unhealthy]) {
    const alloc = state.allocations.get(id);
    if (!alloc) throw new HttpError(500, `unknown alloc "${id}"`);
    if (alloc.DeploymentID !== deployment.ID) throw new HttpError(500, `alloc "${id}" is not part of deployment "${deployment.ID}"`);
  }
  const timestamp = new Date(state.clock()).toISOString();
  for (const [ids, value] of [[healthy, true], [unhealthy, false]] as const) {
    for (const id of ids) {
      const alloc = state.allocations.get(id)!;
      alloc.DeploymentStatus = { ...alloc.DeploymentStatus, Healthy: value, ModifyIndex: state.index + 1, Timestamp: timestamp };
    }
  }
  if (unhealthy.length) Object.assign(deployment, { Status: 'failed', StatusDescription: DEPLOYMENT_DESCRIPTIONS.failed });
  return updated(state, deployment, true);
}

function change(verb: Verb): Route['methods'] {
  const handler = {
    answer: (req: RouteRequest): unknown => {
      const id = req.params[0];
      const body = bodyFor(verb, req, id);
      if (verb === 'allocation-health' && !(Array.isArray(body.HealthyAllocationIDs) && body.HealthyAllocationIDs.length) && !(Array.isArray(body.UnhealthyAllocationIDs) && body.UnhealthyAllocationIDs.length)) {
        throw new HttpError(500, 'must specify at least one healthy/unhealthy allocation ID');
      }
      const resume = verb === 'pause' && body.Pause !== true;
      const deployment = activeDeployment(req.state, id, verb, resume);
      switch (verb) {
        case 'promote':
          return promote(req.state, deployment, body);
        case 'fail':
          Object.assign(deployment, { Status: 'failed', StatusDescription: DEPLOYMENT_DESCRIPTIONS.failedByUser });
          return updated(req.state, deployment, true);
        case 'pause':
          Object.assign(deployment, resume ? { Status: 'running', StatusDescription: DEPLOYMENT_DESCRIPTIONS.running } : { Status: 'paused', StatusDescription: DEPLOYMENT_DESCRIPTIONS.paused });
          // Resuming makes Nomad evaluate the job again; pausing does not.
          return updated(req.state, deployment, resume);
        case 'allocation-health':
          return setHealth(req.state, deployment, body);
      }
    },
  };
  return { PUT: handler, POST: handler };
}

export function deploymentRoutes(): Route[] {
  const verbs: Verb[] = ['promote', 'pause', 'fail', 'allocation-health'];
  return [
    ...verbs.map((verb) => ({ pattern: new RegExp(`^/v1/deployment/${verb}/([^/]+)$`), methods: change(verb) })),
    {
      pattern: /^\/v1\/deployment\/allocations\/([^/]+)$/,
      methods: {
        GET: {
          read: ({ state, params }) => ({
            value: [...state.allocations.values()].filter((a) => a.DeploymentID === params[0]).map(allocationStub),
            index: state.tableIndex('allocs'),
          }),
        },
      },
    },
  ];
}
