// The client types checked against real responses at compile time: each
// recorded body is imported as JSON and assigned to the type the client
// returns for it, so a type that does not fit real data breaks the build.
import * as assert from 'assert';
import type {
  AgentSelf,
  AllocationListStub,
  Deployment,
  Evaluation,
  Job,
  JobDeregisterResponse,
  JobDispatchResponse,
  JobListStub,
  JobPlanResponse,
  JobRegisterResponse,
  JobStabilityResponse,
  JobSummary,
  JobVersionsResponse,
  PeriodicForceResponse,
} from '../../../../client/src/nomad/types';
import agentSelf from '../../../support/nomad/recorded/agent-self.json';
import allocations from '../../../support/nomad/recorded/job-allocations-batch.json';
import deployment from '../../../support/nomad/recorded/job-deployment.json';
import deregister from '../../../support/nomad/recorded/job-delete.json';
import dispatch from '../../../support/nomad/recorded/job-dispatch.json';
import evaluations from '../../../support/nomad/recorded/job-evaluations.json';
import force from '../../../support/nomad/recorded/job-periodic-force.json';
import plan from '../../../support/nomad/recorded/job-plan-diff.json';
import planNoDiff from '../../../support/nomad/recorded/job-plan-nodiff.json';
import parameterizedJob from '../../../support/nomad/recorded/job-read-parameterized.json';
import periodicJob from '../../../support/nomad/recorded/job-read-periodic.json';
import job from '../../../support/nomad/recorded/job-read.json';
import stable from '../../../support/nomad/recorded/job-stable.json';
import summary from '../../../support/nomad/recorded/job-summary.json';
import versions from '../../../support/nomad/recorded/job-versions-with-diffs.json';
import list from '../../../support/nomad/recorded/jobs-list-after-children.json';
import parsedRaw from '../../../support/nomad/recorded/jobs-parse-hcl2-no-canonicalize.json';
import register from '../../../support/nomad/recorded/jobs-register-service.json';

/**
 * TypeScript types a JSON array of objects as a union where keys missing from
 * one element show up as `key?: undefined`. JSON never holds undefined, so
 * those keys are dropped before checking (everything else is left as is).
 */
type Json<T> = T extends Array<infer U>
  ? Array<Json<U>>
  : T extends object
    ? { [K in keyof T as undefined extends T[K] ? never : K]: Json<T[K]> }
    : T;
const json = <T>(value: T): Json<T> => value as unknown as Json<T>;

describe('types fit the recorded responses', () => {
  it('every recorded body is assignable to its client type', () => {
    const checks: unknown[] = [
      json(agentSelf) satisfies AgentSelf,
      json(allocations) satisfies AllocationListStub[],
      json(deployment) satisfies Deployment,
      json(deregister) satisfies JobDeregisterResponse,
      json(dispatch) satisfies JobDispatchResponse,
      json(evaluations) satisfies Evaluation[],
      json(force) satisfies PeriodicForceResponse,
      json(plan) satisfies JobPlanResponse,
      json(planNoDiff) satisfies JobPlanResponse,
      json(job) satisfies Job,
      json(periodicJob) satisfies Job,
      json(parameterizedJob) satisfies Job,
      json(parsedRaw) satisfies Job,
      json(stable) satisfies JobStabilityResponse,
      json(summary) satisfies JobSummary,
      json(versions) satisfies JobVersionsResponse,
      json(list) satisfies JobListStub[],
      json(register) satisfies JobRegisterResponse,
    ];
    assert.strictEqual(checks.length, 18);
  });

  it('keeps the recorded ids with slashes as plain strings', () => {
    const children = (list as JobListStub[]).filter((j) => j.ParentID !== '');
    assert.ok(children.every((j) => j.ID.startsWith(`${j.ParentID}/`)));
    assert.match((dispatch as JobDispatchResponse).DispatchedJobID, /^param-batch\/dispatch-\d+-[0-9a-f]{8}$/);
  });
});
