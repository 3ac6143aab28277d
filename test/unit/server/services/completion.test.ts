import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { TextEdit } from 'vscode-languageserver';
import { doComplete } from '../../../../server/src/services/completion/completionService';
import { assertExcludes, assertIncludes, complete, insertOf, labels } from './support/completion';
import { languageService, openDocument } from './support/languageService';
import { repoRoot } from '../../../support/repoPaths';

describe('completion (services/completion)', () => {

  // Starting the language service loads tree-sitter's wasm, which takes seconds on a busy machine.
  before(async function () {
    this.timeout(20_000);
    await languageService();
  });
  describe('native HCL', () => {
    it('offers the top-level constructs of a job file', async () => {
      const items = await complete('|');
      assert.deepStrictEqual(labels(items).sort(), ['job', 'locals', 'variable', 'variables']);
      assert.strictEqual(insertOf(items, 'job'), 'job "${1:id}" {\n\t$0\n}');
    });

    it('offers task fields in a broken, half-typed file and leaves out what is already there', async () => {
      const items = await complete('job "web" {\n  group "app" {\n    task "server" {\n      user = "x"\n      dri|\n');
      assertIncludes(items, ['driver', 'config', 'resources', 'env', 'template', 'service', 'artifact', 'kill_timeout']);
      assertExcludes(items, ['user', 'count', 'datacenters']);
      assert.strictEqual(insertOf(items, 'driver'), 'driver = "${1|docker,exec,java,qemu,raw_exec|}"');
      assert.strictEqual(insertOf(items, 'kill_timeout'), 'kill_timeout = "${1:5s}"');
      assert.strictEqual(insertOf(items, 'resources'), 'resources {\n\t$0\n}');
    });

    it('inserts labeled blocks with their label and required attributes', async () => {
      const items = await complete('job "web" {\n  group "app" {\n    |\n  }\n}\n');
      assert.strictEqual(insertOf(items, 'task'), 'task "${1:name}" {\n\tdriver = "${2|docker,exec,java,qemu,raw_exec|}"\n\t$0\n}');
      assert.strictEqual(insertOf(items, 'count'), 'count = ${1:1}');
      assertIncludes(items, ['network', 'volume', 'dynamic']);
    });

    it('offers a group body after an attribute left without a value', async () => {
      const items = await complete('job "web" {\n  group "app" {\n    count =\n    net|\n  }\n}\n');
      assertIncludes(items, ['network', 'task']);
    });

    it('completes enum values, quoted outside a string and bare inside one', async () => {
      const bare = await complete('job "web" {\n  type = |\n}\n');
      assert.deepStrictEqual(labels(bare).slice(0, 4), ['service', 'batch', 'system', 'sysbatch']);
      assert.strictEqual(insertOf(bare, 'batch'), '"batch"');
      const quoted = await complete('job "web" {\n  type = "ba|"\n}\n');
      assert.strictEqual(insertOf(quoted, 'batch'), 'batch');
    });

    it('completes driver names and each built-in driver\'s config keys', async () => {
      const drivers = await complete('job "w" {\n  group "g" {\n    task "t" {\n      driver = "|"\n    }\n  }\n}\n');
      assert.deepStrictEqual(labels(drivers), ['docker', 'exec', 'java', 'qemu', 'raw_exec']);
      const docker = await complete('job "w" {\n  group "g" {\n    task "t" {\n      driver = "docker"\n      config {\n        |\n      }\n    }\n  }\n}\n');
      assertIncludes(docker, ['image', 'ports', 'args', 'command', 'volumes']);
      const exec = await complete('job "w" {\n  group "g" {\n    task "t" {\n      config {\n        |\n      }\n      driver = "exec"\n    }\n  }\n}\n');
      assertIncludes(exec, ['command', 'args']);
      assertExcludes(exec, ['image']);
    });

    it('completes booleans, durations with the default first, and declared variables and locals', async () => {
      const source = [
        'variable "region" {\n  default = "eu"\n}',
        'locals {\n  team = "a"\n}',
        'job "w" {\n  group "g" {\n    task "t" {\n      leader = |\n    }\n  }\n}\n',
      ].join('\n');
      const items = await complete(source);
      assertIncludes(items, ['true', 'false', 'var.region', 'local.team']);
      const durations = await complete('job "w" {\n  group "g" {\n    task "t" {\n      kill_timeout = |\n    }\n  }\n}\n');
      const sorted = [...durations].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
      assert.strictEqual(sorted[0].label, '5s');
      assert.strictEqual(insertOf(durations, '30s'), '"30s"');
    });

    it('completes constraint attributes and operators', async () => {
      const targets = await complete('job "w" {\n  constraint {\n    attribute = |\n  }\n}\n');
      assertIncludes(targets, ['${attr.kernel.name}', '${node.class}', '${node.datacenter}', '${meta.}']);
      assert.strictEqual(insertOf(targets, '${attr.kernel.name}'), '"${attr.kernel.name}"');
      const operators = await complete('job "w" {\n  constraint {\n    operator = "|"\n  }\n}\n');
      assertIncludes(operators, ['=', '!=', 'regexp', 'version', 'distinct_hosts', 'set_contains']);
    });

    it('offers runtime variables inside ${} with the group\'s port labels and meta keys', async () => {
      const source = [
        'job "w" {',
        '  meta {\n    owner = "team-a"\n  }',
        '  group "g" {',
        '    network {\n      port "http" {}\n      port "metrics" {}\n    }',
        '    task "t" {',
        '      env {\n        ADDR = "${NOMAD_|}"\n      }',
        '    }\n  }\n}\n',
      ].join('\n');
      const items = await complete(source);
      assertIncludes(items, ['NOMAD_PORT_http', 'NOMAD_ADDR_metrics', 'NOMAD_ALLOC_DIR', 'NOMAD_TASK_DIR', 'NOMAD_META_owner', 'attr.unique.hostname']);
      const inConstraint = await complete('job "w" {\n  constraint {\n    attribute = "${|}"\n  }\n}\n');
      assertIncludes(inConstraint, ['attr.kernel.name', 'node.class']);
      assertExcludes(inConstraint, ['NOMAD_ALLOC_DIR']);
    });

    it('offers nothing in comments and plain heredoc text', async () => {
      assert.deepStrictEqual(await complete('job "w" {\n  # gro|\n}\n'), []);
      assert.deepStrictEqual(await complete('job "w" {\n  group "g" {\n    task "t" {\n      template {\n        data = <<EOF\ngro|\nEOF\n      }\n    }\n  }\n}\n'), []);
    });

    it('names the repeatable blocks a dynamic block can generate', async () => {
      const items = await complete('job "w" {\n  group "g" {\n    network {\n      dynamic "|"\n    }\n  }\n}\n');
      assertIncludes(items, ['port']);
    });
  });

  describe('API JSON', () => {
    it('offers Job property names with value snippets, leaving out those present', async () => {
      const items = await complete('{"Job": {"ID": "web", "|"}}', 'json');
      assertIncludes(items, ['Type', 'TaskGroups', 'Datacenters', 'Priority']);
      assertExcludes(items, ['ID']);
      assert.strictEqual(insertOf(items, 'Type'), '"Type": "${1|service,batch,system,sysbatch|}"');
      assert.strictEqual(insertOf(items, 'TaskGroups'), '"TaskGroups": [$1]');
    });

    it('offers enum values and driver config keys', async () => {
      const types = await complete('{"Job": {"ID": "web", "Type": "|"}}', 'json');
      assert.deepStrictEqual(labels(types), ['"service"', '"batch"', '"system"', '"sysbatch"']);
      const config = await complete('{"Job": {"ID": "w", "TaskGroups": [{"Name": "g", "Tasks": [{"Name": "t", "Driver": "docker", "Config": {"|"}}]}]}}', 'json');
      assertIncludes(config, ['image', 'ports']);
    });
  });

  describe('at any cursor position', () => {
    const FIXTURES = path.join(repoRoot, 'test', 'fixtures', 'valid');
    const FACTS = { cluster: 'c', datacenters: ['dc1'], nodePools: ['default'], nodeClasses: ['big'], namespaces: ['default'], variablePaths: ['nomad/jobs/web'] };

    // Every offset of the JSON fixtures, every fifth of the HCL ones: no throw, and each
    // item replaces text on the cursor's line around the cursor, as VS Code requires.
    for (const file of fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.json') || f.endsWith('.hcl'))) {
      it(`answers sensibly everywhere in ${file}`, async () => {
        const text = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
        const { document, parsed, service } = await openDocument(text, file.endsWith('.json') ? 'json' : 'nomad');
        const sources = { model: service.schema, clusterFacts: () => FACTS };
        let answered = 0;
        for (let offset = 0; offset <= text.length; offset += file.endsWith('.json') ? 1 : 5) {
          const position = document.positionAt(offset);
          const { items } = doComplete(document, position, parsed, sources);
          if (items.length) answered++;
          for (const item of items) {
            const range = (item.textEdit as TextEdit).range;
            const where = `${item.label} at ${position.line}:${position.character} in ${file}`;
            assert.ok(range.start.line === position.line && range.end.line === position.line, where);
            assert.ok(range.start.character <= position.character && position.character <= range.end.character, where);
          }
        }
        assert.ok(answered > 0);
      });
    }
  });
});
