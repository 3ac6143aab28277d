import * as assert from 'node:assert/strict';
import { hclJsonToApiJob, unwrapApiJob } from '../../../../../client/src/features/jobFiles/hclJsonToApi';
import { JobConversionError } from '../../../../../client/src/features/jobFiles/jobConversionError';

const HCL_JSON = {
  job: {
    web: {
      datacenters: ['dc1'],
      type: 'service',
      all_at_once: false,
      meta: { rev: 3, owner: 'team' },
      periodic: { cron: '*/5 * * * *', prohibit_overlap: true },
      constraint: [{ attribute: '${attr.kernel.name}', value: 'linux' }, { distinct_hosts: true }],
      update: { max_parallel: 2, min_healthy_time: '10s', healthy_deadline: '5m', auto_revert: true },
      group: {
        frontend: {
          count: 3,
          network: { mode: 'bridge', port: { http: { static: 8080, to: 80 }, metrics: {} } },
          restart: { attempts: 2, interval: '30m', delay: '15s', mode: 'fail' },
          ephemeral_disk: { size: 300 },
          volume: { certs: { type: 'host', source: 'certs', read_only: true } },
          service: [{ name: 'web', port: 'http', tags: ['a'], check: { type: 'http', path: '/', interval: '10s', timeout: '2s' } }],
          task: {
            nginx: {
              driver: 'docker',
              config: { image: 'nginx:1.25', ports: ['http'], port_map: [{ http: 80 }] },
              env: { PORT: 80 },
              kill_timeout: '20s',
              resources: { cpu: 500, memory: 256, memory_max: 512 },
              template: { data: 'x={{ key "x" }}', destination: 'local/x.env', env: true, change_mode: 'restart' },
              artifact: [{ source: 'https://example.invalid/a.tgz', destination: 'local/a', options: { checksum: 'sha256:00' } }],
              logs: { max_files: 3, max_file_size: 10 },
            },
          },
        },
      },
    },
  },
};

describe('HCL-JSON to API JSON', () => {
  const job = hclJsonToApiJob(HCL_JSON) as Record<string, any>;

  it('fills ID and Name from the label and maps job attributes and blocks', () => {
    assert.equal(job.ID, 'web');
    assert.equal(job.Name, 'web');
    assert.deepEqual(job.Datacenters, ['dc1']);
    assert.equal(job.AllAtOnce, false);
    assert.deepEqual(job.Meta, { rev: '3', owner: 'team' });
    assert.deepEqual(job.Periodic, { Spec: '*/5 * * * *', ProhibitOverlap: true, SpecType: 'cron' });
    assert.deepEqual(job.Update, { MaxParallel: 2, MinHealthyTime: 10e9, HealthyDeadline: 300e9, AutoRevert: true });
  });

  it('turns constraint attributes and shorthands into LTarget/RTarget/Operand', () => {
    assert.deepEqual(job.Constraints, [
      { LTarget: '${attr.kernel.name}', RTarget: 'linux', Operand: '=' },
      { Operand: 'distinct_hosts' },
    ]);
  });

  it('converts labeled groups and tasks into arrays, with renamed blocks and durations', () => {
    const [group] = job.TaskGroups;
    assert.equal(group.Name, 'frontend');
    assert.equal(group.Count, 3);
    assert.deepEqual(group.RestartPolicy, { Attempts: 2, Interval: 1800e9, Delay: 15e9, Mode: 'fail' });
    assert.deepEqual(group.EphemeralDisk, { SizeMB: 300 });
    assert.deepEqual(group.Volumes, { certs: { Name: 'certs', Type: 'host', Source: 'certs', ReadOnly: true } });
    assert.deepEqual(group.Services, [
      { Name: 'web', PortLabel: 'http', Tags: ['a'], Checks: [{ Type: 'http', Path: '/', Interval: 10e9, Timeout: 2e9 }] },
    ]);
    const [task] = group.Tasks;
    assert.equal(task.Name, 'nginx');
    assert.equal(task.KillTimeout, 20e9);
    assert.deepEqual(task.Resources, { CPU: 500, MemoryMB: 256, MemoryMaxMB: 512 });
    assert.deepEqual(task.LogConfig, { MaxFiles: 3, MaxFileSizeMB: 10 });
    assert.deepEqual(task.Templates, [{ EmbeddedTmpl: 'x={{ key "x" }}', DestPath: 'local/x.env', Envvars: true, ChangeMode: 'restart' }]);
    assert.deepEqual(task.Artifacts, [{ GetterSource: 'https://example.invalid/a.tgz', RelativeDest: 'local/a', GetterOptions: { checksum: 'sha256:00' } }]);
  });

  it('copies driver config and env keys untouched (env values as strings)', () => {
    const task = job.TaskGroups[0].Tasks[0];
    assert.deepEqual(task.Config, { image: 'nginx:1.25', ports: ['http'], port_map: [{ http: 80 }] });
    assert.deepEqual(task.Env, { PORT: '80' });
  });

  it('splits static ports into ReservedPorts and keeps the others dynamic', () => {
    assert.deepEqual(job.TaskGroups[0].Networks, [
      { Mode: 'bridge', ReservedPorts: [{ Label: 'http', Value: 8080, To: 80 }], DynamicPorts: [{ Label: 'metrics' }] },
    ]);
  });

  it('accepts the array forms of labeled blocks and puts a task written in the job into its own group', () => {
    const converted = hclJsonToApiJob({ job: [{ batch: [{ task: [{ once: { driver: 'exec' } }], group: [{ g: {} }] }] }] }) as any;
    assert.deepEqual(converted.TaskGroups, [{ Name: 'once', Tasks: [{ Name: 'once', Driver: 'exec' }] }, { Name: 'g' }]);
  });

  it('refuses what it cannot convert faithfully, with a reason', () => {
    assert.throws(() => hclJsonToApiJob({ variable: { x: {} }, job: { a: {} } }), /only Nomad's HCL parser/);
    assert.throws(() => hclJsonToApiJob({ job: { a: {}, b: {} } }), /exactly one job; this one has 2/);
    assert.throws(() => hclJsonToApiJob({ job: { a: { update: { stagger: 'soon' } } } }), (e: unknown) =>
      e instanceof JobConversionError && e.message === 'job "a".update.stagger: "soon" is not a duration such as "30s" or "5m".',
    );
    assert.throws(() => hclJsonToApiJob({ job: { a: { group: { g: { cuont: 2 } } } } }), /job "a".group "g": "cuont" is not something Nomad accepts here.$/);
    assert.throws(() => hclJsonToApiJob({ Job: {} }), /top-level "job"/);
  });

  it("applies Nomad's own rules: vault beside tasks, vertical scaling labels, group scaling type, maps of strings", () => {
    const converted = hclJsonToApiJob({
      job: {
        j: {
          vault: { policies: ['read'] },
          group: {
            g: {
              scaling: { min: 1, max: 3 },
              service: { name: 's', meta: { port: 80 } },
              task: {
                own: { driver: 'exec', vault: { policies: ['mine'] } },
                plain: { driver: 'exec', scaling: { cpu: { max: 500 } } },
              },
            },
          },
        },
      },
    }) as any;
    const [group] = converted.TaskGroups;
    assert.deepEqual(group.Scaling, { Min: 1, Max: 3, Type: 'horizontal' });
    assert.deepEqual(group.Services, [{ Name: 's', Meta: { port: '80' } }]);
    assert.deepEqual(group.Tasks.map((t: any) => t.Vault.Policies), [['mine'], ['read']]);
    assert.deepEqual(group.Tasks[1].ScalingPolicies, [{ Type: 'vertical_cpu', Max: 500 }]);
  });

  it('unwraps API JSON with or without the Job wrapper', () => {
    assert.equal(unwrapApiJob({ Job: { ID: 'a', TaskGroups: [] } }).ID, 'a');
    assert.equal(unwrapApiJob({ ID: 'b', TaskGroups: [] }).ID, 'b');
    assert.throws(() => unwrapApiJob({ Job: { Name: 'x' } }), /needs an "ID"/);
  });
});
