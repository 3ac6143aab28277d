// @ts-check
// A large, realistic job, written both as an HCL jobspec and as the API JSON
// Nomad would receive for it: the same groups, tasks, services, checks,
// templates and constraints on both sides, so their processing compares fairly.
'use strict';

/**
 * @param {number} targetLines about how many HCL lines to produce
 * @returns {{ hcl: string, apiJson: string, lines: number, groups: number, tasks: number }}
 */
function generateJob(targetLines) {
  const hcl = [
    'variable "image_tag" {',
    '  type    = string',
    '  default = "1.27"',
    '}',
    '',
    'locals {',
    '  region = "eu-west"',
    '}',
    '',
    'job "bench" {',
    '  datacenters = ["dc1", "dc2"]',
    '  type        = "service"',
    '  priority    = 50',
    '',
    '  update {',
    '    max_parallel     = 2',
    '    min_healthy_time = "10s"',
    '    healthy_deadline = "5m"',
    '    auto_revert      = true',
    '  }',
  ];
  const job = {
    ID: 'bench',
    Name: 'bench',
    Datacenters: ['dc1', 'dc2'],
    Type: 'service',
    Priority: 50,
    Update: { MaxParallel: 2, MinHealthyTime: 10e9, HealthyDeadline: 300e9, AutoRevert: true },
    /** @type {object[]} */
    TaskGroups: [],
  };
  let tasks = 0;
  for (let g = 0; hcl.length < targetLines - 2; g++) {
    const group = groupHcl(g);
    hcl.push('', ...group.lines);
    job.TaskGroups.push(group.api);
    tasks += group.api.Tasks.length;
  }
  hcl.push('}', '');
  return { hcl: hcl.join('\n'), apiJson: JSON.stringify({ Job: job }, null, 2), lines: hcl.length, groups: job.TaskGroups.length, tasks };
}

/** @param {number} g */
function groupHcl(g) {
  const name = `group-${g}`;
  const lines = [
    `  group "${name}" {`,
    `    count = ${1 + (g % 3)}`,
    '',
    '    constraint {',
    '      attribute = "${attr.kernel.name}"',
    '      value     = "linux"',
    '    }',
    '',
    '    network {',
    '      port "http" {',
    '        to = 8080',
    '      }',
    '    }',
    '',
    '    restart {',
    '      attempts = 3',
    '      interval = "30m"',
    '      delay    = "15s"',
    '      mode     = "delay"',
    '    }',
  ];
  /** @type {object[]} */
  const tasks = [];
  for (let t = 0; t < 3; t++) {
    const taskName = `task-${t}`;
    lines.push(
      '',
      `    task "${taskName}" {`,
      '      driver = "docker"',
      '',
      '      config {',
      '        image = "nginx:${var.image_tag}"',
      '        ports = ["http"]',
      `        args  = ["--worker", "${t}", "--region", "\${local.region}"]`,
      '      }',
      '',
      '      env {',
      `        GROUP = "${name}"`,
      `        TASK  = "${taskName}"`,
      '      }',
      '',
      '      service {',
      `        name = "${name}-${taskName}"`,
      '        port = "http"',
      '        tags = ["bench", "generated"]',
      '',
      '        check {',
      '          type     = "http"',
      '          path     = "/health"',
      '          interval = "10s"',
      '          timeout  = "2s"',
      '        }',
      '      }',
      '',
      '      template {',
      '        data        = <<-EOT',
      '          LISTEN={{ env "NOMAD_PORT_http" }}',
      `          NAME=${name}-${taskName}`,
      '        EOT',
      '        destination = "local/app.env"',
      '        env         = true',
      '      }',
      '',
      '      resources {',
      `        cpu    = ${200 + t * 100}`,
      '        memory = 256',
      '      }',
      '    }',
    );
    tasks.push({
      Name: taskName,
      Driver: 'docker',
      Config: { image: 'nginx:1.27', ports: ['http'], args: ['--worker', String(t), '--region', 'eu-west'] },
      Env: { GROUP: name, TASK: taskName },
      Services: [
        {
          Name: `${name}-${taskName}`,
          PortLabel: 'http',
          Tags: ['bench', 'generated'],
          Checks: [{ Type: 'http', Path: '/health', Interval: 10e9, Timeout: 2e9 }],
        },
      ],
      Templates: [{ EmbeddedTmpl: `LISTEN={{ env "NOMAD_PORT_http" }}\nNAME=${name}-${taskName}\n`, DestPath: 'local/app.env', Envvars: true }],
      Resources: { CPU: 200 + t * 100, MemoryMB: 256 },
    });
  }
  lines.push('  }');
  const api = {
    Name: name,
    Count: 1 + (g % 3),
    Constraints: [{ LTarget: '${attr.kernel.name}', RTarget: 'linux', Operand: '=' }],
    Networks: [{ DynamicPorts: [{ Label: 'http', To: 8080 }] }],
    RestartPolicy: { Attempts: 3, Interval: 1800e9, Delay: 15e9, Mode: 'delay' },
    Tasks: tasks,
  };
  return { lines, api };
}

module.exports = { generateJob };
