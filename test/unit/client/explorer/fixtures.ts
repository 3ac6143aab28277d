// Small builders for API objects, shaped like the recorded Nomad v1.0 responses.
import type { AllocationListStub, Deployment, Evaluation, JobListStub, JobSummary } from '../../../../client/src/nomad/types';

export function summary(groups: Record<string, Partial<Record<'Queued' | 'Starting' | 'Running' | 'Complete' | 'Failed' | 'Lost', number>>>, children?: { Pending?: number; Running?: number; Dead?: number }): JobSummary {
  const Summary: JobSummary['Summary'] = {};
  for (const [name, counts] of Object.entries(groups)) {
    Summary[name] = { Queued: 0, Starting: 0, Running: 0, Complete: 0, Failed: 0, Lost: 0, ...counts };
  }
  return {
    JobID: 'x',
    Namespace: 'default',
    Summary,
    Children: { Pending: 0, Running: 0, Dead: 0, ...children },
    CreateIndex: 1,
    ModifyIndex: 1,
  } as JobSummary;
}

export function job(id: string, overrides: Partial<JobListStub> = {}): JobListStub {
  return {
    ID: id,
    Name: id,
    Namespace: 'default',
    ParentID: '',
    Type: 'service',
    Priority: 50,
    Periodic: false,
    ParameterizedJob: false,
    Stop: false,
    Status: 'running',
    StatusDescription: '',
    JobSummary: summary({ web: { Running: 1 } }),
    SubmitTime: 1795773123291584678,
    CreateIndex: 10,
    ModifyIndex: 10,
    JobModifyIndex: 10,
    ...overrides,
  } as JobListStub;
}

export function allocation(overrides: Partial<AllocationListStub> = {}): AllocationListStub {
  return {
    ID: 'e0be2b3c-021a-b496-5442-87c59fb1b7c2',
    Name: 'svc-sleep.g[0]',
    JobID: 'svc-sleep',
    JobVersion: 0,
    TaskGroup: 'g',
    NodeID: '1b5a25b2-fe92-abde-975b-7a557ad4ca3e',
    NodeName: 'vm',
    DesiredStatus: 'run',
    ClientStatus: 'running',
    ClientDescription: 'Tasks are running',
    CreateTime: 1795773123298388164,
    TaskStates: {
      t: {
        State: 'running',
        Failed: false,
        Restarts: 0,
        Events: [
          { Type: 'Received', Time: 1795773123309432482, DisplayMessage: 'Task received by client' },
          { Type: 'Started', Time: 1795773123401930492, DisplayMessage: 'Task started by client' },
        ],
      },
    },
    ...overrides,
  } as AllocationListStub;
}

export function evaluation(overrides: Partial<Evaluation> = {}): Evaluation {
  return {
    ID: 'd40fea35-45e7-c5c2-14cd-e22edcff5e8c',
    JobID: 'svc-sleep',
    Namespace: 'default',
    Status: 'complete',
    TriggeredBy: 'job-register',
    Type: 'service',
    CreateIndex: 10,
    CreateTime: 1795773123291584678,
    ...overrides,
  } as Evaluation;
}

export function deployment(overrides: Partial<Deployment> = {}): Deployment {
  return {
    ID: 'f77f5707-ddf1-5717-1e53-cbe5bc65ccfb',
    JobID: 'svc-sleep',
    Namespace: 'default',
    JobVersion: 0,
    Status: 'successful',
    StatusDescription: 'Deployment completed successfully',
    CreateIndex: 11,
    TaskGroups: {
      g: { AutoPromote: false, AutoRevert: false, DesiredCanaries: 0, DesiredTotal: 1, HealthyAllocs: 1, PlacedAllocs: 1, PlacedCanaries: null, Promoted: false, UnhealthyAllocs: 0 },
    },
    ...overrides,
  } as Deployment;
}
