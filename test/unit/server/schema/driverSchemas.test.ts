// Checks of drivers/<name>.schema.json: they compile, describe every option, and accept the
// shapes Nomad really produces for `config {}` (blocks become lists of objects in API JSON).
import * as assert from 'node:assert/strict';
import {
  DRIVERS, HCL_KINDS, VERSION, SchemaNode, loadDriverSchema, loadJobSchema, recordedJobs, strictAjv,
} from './schemaData';

/** Every property of a driver schema, its nested blocks included, as [path, property]. */
function options(schema: SchemaNode): [string, SchemaNode][] {
  const out: [string, SchemaNode][] = [];
  const visit = (node: SchemaNode, prefix: string, seen: Set<string>) => {
    for (const [key, p] of Object.entries(node.properties ?? {})) {
      const path = prefix ? `${prefix}.${key}` : key;
      out.push([path, p]);
      const ref = p.$ref?.replace('#/definitions/', '');
      if (ref && !seen.has(ref)) visit((schema.definitions ?? {})[ref], path, new Set([...seen, ref]));
    }
  };
  visit(schema, '', new Set());
  return out;
}

describe('driver config schemas', function () {
  this.timeout(30_000); // Ajv compilation on a busy machine; not a speed test
  const schemas = Object.fromEntries(DRIVERS.map((d) => [d, loadDriverSchema(d)]));
  const validators = Object.fromEntries(DRIVERS.map((d) => [d, strictAjv(schemas[d]).compile(schemas[d])]));

  it('exist for the five built-in drivers and name the pinned release', () => {
    const version = loadJobSchema()['x-nomadVersion'];
    for (const d of DRIVERS) {
      assert.equal(schemas[d]['x-driver'], d);
      assert.equal(schemas[d]['x-nomadVersion'], version, `${d} comes from the same release as the job schema`);
      assert.ok(schemas[d].description);
    }
  });

  it('describe every option with an HCL name, kind and version', () => {
    for (const d of DRIVERS) {
      const all = options(schemas[d]);
      assert.ok(all.length >= 7, `${d} has options`);
      for (const [path, p] of all) {
        const where = `${d}.${path}`;
        assert.ok(p.description && p.description.length > 5, `${where} description`);
        assert.equal(p['x-hcl'], path.split('.').pop(), `${where} x-hcl`);
        assert.ok(HCL_KINDS.includes(String(p['x-hclKind'])), `${where} kind ${String(p['x-hclKind'])}`);
        assert.match(String(p['x-since']), VERSION, `${where} x-since`);
      }
    }
  });

  it('require the option each driver cannot run without', () => {
    assert.deepEqual(schemas.docker.required, ['image']);
    assert.deepEqual(schemas.exec.required, ['command']);
    assert.deepEqual(schemas.raw_exec.required, ['command']);
    assert.deepEqual(schemas.qemu.required, ['image_path']);
    assert.equal(validators.java({ jar_path: 'local/app.jar' }), true);
    assert.equal(validators.java({ class: 'Main', class_path: 'local' }), true);
    assert.equal(validators.java({ args: ['x'] }), false, 'java needs class or jar_path');
  });

  it('tell blocks from attributes in the docker driver', () => {
    const p = schemas.docker.properties ?? {};
    assert.equal(p.auth['x-hclKind'], 'block');
    assert.equal(p.logging['x-hclKind'], 'block');
    assert.equal(p.healthchecks['x-hclKind'], 'block');
    assert.equal(p.mount['x-hclKind'], 'blocks');
    assert.equal(p.devices['x-hclKind'], 'blocks');
    assert.equal(p.labels['x-hclKind'], 'mapAttribute');
    assert.equal(p.image['x-hclKind'], 'attribute');
    assert.equal(p.mounts.$ref, p.mount.$ref, 'the legacy alias shares the mount definition');
    assert.ok(p.mounts['x-deprecated']);
    assert.equal(p.cpu_cfs_period.default, 100000, 'defaults come from the hclspec');
  });

  it('accept docker config as Nomad writes it (blocks as lists) and as one object', () => {
    const v = validators.docker;
    const parsed = {
      image: 'redis:7',
      args: ['--port', '6379'],
      auth: [{ username: 'u', password: 'p' }],
      mount: [{ type: 'bind', source: 'local/data', target: '/data', bind_options: [{ propagation: 'rshared' }] }],
      labels: [{ team: 'db' }],
      logging: [{ type: 'journald', config: [{ tag: 'redis' }] }],
    };
    assert.ok(v(parsed), JSON.stringify(v.errors));
    assert.ok(v({ image: 'redis', auth: { username: 'u' }, labels: { team: 'db' } }), JSON.stringify(v.errors));
  });

  it('reject docker config without an image, with a typo, or with two auth blocks', () => {
    const v = validators.docker;
    assert.equal(v({ args: [] }), false);
    assert.equal(v({ image: 'redis', imgae_pull_timeout: '1m' }), false);
    assert.equal(v({ image: 'redis', auth: [{ username: 'a' }, { username: 'b' }] }), false);
    assert.equal(v({ image: 'redis', mount: [{ type: 'nfs' }] }), false);
  });

  it('validate every recorded task config of a built-in driver', () => {
    let checked = 0;
    for (const { source, job } of recordedJobs()) {
      for (const group of (job.TaskGroups as { Tasks?: { Driver?: string; Config?: unknown }[] }[]) ?? []) {
        for (const task of group.Tasks ?? []) {
          if (!task.Driver || !DRIVERS.includes(task.Driver) || !task.Config) continue;
          const v = validators[task.Driver];
          assert.ok(v(task.Config), `${source}: ${JSON.stringify(v.errors)}`);
          checked++;
        }
      }
    }
    assert.ok(checked > 10, `checked ${checked} configs`);
  });
});
