// Shared by the plan integration suites: a job file's text, and the test target (the fake, or a
// real agent with NOMAD_TEST_ADDR) made the active cluster (through the `nomad.clusters` /
// `nomad.activeCluster` settings, as a user would set it) for a suite's duration, with the
// requests the extension sends recorded on both and the suite's jobs purged afterwards.
import * as vscode from 'vscode';
import { NomadClient } from '../../client/src/nomad/client';
import type { Job } from '../../client/src/nomad/types';
import type { RecordedRequest } from '../support/nomad/server';
import { nomadTarget, type NomadTarget } from '../support/nomad/target';
import { purgeTestJobs } from '../support/nomad/testJobs';
import { activatedApi } from './support/extension';
import { openWorkspaceFile } from './support/workspace';

/** A service job file whose group `g` runs `count` instances; `extra` goes into the job block. */
export function serviceJob(id: string, count: number | string, extra = ''): string {
  return `job "${id}" {
  datacenters = ["dc1"]
  type        = "service"
${extra}
  group "g" {
    count = ${count}

    task "t" {
      driver = "raw_exec"

      config {
        command = "/bin/sleep"
        args    = ["3600"]
      }

      resources {
        cpu    = 50
        memory = 32
      }
    }
  }
}
`;
}

/** The extension activates on job files; its settings listeners must be up before the tests change settings. */
export async function activatedApiAfterOpening(): Promise<void> {
  await openWorkspaceFile('web.nomad.hcl');
  await activatedApi();
}

/** Makes the fake the active cluster (workspace settings); returns the undo. */
export async function useCluster(name: string, address: string): Promise<() => Promise<void>> {
  const settings = vscode.workspace.getConfiguration('nomad');
  await settings.update('clusters', [{ name, address }], vscode.ConfigurationTarget.Global);
  await settings.update('activeCluster', name, vscode.ConfigurationTarget.Global);
  return async () => {
    await settings.update('activeCluster', undefined, vscode.ConfigurationTarget.Global);
    await settings.update('clusters', undefined, vscode.ConfigurationTarget.Global);
  };
}

/** The same group `g` as serviceJob's, as API JSON, for setting up the cluster with our own client. */
export function serviceApiJob(id: string, count: number): Job {
  return { ID: id, Name: id, Type: 'service', Datacenters: ['dc1'], TaskGroups: [
    { Name: 'g', Count: count, Tasks: [{ Name: 't', Driver: 'raw_exec', Config: { command: '/bin/sleep', args: ['3600'] }, Resources: { CPU: 50, MemoryMB: 32 } }] },
  ] };
}

export interface SuiteCluster {
  readonly target: NomadTarget;
  /** Our own client, to change the cluster between steps as someone else would and to check results. */
  readonly client: NomadClient;
  /** What was sent to the cluster (the extension's requests and ours), in order. */
  requests(): RecordedRequest[];
  /** Registers a job as someone else would and returns it as the cluster stores it. */
  register(job: Job): Promise<Job>;
}

/** The plan suites plan against the test target made the active cluster for the suite's duration. */
export function useClusterInSuite(): SuiteCluster {
  let target: NomadTarget | undefined;
  let client: NomadClient | undefined;
  let restoreCluster: () => Promise<void>;
  const cluster: SuiteCluster = {
    get target() { return target!; },
    get client() { return client!; },
    requests: () => target!.requests!,
    async register(job) {
      await client!.registerJob(job);
      return (await client!.readJob(String(job.ID))).value;
    },
  };
  before(async () => {
    await activatedApiAfterOpening();
    target = await nomadTarget({ record: true });
    client = new NomadClient({ address: target.address, token: target.token });
    restoreCluster = await useCluster('test-target', target.address);
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await restoreCluster();
    await purgeTestJobs(client!);
    client!.dispose();
    await target!.close();
  });
  return cluster;
}
