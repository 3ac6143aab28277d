// Shared by the plan integration suites: a job file's text, and a fake Nomad made the active
// cluster (through the `nomad.clusters` / `nomad.activeCluster` settings, as a user would set it)
// for a suite's duration. The fake runs in the host, so tests can change the cluster between steps.
import * as vscode from 'vscode';
import { startFakeNomad, type FakeNomad } from '../support/nomad/server';
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
  await settings.update('clusters', [{ name, address }], vscode.ConfigurationTarget.Workspace);
  await settings.update('activeCluster', name, vscode.ConfigurationTarget.Workspace);
  return async () => {
    await settings.update('activeCluster', undefined, vscode.ConfigurationTarget.Workspace);
    await settings.update('clusters', undefined, vscode.ConfigurationTarget.Workspace);
  };
}

/** The plan suites plan against a fake Nomad made the active cluster for the suite's duration. */
export function useFakeClusterInSuite(): { readonly fake: FakeNomad } {
  const cluster = {} as { fake: FakeNomad };
  let restoreCluster: () => Promise<void>;
  before(async () => {
    await activatedApiAfterOpening();
    cluster.fake = await startFakeNomad();
    restoreCluster = await useCluster('fake', cluster.fake.address);
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await restoreCluster();
    await cluster.fake.close();
  });
  return cluster;
}
