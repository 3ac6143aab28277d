// Checks of the generated job.schema.json: it compiles, real Nomad jobs validate against it,
// mistakes are caught, and every annotation the language server relies on is well formed.
import * as assert from 'node:assert/strict';
import Ajv from 'ajv';
import {
  HCL_KINDS, VERSION, SchemaNode, loadJobSchema, recordedJobs, refName, strictAjv, targetOf,
} from './schemaData';

const schema = loadJobSchema();
const defs = schema.definitions as Record<string, SchemaNode>;

function prop(def: string, key: string): SchemaNode {
  const p = defs[def]?.properties?.[key];
  assert.ok(p, `${def}.${key} exists`);
  return p;
}

/** [definition, key, property] for every property of every definition. */
function allProperties(): [string, string, SchemaNode][] {
  return Object.entries(defs).flatMap(([d, def]) =>
    Object.entries(def.properties ?? {}).map(([k, p]): [string, string, SchemaNode] => [d, k, p]));
}

function typesOf(p: SchemaNode): string[] {
  return p.type === undefined ? [] : Array.isArray(p.type) ? p.type : [p.type];
}

describe('job.schema.json', function () {
  // compiling the 180 KB schema can take seconds on a busy machine; this is not a speed test
  this.timeout(30_000);
  const validate = strictAjv(schema).compile(schema);

  it('compiles with Ajv in strict mode and in the lenient mode the contract names', () => {
    assert.equal(typeof validate, 'function');
    assert.equal(typeof new Ajv({ strict: false }).compile(schema), 'function');
  });

  it('records the pinned Nomad release it was generated from', () => {
    assert.match(String(schema['x-nomadVersion']), /^2\.\d+\.\d+$/);
    assert.equal(schema['x-nomadTag'], `v${String(schema['x-nomadVersion'])}`);
    assert.match(String(schema['x-nomadCommit']), /^[0-9a-f]{40}$/);
  });

  describe('recorded jobs from a real Nomad', function () {
    it('validate, read-only fields included (except the deliberately invalid one)', () => {
      const jobs = recordedJobs();
      assert.ok(jobs.length >= 20, `found ${jobs.length} recorded jobs`);
      const failures = jobs
        .filter(({ source }) => !source.includes('invalid-no-driver'))
        .filter(({ job }) => !validate(job))
        .map(({ source }) => `${source}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
      assert.deepEqual(failures, []);
    });

    it('reject the register request whose task has no driver, pointing at Driver', () => {
      const bad = recordedJobs().find(({ source }) => source.includes('invalid-no-driver'));
      assert.ok(bad);
      assert.equal(validate(bad.job), false);
      assert.ok(validate.errors?.some((e) => e.keyword === 'required' && e.params.missingProperty === 'Driver'
        && /^\/TaskGroups\/0\/Tasks\/0$/.test(e.instancePath)));
    });
  });

  describe('catches mistakes in API JSON', () => {
    const minimal = () => ({
      ID: 'web',
      TaskGroups: [{ Name: 'g', Tasks: [{ Name: 't', Driver: 'docker', Config: { image: 'nginx' } }] }],
    });

    it('accepts a minimal job', () => {
      assert.ok(validate(minimal()), JSON.stringify(validate.errors));
    });

    it('rejects a misspelled field', () => {
      const job = minimal();
      (job.TaskGroups[0].Tasks[0] as Record<string, unknown>).Drivr = 'docker';
      assert.equal(validate(job), false);
      assert.ok(validate.errors?.some((e) => e.keyword === 'additionalProperties' && e.params.additionalProperty === 'Drivr'));
    });

    it('rejects a value outside an enum and a string where nanoseconds are expected', () => {
      assert.equal(validate({ ...minimal(), Type: 'cron' }), false);
      assert.equal(validate({ ...minimal(), Update: { MinHealthyTime: '10s' } }), false);
      assert.ok(validate({ ...minimal(), Update: { MinHealthyTime: 10_000_000_000, HealthCheck: 'task_states' } }));
    });

    it('rejects HCL-only shorthands in API JSON', () => {
      assert.equal(validate({ ...minimal(), Constraints: [{ distinct_hosts: true }] }), false);
      assert.ok(validate({ ...minimal(), Constraints: [{ Operand: 'distinct_hosts', RTarget: 'true' }] }));
    });
  });

  describe('annotations', () => {
    it('give every definition and every property a description and a version', () => {
      for (const [name, def] of Object.entries(defs)) {
        assert.ok(def.description && def.description.length > 10, `${name} has a description`);
        assert.match(String(def['x-since']), VERSION, `${name} x-since`);
      }
      for (const [d, k, p] of allProperties()) {
        assert.ok(p.description && p.description.length > 5, `${d}.${k} has a description`);
        assert.match(String(p['x-since']), VERSION, `${d}.${k} x-since`);
      }
    });

    it('use only the HCL kinds of the contract, always together with an HCL name', () => {
      for (const [d, k, p] of allProperties()) {
        assert.equal(p['x-hcl'] === undefined, p['x-hclKind'] === undefined, `${d}.${k}: x-hcl and x-hclKind go together`);
        if (p['x-hclKind'] !== undefined) assert.ok(HCL_KINDS.includes(p['x-hclKind']), `${d}.${k}: ${p['x-hclKind']}`);
        if (p['x-hcl'] !== undefined) assert.match(p['x-hcl'], /^[a-z][a-z0-9_]*$/, `${d}.${k}: HCL name`);
      }
    });

    it('shape each HCL kind consistently with its JSON form', () => {
      for (const [d, k, p] of allProperties()) {
        const kind = p['x-hclKind'];
        const where = `${d}.${k} (${String(kind)})`;
        if (kind === 'blocks' || kind === 'labeledBlocks') {
          assert.ok(typesOf(p).includes('array') && p.items?.$ref, where);
        } else if (kind === 'mapBlocks') {
          assert.ok(typeof p.additionalProperties === 'object' && p.additionalProperties.$ref, where);
        } else if (kind === 'mapAttribute') {
          assert.ok(typeof p.additionalProperties === 'object' && p.additionalProperties.type === 'string', where);
        } else if (kind === 'block') {
          assert.ok(p.$ref || typesOf(p).includes('object'), where);
        }
        if (kind === 'labeledBlocks' || (kind === 'mapBlocks' && p['x-label'])) {
          const target = targetOf(p);
          assert.ok(target && p['x-label'] && defs[target].properties?.[p['x-label']], `${where}: x-label names a field of ${String(target)}`);
        }
      }
    });

    it('resolve every $ref to a definition', () => {
      const refs = JSON.stringify(schema).match(/"\$ref":"[^"]+"/g) ?? [];
      assert.ok(refs.length > 100);
      for (const r of refs) {
        const name = refName(r.slice(8, -1));
        assert.ok(defs[name], `${r} resolves`);
      }
    });

    it('flag durations on integer fields only, and keep server-set fields out of HCL', () => {
      for (const [d, k, p] of allProperties()) {
        if (p['x-duration']) assert.ok(typesOf(p).includes('integer'), `${d}.${k} duration is an integer`);
        if (p['x-readOnly']) assert.equal(p['x-hcl'], undefined, `${d}.${k} is read-only and not HCL`);
        if (p['x-removedIn']) {
          assert.ok(p['x-deprecated'], `${d}.${k} removed field explains itself`);
          assert.equal(p['x-hcl'], undefined);
        }
      }
    });

    it('list HCL-only constructs under their HCL names and keep them out of API JSON', () => {
      for (const [d, k, p] of allProperties().filter(([, , p]) => p['x-hclOnly'])) {
        assert.equal(p['x-hcl'], k, `${d}.${k} is keyed by its HCL name`);
        const banned = (defs[d].propertyNames as { not: { enum: string[] } }).not.enum;
        assert.ok(banned.includes(k), `${d} forbids ${k} in API JSON`);
      }
    });

    it('add the unset value to enums so server output stays valid', () => {
      assert.ok(prop('Job', 'Type').enum?.includes(null));
      assert.ok(prop('Constraint', 'Operand').enum?.includes(''));
    });
  });

  describe('known facts of the Nomad job specification', () => {
    it('maps renamed blocks and labels', () => {
      assert.deepEqual(
        [prop('Job', 'TaskGroups')['x-hcl'], prop('Job', 'TaskGroups')['x-hclKind'], prop('Job', 'TaskGroups')['x-label']],
        ['group', 'labeledBlocks', 'Name'],
      );
      assert.equal(prop('TaskGroup', 'RestartPolicy')['x-hcl'], 'restart');
      assert.equal(prop('Task', 'LogConfig')['x-hcl'], 'logs');
      assert.equal(prop('TaskGroup', 'ReschedulePolicy')['x-hcl'], 'reschedule');
      assert.equal(prop('NetworkResource', 'DynamicPorts')['x-hcl'], 'port');
      assert.equal(prop('Constraint', 'LTarget')['x-hcl'], 'attribute');
      assert.equal(prop('Constraint', 'Operand')['x-hcl'], 'operator');
      assert.equal(prop('TaskGroup', 'Name')['x-hcl'], undefined, 'a label is not an attribute');
    });

    it('knows map-keyed and map-valued constructs', () => {
      const volumes = prop('TaskGroup', 'Volumes');
      assert.deepEqual([volumes['x-hcl'], volumes['x-hclKind'], targetOf(volumes)], ['volume', 'mapBlocks', 'VolumeRequest']);
      for (const [d, k] of [['Job', 'Meta'], ['TaskGroup', 'Meta'], ['Task', 'Meta'], ['Task', 'Env']]) {
        assert.equal(prop(d, k)['x-hclKind'], 'mapAttribute', `${d}.${k}`);
      }
      assert.equal(prop('Service', 'Meta')['x-hclKind'], 'block', 'service meta has no attribute form');
      const scaling = prop('Task', 'ScalingPolicies');
      assert.deepEqual([scaling['x-hclKind'], scaling['x-label'], scaling['x-labelEnum']], ['labeledBlocks', 'Type', ['cpu', 'mem']]);
      assert.equal(prop('TaskGroup', 'Scaling')['x-hclKind'], 'block');
    });

    it('requires what Nomad requires', () => {
      assert.ok(defs.Task.required?.includes('Driver'));
      assert.ok(defs.Task.required?.includes('Name'));
      assert.ok(defs.Job.required?.includes('ID'));
      assert.ok(!defs.Job.required?.includes('Datacenters'), 'datacenters is optional since 1.5');
      assert.ok(defs.TaskLifecycle.required?.includes('Hook'), 'from the hcl tag without optional');
      assert.ok(defs.Action.required?.includes('Command'));
    });

    it('flags durations', () => {
      for (const [d, k] of [['Task', 'KillTimeout'], ['Task', 'ShutdownDelay'], ['UpdateStrategy', 'MinHealthyTime'],
        ['RestartPolicy', 'Delay'], ['ServiceCheck', 'Interval'], ['TaskGroup', 'ShutdownDelay'], ['Template', 'Splay']]) {
        assert.equal(prop(d, k)['x-duration'], true, `${d}.${k}`);
      }
      assert.equal(prop('UpdateStrategy', 'MinHealthyTime').default, 10_000_000_000);
      assert.equal(prop('Task', 'KillSignal')['x-duration'], undefined);
    });

    it('dates fields by the release that introduced them', () => {
      const since = (d: string, k: string) => prop(d, k)['x-since'];
      assert.equal(since('Job', 'Region'), '1.0.0');
      assert.equal(since('TaskGroup', 'Consul'), '1.1.0');
      assert.equal(since('Job', 'NodePool'), '1.6.0');
      assert.equal(since('Task', 'Actions'), '1.7.0');
      assert.equal(since('TaskGroup', 'Disconnect'), '1.8.0');
      assert.equal(since('Task', 'Secrets'), '1.11.0');
      assert.equal(defs.Action['x-since'], '1.7.0');
      assert.equal(since('Task', 'Identities'), '1.7.0');
      assert.equal(prop('Task', 'Identities')['x-hclSince'], '1.5.0', 'identity blocks predate the Identities key');
    });

    it('keeps fields older releases had, marked as removed', () => {
      const token = prop('Job', 'VaultToken');
      assert.equal(token['x-removedIn'], '1.10.0');
      assert.equal(token['x-since'], '1.0.0');
      assert.ok(token['x-deprecated']);
    });

    it('marks server-set fields read-only', () => {
      for (const k of ['Status', 'Version', 'SubmitTime', 'JobModifyIndex', 'Stable']) {
        assert.equal(prop('Job', k)['x-readOnly'], true, `Job.${k}`);
      }
      assert.equal(prop('ScalingPolicy', 'ID')['x-readOnly'], true);
      assert.equal(prop('Job', 'Region')['x-readOnly'], undefined);
    });

    it('carries the enums authors pick from', () => {
      const values = (d: string, k: string) => (prop(d, k).enum ?? []).filter((v) => v !== null && v !== '');
      assert.deepEqual(values('Job', 'Type'), ['service', 'batch', 'system', 'sysbatch']);
      assert.deepEqual(values('UpdateStrategy', 'HealthCheck'), ['checks', 'task_states', 'manual']);
      assert.deepEqual(values('RestartPolicy', 'Mode'), ['fail', 'delay']);
      assert.deepEqual(values('Service', 'Provider'), ['consul', 'nomad']);
      assert.deepEqual(values('ServiceCheck', 'Type'), ['http', 'tcp', 'grpc', 'script']);
      assert.deepEqual(values('VolumeRequest', 'Type'), ['host', 'csi']);
      assert.ok(values('Constraint', 'Operand').includes('distinct_hosts'));
    });

    it('offers HCL-only shorthands and job-level extras', () => {
      assert.equal(prop('Constraint', 'distinct_hosts').type, 'boolean');
      assert.equal(prop('Affinity', 'set_contains_any')['x-hclOnly'], true);
      assert.equal(targetOf(prop('Job', 'task')), 'Task');
      assert.equal(prop('Job', 'task')['x-hclKind'], 'labeledBlocks');
      assert.equal(targetOf(prop('TaskGroup', 'vault')), 'Vault');
      assert.ok(prop('Constraint', 'is_set')['x-deprecated'], 'accepted but ignored by the parser');
    });

    it('marks the driver config as driver-dependent', () => {
      assert.equal(prop('Task', 'Config')['x-driverConfig'], 'Driver');
      assert.equal(prop('Task', 'Config')['x-hclKind'], 'block');
    });
  });
});
