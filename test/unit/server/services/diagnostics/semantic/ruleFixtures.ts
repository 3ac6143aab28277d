// One fixture per semantic rule: a valid job and its neighbour with the
// mistake. ⟦ ⟧ marks where the finding must sit in HCL; `api` is the path of
// the same place in the job's API JSON (recorded from a real agent's
// /v1/jobs/parse in apiFixtures.json, see semanticAgent.test.ts).

export interface RuleFixture {
  readonly rule: string;
  readonly valid: string;
  /** The mistake, with ⟦ ⟧ around each place the rule must report. */
  readonly invalid: string;
  readonly message: RegExp;
  readonly severity?: 'warning';
  /** The Nomad version to check for (nomad.schemaVersion); the newest when unset. */
  readonly version?: string;
  /** Path in the API JSON Job to the reported node; undefined when 1.0.18 cannot parse the HCL. */
  readonly api?: ReadonlyArray<string | number>;
  /** Nomad v1.0.18 refuses the mistake too (checked against a real agent); false where only newer releases do. */
  readonly agent?: boolean;
}

const raw = '      driver = "raw_exec"\n      config {\n        command = "/bin/sleep"\n        args    = ["60"]\n      }\n';

/** A task running raw_exec, with `extra` inside it. */
export function task(extra = '', name = 'app'): string {
  return `    task "${name}" {\n${raw}${extra}    }\n`;
}

/** A group "web" holding `body` (tasks and settings). */
export function group(body: string, name = 'web'): string {
  return `  group "${name}" {\n${body}  }\n`;
}

/** A job "demo" in dc1 holding `body`. */
export function job(body: string, header = ''): string {
  return `job "demo" {\n  datacenters = ["dc1"]\n${header}${body}}\n`;
}

const web = (settings: string, taskExtra = ''): string => job(group(settings + task(taskExtra)));
const network = '    network {\n      port "http" {}\n    }\n';

export const ruleFixtures: readonly RuleFixture[] = [
  // ---- job ----
  {
    rule: 'periodic-needs-batch',
    valid: job(group(task()), '  type = "batch"\n  periodic {\n    cron = "@daily"\n  }\n'),
    invalid: job(group(task()), '  type = "service"\n  ⟦periodic⟧ {\n    cron = "@daily"\n  }\n'),
    message: /periodic job must be of type "batch"/,
    api: ['Periodic'],
  },
  {
    rule: 'parameterized-needs-batch',
    valid: job(group(task()), '  type = "batch"\n  parameterized {\n    payload = "optional"\n  }\n'),
    invalid: job(group(task()), '  ⟦parameterized⟧ {\n    payload = "optional"\n  }\n'),
    message: /parameterized job must be of type "batch"; this job is "service"/,
    api: ['ParameterizedJob'],
  },
  {
    rule: 'sysbatch-needs-1.2',
    valid: job(group(task()), '  type = "batch"\n'),
    invalid: job(group(task()), '  type = ⟦"sysbatch"⟧\n'),
    message: /needs Nomad 1\.2/,
    version: '1.0.18',
    api: ['Type'],
  },
  {
    rule: 'job-priority-range',
    valid: job(group(task()), '  priority = 100\n'),
    invalid: job(group(task()), '  priority = ⟦101⟧\n'),
    message: /between 1 and 100/,
    version: '1.0.18',
    api: ['Priority'],
  },
  {
    rule: 'job-datacenters-missing',
    valid: 'job "demo" {\n  datacenters = ["dc1"]\n' + group(task()) + '}\n',
    invalid: '⟦job⟧ "demo" {\n' + group(task()) + '}\n',
    message: /needs "(datacenters|Datacenters)" before Nomad 1\.5/,
    version: '1.0.18',
    api: [],
  },
  {
    rule: 'job-datacenter-empty',
    valid: 'job "demo" {\n  datacenters = ["dc1", "dc2"]\n' + group(task()) + '}\n',
    invalid: 'job "demo" {\n  datacenters = ⟦["dc1", ""]⟧\n' + group(task()) + '}\n',
    message: /datacenter name cannot be empty/,
    api: ['Datacenters'],
  },
  {
    rule: 'job-id-space',
    valid: 'job "my-job" {\n  datacenters = ["dc1"]\n' + group(task()) + '}\n',
    invalid: 'job ⟦"my job"⟧ {\n  datacenters = ["dc1"]\n' + group(task()) + '}\n',
    message: /cannot contain spaces/,
    api: ['ID'],
  },
  {
    rule: 'system-no-reschedule',
    valid: job(group(task()), '  type = "system"\n'),
    invalid: job(group('    ⟦reschedule⟧ {\n      attempts = 1\n      interval = "1h"\n    }\n' + task()), '  type = "system"\n'),
    message: /System jobs are not rescheduled/,
    api: ['TaskGroups', 0, 'ReschedulePolicy'],
  },
  {
    rule: 'system-count-max-one',
    valid: job(group('    count = 1\n' + task()), '  type = "system"\n'),
    invalid: job(group('    count = ⟦2⟧\n' + task()), '  type = "system"\n'),
    message: /count cannot exceed 1/,
    api: ['TaskGroups', 0, 'Count'],
  },
  {
    rule: 'update-job-type',
    valid: job(group('    update {\n      max_parallel = 1\n    }\n' + task())),
    invalid: job(group('    ⟦update⟧ {\n      max_parallel = 1\n    }\n' + task()), '  type = "batch"\n'),
    message: /batch job cannot have an update block/,
    api: ['TaskGroups', 0, 'Update'],
  },
  {
    rule: 'migrate-job-type',
    valid: job(group('    migrate {\n      max_parallel = 1\n    }\n' + task())),
    invalid: job(group('    ⟦migrate⟧ {\n      max_parallel = 1\n    }\n' + task()), '  type = "batch"\n'),
    message: /batch job cannot have a migrate block/,
    api: ['TaskGroups', 0, 'Migrate'],
  },
  {
    rule: 'periodic-spec-missing',
    valid: job(group(task()), '  type = "batch"\n  periodic {\n    cron = "*/5 * * * *"\n  }\n'),
    invalid: job(group(task()), '  type = "batch"\n  periodic {\n    cron = ⟦""⟧\n  }\n'),
    message: /periodic block needs/,
    api: ['Periodic', 'Spec'],
  },
  {
    rule: 'periodic-time-zone',
    valid: job(group(task()), '  type = "batch"\n  periodic {\n    cron      = "@daily"\n    time_zone = "Europe/Berlin"\n  }\n'),
    invalid: job(group(task()), '  type = "batch"\n  periodic {\n    cron      = "@daily"\n    time_zone = ⟦"Europe/Nowhere"⟧\n  }\n'),
    message: /not a time zone/,
    api: ['Periodic', 'TimeZone'],
  },
  {
    rule: 'parameterized-meta-disjoint',
    valid: job(group(task()), '  type = "batch"\n  parameterized {\n    meta_required = ["a"]\n    meta_optional = ["b"]\n  }\n'),
    invalid: job(group(task()), '  type = "batch"\n  parameterized {\n    meta_required = ["a"]\n    meta_optional = ⟦["a", "b"]⟧\n  }\n'),
    message: /both required and optional: "a"/,
    api: ['ParameterizedJob', 'MetaOptional'],
  },
  {
    rule: 'auto-promote-all-groups',
    valid: job(group('    update {\n      canary       = 1\n      auto_promote = true\n    }\n' + task()) + group('    update {\n      canary       = 1\n      auto_promote = true\n    }\n' + task(), 'api')),
    invalid: job(group('    update {\n      canary       = 1\n      auto_promote = true\n    }\n' + task()) + group('    ⟦update⟧ {\n      canary = 1\n    }\n' + task(), 'api')),
    message: /not promoted automatically while other groups are/,
    severity: 'warning',
    api: ['TaskGroups', 1, 'Update'],
  },
  {
    rule: 'stop-after-client-disconnect',
    valid: job(group('    stop_after_client_disconnect = "1m"\n' + task()), '  type = "batch"\n'),
    invalid: job(group('    stop_after_client_disconnect = ⟦"1m"⟧\n' + task()), '  type = "system"\n'),
    message: /only applies to batch and service jobs/,
    version: '1.9.0',
    api: ['TaskGroups', 0, 'StopAfterClientDisconnect'],
  },

  {
    rule: 'disconnect-invalid',
    valid: job(group('    disconnect {\n      lost_after = "1h"\n      replace    = true\n    }\n' + task())),
    invalid: job(group('    disconnect {\n      lost_after           = "1h"\n      ⟦stop_on_client_after⟧ = "30m"\n    }\n' + task())),
    message: /lost_after .* or stop_on_client_after .*, not both/,
  },
  {
    rule: 'disconnect-legacy-fields',
    valid: job(group('    disconnect {\n      lost_after = "1h"\n    }\n' + task())),
    invalid: job(group('    ⟦max_client_disconnect⟧ = "1h"\n    disconnect {\n      reconcile = "best_score"\n    }\n' + task())),
    message: /max_client_disconnect cannot be used with a disconnect block: set lost_after/,
    version: '1.9.0',
  },

  // ---- restart, reschedule, update, migrate ----
  {
    rule: 'restart-attempts-zero-delay',
    valid: web('    restart {\n      attempts = 0\n      mode     = "fail"\n    }\n'),
    invalid: web('    restart {\n      attempts = ⟦0⟧\n      mode     = "delay"\n    }\n'),
    message: /mode "delay" and 0 attempts/,
    api: ['TaskGroups', 0, 'RestartPolicy', 'Attempts'],
  },
  {
    rule: 'restart-interval-minimum',
    valid: web('    restart {\n      attempts = 1\n      interval = "5s"\n      delay    = "1s"\n    }\n'),
    invalid: web('    restart {\n      attempts = 1\n      interval = ⟦"4s"⟧\n      delay    = "1s"\n    }\n'),
    message: /restart interval must be at least 5s/,
    api: ['TaskGroups', 0, 'RestartPolicy', 'Interval'],
  },
  {
    rule: 'restart-attempts-fit',
    valid: web('    restart {\n      attempts = 3\n      delay    = "10s"\n      interval = "30s"\n    }\n'),
    invalid: web('    restart {\n      attempts = 3\n      delay    = "15s"\n      interval = ⟦"30s"⟧\n    }\n'),
    message: /3 restarts 15s apart do not fit in the interval of 30s: make the interval at least 45s/,
    api: ['TaskGroups', 0, 'RestartPolicy', 'Interval'],
  },
  {
    rule: 'reschedule-attempts-unlimited',
    valid: web('    reschedule {\n      unlimited = true\n    }\n'),
    invalid: web('    reschedule {\n      attempts  = ⟦2⟧\n      interval  = "1h"\n      unlimited = true\n    }\n'),
    message: /cannot limit attempts and be unlimited/,
    api: ['TaskGroups', 0, 'ReschedulePolicy', 'Attempts'],
  },
  {
    rule: 'reschedule-interval-zero',
    valid: web('    reschedule {\n      attempts  = 2\n      interval  = "1h"\n      unlimited = false\n    }\n'),
    invalid: web('    reschedule {\n      attempts  = 2\n      interval  = ⟦"0s"⟧\n      unlimited = false\n    }\n'),
    message: /need an interval above 0/,
    api: ['TaskGroups', 0, 'ReschedulePolicy', 'Interval'],
  },
  {
    rule: 'reschedule-delay-minimum',
    valid: web('    reschedule {\n      delay = "5s"\n    }\n'),
    invalid: web('    reschedule {\n      delay = ⟦"2s"⟧\n    }\n'),
    message: /reschedule delay must be at least 5s/,
    api: ['TaskGroups', 0, 'ReschedulePolicy', 'Delay'],
  },
  {
    rule: 'reschedule-interval-minimum',
    valid: web('    reschedule {\n      attempts       = 1\n      interval       = "15s"\n      delay          = "5s"\n      delay_function = "constant"\n      unlimited      = false\n    }\n'),
    invalid: web('    reschedule {\n      attempts       = 1\n      interval       = ⟦"10s"⟧\n      delay          = "5s"\n      delay_function = "constant"\n      unlimited      = false\n    }\n'),
    message: /reschedule interval must be at least 15s/,
    api: ['TaskGroups', 0, 'ReschedulePolicy', 'Interval'],
  },
  {
    rule: 'reschedule-attempts-fit',
    valid: web('    reschedule {\n      attempts       = 3\n      interval       = "1m"\n      delay          = "10s"\n      delay_function = "constant"\n      unlimited      = false\n    }\n'),
    invalid: web('    reschedule {\n      attempts       = 3\n      interval       = ⟦"20s"⟧\n      delay          = "10s"\n      delay_function = "constant"\n      unlimited      = false\n    }\n'),
    message: /3 reschedule attempts with a constant delay starting at 10s do not fit in 20s: make the interval at least 30s/,
    api: ['TaskGroups', 0, 'ReschedulePolicy', 'Interval'],
  },
  {
    rule: 'update-min-healthy-time',
    valid: web('    update {\n      min_healthy_time = "30s"\n      healthy_deadline = "1m"\n    }\n'),
    invalid: web('    update {\n      min_healthy_time = ⟦"2m"⟧\n      healthy_deadline = "1m"\n    }\n'),
    message: /min_healthy_time \(2m\) must be shorter than healthy_deadline \(1m\)/,
    api: ['TaskGroups', 0, 'Update', 'MinHealthyTime'],
  },
  {
    rule: 'update-durations-positive',
    valid: web('    update {\n      stagger = "30s"\n    }\n'),
    invalid: web('    update {\n      stagger = ⟦"0s"⟧\n    }\n'),
    message: /(stagger|Stagger) must be above 0/,
    api: ['TaskGroups', 0, 'Update', 'Stagger'],
  },
  {
    rule: 'update-auto-promote-canary',
    valid: web('    update {\n      canary       = 1\n      auto_promote = true\n    }\n'),
    invalid: web('    update {\n      auto_promote = ⟦true⟧\n    }\n'),
    message: /auto_promote needs canaries/,
    api: ['TaskGroups', 0, 'Update', 'AutoPromote'],
  },
  {
    rule: 'update-max-parallel-count',
    valid: web('    count = 3\n    update {\n      max_parallel = 3\n    }\n'),
    invalid: web('    count = 2\n    update {\n      max_parallel = ⟦3⟧\n    }\n'),
    message: /max_parallel \(3\) is above the group's count \(2\)/,
    severity: 'warning',
    api: ['TaskGroups', 0, 'Update', 'MaxParallel'],
  },
  {
    rule: 'migrate-min-healthy-time',
    valid: web('    migrate {\n      min_healthy_time = "10s"\n      healthy_deadline = "1m"\n    }\n'),
    invalid: web('    migrate {\n      min_healthy_time = ⟦"2m"⟧\n      healthy_deadline = "1m"\n    }\n'),
    message: /cannot be longer than healthy_deadline/,
    api: ['TaskGroups', 0, 'Migrate', 'MinHealthyTime'],
  },

  // ---- groups ----
  {
    rule: 'group-tasks-missing',
    valid: web('    count = 1\n'),
    invalid: job('  ⟦group⟧ "web" {\n    count = 1\n  }\n'),
    message: /has no task/,
    api: ['TaskGroups', 0],
  },
  {
    rule: 'task-leader-single',
    valid: job(group(task('      leader = true\n') + task('', 'side'))),
    invalid: job(group(task('      leader = true\n') + task('      leader = ⟦true⟧\n', 'side'))),
    message: /Only one task of a group can be the leader/,
    api: ['TaskGroups', 0, 'Tasks', 1, 'Leader'],
  },
  {
    rule: 'scaling-count-bounds',
    valid: web('    count = 2\n    scaling {\n      min = 1\n      max = 3\n    }\n'),
    invalid: web('    count = ⟦5⟧\n    scaling {\n      min = 1\n      max = 3\n    }\n'),
    message: /count \(5\) is above the scaling max \(3\)/,
    api: ['TaskGroups', 0, 'Count'],
  },
  {
    rule: 'volume-mount-undefined',
    valid: web('    volume "data" {\n      type   = "host"\n      source = "data"\n    }\n', '      volume_mount {\n        volume      = "data"\n        destination = "/data"\n      }\n'),
    invalid: web('    volume "data" {\n      type   = "host"\n      source = "data"\n    }\n', '      volume_mount {\n        volume      = ⟦"date"⟧\n        destination = "/data"\n      }\n'),
    message: /has no volume "date"; it has "data"/,
    api: ['TaskGroups', 0, 'Tasks', 0, 'VolumeMounts', 0, 'Volume'],
  },
  {
    rule: 'port-label-duplicate',
    valid: web(network, '      resources {\n        network {\n          port "admin" {}\n        }\n      }\n'),
    invalid: web(network, '      resources {\n        network {\n          port ⟦"http"⟧ {}\n        }\n      }\n'),
    message: /port label "http" is already used/,
    api: ['TaskGroups', 0, 'Tasks', 0, 'Resources', 'Networks', 0, 'DynamicPorts', 0, 'Label'],
  },
  {
    rule: 'ephemeral-disk-minimum',
    valid: web('    ephemeral_disk {\n      size = 150\n    }\n', '      logs {\n        max_files     = 2\n        max_file_size = 10\n      }\n'),
    invalid: web('    ephemeral_disk {\n      size = ⟦5⟧\n    }\n', '      logs {\n        max_files     = 1\n        max_file_size = 1\n      }\n'),
    message: /ephemeral disk must be at least 10 MB/,
    api: ['TaskGroups', 0, 'EphemeralDisk', 'SizeMB'],
  },
  {
    rule: 'logs-exceed-disk',
    valid: web('    ephemeral_disk {\n      size = 150\n    }\n', '      logs {\n        max_files     = 2\n        max_file_size = 10\n      }\n'),
    invalid: web('    ephemeral_disk {\n      size = ⟦100⟧\n    }\n'),
    message: /logs of task "app" may take 100 MB \(10 files of 10 MB\), not less than the group's ephemeral disk of 100 MB/,
    api: ['TaskGroups', 0, 'EphemeralDisk', 'SizeMB'],
  },
  {
    rule: 'volume-source-missing',
    valid: web('    volume "data" {\n      type   = "host"\n      source = "data"\n    }\n'),
    invalid: web('    volume "data" {\n      type   = "host"\n      source = ⟦""⟧\n    }\n'),
    message: /volume "data" needs a source/,
    api: ['TaskGroups', 0, 'Volumes', 'data', 'Source'],
  },

  // ---- tasks ----
  {
    rule: 'task-name-slash',
    valid: job(group(task('', 'app-1'))),
    invalid: job(group(task('', 'app/1').replace('"app/1"', '⟦"app/1"⟧'))),
    message: /cannot contain "\/"/,
    api: ['TaskGroups', 0, 'Tasks', 0, 'Name'],
  },
  {
    rule: 'memory-max-below-memory',
    valid: web('', '      resources {\n        memory     = 256\n        memory_max = 512\n      }\n'),
    invalid: web('', '      resources {\n        memory     = 256\n        memory_max = ⟦128⟧\n      }\n'),
    message: /memory_max \(128 MB\) cannot be below memory \(256 MB\)/,
    agent: false,
  },
  {
    rule: 'resources-cpu-and-cores',
    valid: web('', '      resources {\n        cores = 2\n      }\n'),
    invalid: web('', '      resources {\n        cpu   = 500\n        cores = ⟦2⟧\n      }\n'),
    message: /either cpu \(MHz\) or cores, not both/,
    agent: false,
  },
  {
    rule: 'template-source-missing',
    valid: web('', '      template {\n        data        = "x"\n        destination = "local/x"\n      }\n'),
    invalid: web('', '      ⟦template⟧ {\n        destination = "local/x"\n      }\n'),
    message: /template needs "(data|EmbeddedTmpl)"/,
    api: ['TaskGroups', 0, 'Tasks', 0, 'Templates', 0],
  },
  {
    rule: 'template-destination-duplicate',
    valid: web('', '      template {\n        data        = "a"\n        destination = "local/a"\n      }\n      template {\n        data        = "b"\n        destination = "local/b"\n      }\n'),
    invalid: web('', '      template {\n        data        = "a"\n        destination = "local/a"\n      }\n      template {\n        data        = "b"\n        destination = ⟦"local/a"⟧\n      }\n'),
    message: /already renders to "local\/a"/,
    api: ['TaskGroups', 0, 'Tasks', 0, 'Templates', 1, 'DestPath'],
  },
  {
    rule: 'template-change-signal',
    valid: web('', '      template {\n        data          = "a"\n        destination   = "local/a"\n        change_mode   = "signal"\n        change_signal = "SIGHUP"\n      }\n'),
    invalid: web('', '      template {\n        data          = "a"\n        destination   = "local/a"\n        change_mode   = "signal"\n        change_signal = ⟦""⟧\n      }\n'),
    message: /change_mode "signal" needs a signal/,
    api: ['TaskGroups', 0, 'Tasks', 0, 'Templates', 0, 'ChangeSignal'],
  },
  {
    rule: 'template-perms-octal',
    valid: web('', '      template {\n        data        = "a"\n        destination = "local/a"\n        perms       = "0640"\n      }\n'),
    invalid: web('', '      template {\n        data        = "a"\n        destination = "local/a"\n        perms       = ⟦"0980"⟧\n      }\n'),
    message: /not an octal file mode/,
    api: ['TaskGroups', 0, 'Tasks', 0, 'Templates', 0, 'Perms'],
  },
  {
    rule: 'destination-escapes-allocation',
    valid: web('', '      template {\n        data        = "a"\n        destination = "../alloc/a"\n      }\n'),
    invalid: web('', '      template {\n        data        = "a"\n        destination = ⟦"../../a"⟧\n      }\n'),
    message: /leads outside the allocation directory/,
    api: ['TaskGroups', 0, 'Tasks', 0, 'Templates', 0, 'DestPath'],
  },
  {
    rule: 'artifact-source-missing',
    valid: web('', '      artifact {\n        source = "https://example.com/app.tgz"\n      }\n'),
    invalid: web('', '      artifact {\n        source = ⟦""⟧\n      }\n'),
    message: /artifact needs a source/,
    api: ['TaskGroups', 0, 'Tasks', 0, 'Artifacts', 0, 'GetterSource'],
  },
  {
    rule: 'artifact-checksum-invalid',
    valid: web('', '      artifact {\n        source = "https://example.com/app.tgz"\n        options {\n          checksum = "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"\n        }\n      }\n'),
    invalid: web('', '      artifact {\n        source = "https://example.com/app.tgz"\n        options {\n          checksum = ⟦"sha256:abcd"⟧\n        }\n      }\n'),
    message: /A sha256 checksum has 64 hex digits, not 4/,
    api: ['TaskGroups', 0, 'Tasks', 0, 'Artifacts', 0, 'GetterOptions', 'checksum'],
  },
  {
    rule: 'numa-device-unrequested',
    valid: web('', '      resources {\n        device "nvidia/gpu" {}\n        numa {\n          affinity = "none"\n          devices  = ["nvidia/gpu"]\n        }\n      }\n'),
    invalid: web('', '      resources {\n        device "nvidia/gpu" {}\n        numa {\n          affinity = "none"\n          devices  = ⟦["nvidia/gpu", "intel/fpga"]⟧\n        }\n      }\n'),
    message: /numa names "intel\/fpga", which the task does not request.*requested: "nvidia\/gpu"/,
  },
  {
    rule: 'identity-invalid',
    valid: web('', '      identity {\n        name = "example"\n        aud  = ["example.com"]\n        ttl  = "1h"\n      }\n'),
    invalid: web('', '      identity {\n        name = ⟦"example app"⟧\n        aud  = ["example.com"]\n        ttl  = "1h"\n      }\n'),
    message: /"example app" is not an identity name/,
  },
  {
    rule: 'identity-env-restart',
    valid: web('', '      identity {\n        name        = "example"\n        aud         = ["example.com"]\n        ttl         = "1h"\n        env         = true\n        change_mode = "restart"\n      }\n'),
    invalid: web('', '      identity {\n        name = "example"\n        aud  = ["example.com"]\n        ttl  = "1h"\n        env  = ⟦true⟧\n      }\n'),
    message: /keeps the old identity in its environment/,
    severity: 'warning',
  },
  {
    rule: 'action-invalid',
    valid: web('', '      action "show-logs" {\n        command = "/bin/cat"\n        args    = ["/alloc/logs/app.stdout.0"]\n      }\n'),
    invalid: web('', '      action ⟦"show logs"⟧ {\n        command = "/bin/cat"\n        args    = ["/alloc/logs/app.stdout.0"]\n      }\n'),
    message: /"show logs" is not an action name: no spaces/,
  },
  {
    rule: 'vault-change-signal',
    valid: web('', '      vault {\n        policies      = ["app"]\n        change_mode   = "signal"\n        change_signal = "SIGHUP"\n      }\n'),
    invalid: web('', '      vault {\n        policies      = ["app"]\n        change_mode   = "signal"\n        change_signal = ⟦""⟧\n      }\n'),
    message: /change_mode "signal" needs a signal/,
    api: ['TaskGroups', 0, 'Tasks', 0, 'Vault', 'ChangeSignal'],
  },
  {
    rule: 'vault-policies-empty',
    valid: web('', '      vault {\n        policies = ["app"]\n      }\n'),
    invalid: web('', '      ⟦vault⟧ {\n        change_mode = "restart"\n      }\n'),
    message: /vault block needs "(policies|Policies)" before Nomad 1\.7/,
    version: '1.6.0',
    api: ['TaskGroups', 0, 'Tasks', 0, 'Vault'],
  },
  {
    rule: 'vault-root-policy',
    valid: web('', '      vault {\n        policies = ["app"]\n      }\n'),
    invalid: web('', '      vault {\n        policies = ⟦["root"]⟧\n      }\n'),
    message: /"root" policy/,
    api: ['TaskGroups', 0, 'Tasks', 0, 'Vault', 'Policies'],
  },
  {
    rule: 'duration-negative',
    valid: web('', '      kill_timeout = "10s"\n'),
    invalid: web('', '      kill_timeout = ⟦"-10s"⟧\n'),
    message: /cannot be negative/,
    api: ['TaskGroups', 0, 'Tasks', 0, 'KillTimeout'],
  },

  // ---- services ----
  {
    rule: 'service-name-invalid',
    valid: web(network + '    service {\n      name = "web-${NOMAD_JOB_NAME}"\n      port = "http"\n    }\n'),
    invalid: web(network + '    service {\n      name = ⟦"web_api"⟧\n      port = "http"\n    }\n'),
    message: /not a valid service name/,
    api: ['TaskGroups', 0, 'Services', 0, 'Name'],
  },
  {
    rule: 'service-port-undefined',
    valid: web(network, '      service {\n        name = "web"\n        port = "http"\n      }\n'),
    invalid: web(network, '      service {\n        name = "web"\n        port = ⟦"htp"⟧\n      }\n'),
    message: /No network block of this group defines the port "htp"; defined: "http"/,
    api: ['TaskGroups', 0, 'Tasks', 0, 'Services', 0, 'PortLabel'],
  },
  {
    rule: 'check-port-missing',
    valid: web(network, '      service {\n        name = "web"\n        port = "http"\n        check {\n          type     = "tcp"\n          interval = "10s"\n          timeout  = "2s"\n        }\n      }\n'),
    invalid: web(network, '      service {\n        name = "web"\n        ⟦check⟧ {\n          type     = "tcp"\n          interval = "10s"\n          timeout  = "2s"\n        }\n      }\n'),
    message: /tcp check needs a port/,
    api: ['TaskGroups', 0, 'Tasks', 0, 'Services', 0, 'Checks', 0],
  },
  {
    rule: 'check-interval-timeout',
    valid: web(network, '      service {\n        name = "web"\n        port = "http"\n        check {\n          type     = "tcp"\n          interval = "1s"\n          timeout  = "1s"\n        }\n      }\n'),
    invalid: web(network, '      service {\n        name = "web"\n        port = "http"\n        check {\n          type     = "tcp"\n          interval = ⟦"500ms"⟧\n          timeout  = "1s"\n        }\n      }\n'),
    message: /check (interval|Interval) must be at least 1s/,
    api: ['TaskGroups', 0, 'Tasks', 0, 'Services', 0, 'Checks', 0, 'Interval'],
  },
  {
    rule: 'check-type-fields',
    valid: web(network, '      service {\n        name = "web"\n        port = "http"\n        check {\n          type     = "http"\n          path     = "/health"\n          interval = "10s"\n          timeout  = "2s"\n        }\n      }\n'),
    invalid: web(network, '      service {\n        name = "web"\n        port = "http"\n        ⟦check⟧ {\n          type     = "http"\n          interval = "10s"\n          timeout  = "2s"\n        }\n      }\n'),
    message: /http check needs "(path|Path)"/,
    api: ['TaskGroups', 0, 'Tasks', 0, 'Services', 0, 'Checks', 0],
  },
  {
    rule: 'check-name-duplicate',
    valid: web(network, '      service {\n        name = "web"\n        port = "http"\n        check {\n          name     = "a"\n          type     = "tcp"\n          interval = "10s"\n          timeout  = "2s"\n        }\n        check {\n          name     = "b"\n          type     = "tcp"\n          interval = "10s"\n          timeout  = "2s"\n        }\n      }\n'),
    invalid: web(network, '      service {\n        name = "web"\n        port = "http"\n        check {\n          name     = "a"\n          type     = "tcp"\n          interval = "10s"\n          timeout  = "2s"\n        }\n        check {\n          name     = ⟦"a"⟧\n          type     = "tcp"\n          interval = "10s"\n          timeout  = "2s"\n        }\n      }\n'),
    message: /check name "a" is used twice/,
    api: ['TaskGroups', 0, 'Tasks', 0, 'Services', 0, 'Checks', 1, 'Name'],
  },
  {
    rule: 'service-address-mode',
    valid: web(network + '    service {\n      name         = "web"\n      port         = "http"\n      address_mode = "alloc"\n    }\n'),
    invalid: web(network, '      service {\n        name         = "web"\n        port         = "http"\n        address_mode = ⟦"alloc"⟧\n      }\n'),
    message: /address_mode "alloc" is only for services of a group/,
    api: ['TaskGroups', 0, 'Tasks', 0, 'Services', 0, 'AddressMode'],
  },
  {
    rule: 'service-connect-in-task',
    valid: web('    network {\n      mode = "bridge"\n    }\n    service {\n      name = "web"\n      port = "8080"\n      connect {\n        sidecar_service {}\n      }\n    }\n'),
    invalid: web('    network {\n      mode = "bridge"\n    }\n', '      service {\n        name = "web"\n        port = "8080"\n        ⟦connect⟧ {\n          sidecar_service {}\n        }\n      }\n'),
    message: /connect block belongs in a service of the group/,
    api: ['TaskGroups', 0, 'Tasks', 0, 'Services', 0, 'Connect'],
  },
  {
    rule: 'check-task',
    valid: web(network + '    service {\n      name = "web"\n      port = "http"\n      check {\n        type     = "script"\n        task     = "app"\n        command  = "/bin/true"\n        interval = "10s"\n        timeout  = "2s"\n      }\n    }\n'),
    invalid: web(network + '    service {\n      name = "web"\n      port = "http"\n      check {\n        type     = "script"\n        task     = ⟦"ap"⟧\n        command  = "/bin/true"\n        interval = "10s"\n        timeout  = "2s"\n      }\n    }\n'),
    message: /group "web" has no task "ap"/,
    api: ['TaskGroups', 0, 'Services', 0, 'Checks', 0, 'TaskName'],
  },

  // ---- placement ----
  {
    rule: 'constraint-invalid',
    valid: job(group(task()), '  constraint {\n    attribute = "${attr.kernel.name}"\n    operator  = "regexp"\n    value     = "^(linux|darwin)$"\n  }\n'),
    invalid: job(group(task()), '  constraint {\n    attribute = "${attr.kernel.name}"\n    operator  = "regexp"\n    value     = ⟦"^(linux|darwin$"⟧\n  }\n'),
    message: /not a valid regular expression/,
    api: ['Constraints', 0, 'RTarget'],
  },
  {
    rule: 'constraint-task-level',
    valid: job(group('    constraint {\n      distinct_hosts = true\n    }\n' + task())),
    invalid: web('', '      constraint {\n        operator = ⟦"distinct_hosts"⟧\n      }\n'),
    message: /distinct_hosts constraint cannot be set on a task/,
    api: ['TaskGroups', 0, 'Tasks', 0, 'Constraints', 0, 'Operand'],
  },
  {
    rule: 'affinity-invalid',
    valid: job(group(task()), '  affinity {\n    attribute = "${node.datacenter}"\n    value     = "dc1"\n    weight    = 50\n  }\n'),
    invalid: job(group(task()), '  affinity {\n    attribute = "${node.datacenter}"\n    value     = "dc1"\n    weight    = ⟦0⟧\n  }\n'),
    message: /affinity weight cannot be 0/,
    api: ['Affinities', 0, 'Weight'],
  },
  {
    rule: 'system-no-affinity-spread',
    valid: job(group(task()), '  type = "system"\n'),
    invalid: job(group(task()), '  type = "system"\n  ⟦affinity⟧ {\n    attribute = "${node.datacenter}"\n    value     = "dc1"\n    weight    = 50\n  }\n'),
    message: /cannot have an affinity block/,
    api: ['Affinities', 0],
  },
  {
    rule: 'spread-invalid',
    valid: job(group(task()), '  spread {\n    attribute = "${node.datacenter}"\n    target "dc1" {\n      percent = 60\n    }\n    target "dc2" {\n      percent = 40\n    }\n  }\n'),
    invalid: job(group(task()), '  ⟦spread⟧ {\n    attribute = "${node.datacenter}"\n    target "dc1" {\n      percent = 70\n    }\n    target "dc2" {\n      percent = 40\n    }\n  }\n'),
    message: /add up to 110%, more than 100%/,
    api: ['Spreads', 0],
  },
  {
    rule: 'device-request-invalid',
    valid: web('', '      resources {\n        device "nvidia/gpu" {\n          count = 1\n          constraint {\n            attribute = "${device.attr.memory}"\n            operator  = ">="\n            value     = "2 GiB"\n          }\n        }\n      }\n'),
    invalid: web('', '      resources {\n        device "nvidia/gpu" {\n          count = 1\n          constraint {\n            operator = ⟦"distinct_hosts"⟧\n          }\n        }\n      }\n'),
    message: /device constraint cannot use distinct_hosts/,
    api: ['TaskGroups', 0, 'Tasks', 0, 'Resources', 'Devices', 0, 'Constraints', 0, 'Operand'],
  },
];
