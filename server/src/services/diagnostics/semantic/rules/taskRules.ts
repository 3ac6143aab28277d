// Task checks of Task.Validate: the name, resources, templates, artifacts,
// the dispatch payload, vault and negative durations. Task `disk` is not
// checked: the HTTP API drops it, so Nomad never sees it (the schema's
// deprecation hint says so).
import { booleanOf, durationOf, nonEmpty, numberOf, stringOf, stringsOf, type FieldView } from '../jobView';
import { reportRepeats } from '../repeats';
import type { Findings, SemanticRule } from '../semanticRule';
import { versionAtLeast } from '../../../../schema/targetVersion';

export const taskNameSlash: SemanticRule = {
  id: 'task-name-slash',
  summary: 'task names have no slashes (they name a directory)',
  check(job, findings) {
    for (const task of job.tasks) {
      const name = task.view.field('Name');
      const text = stringOf(name);
      if (name && text !== undefined && /[/\\]/.test(text)) findings.report(name.place, 'A task name cannot contain "/" or "\\": it names the task\'s directory');
    }
  },
};

export const memoryMax: SemanticRule = {
  id: 'memory-max-below-memory',
  summary: 'memory_max is 0, -1 (unlimited, from 1.7.3) or at least memory',
  check(job, findings) {
    for (const task of job.tasks) {
      const max = task.resources.number('MemoryMaxMB');
      const memory = task.resources.number('MemoryMB');
      if (!max?.field || !memory || max.value === 0) continue;
      if (max.value === -1) {
        if (!versionAtLeast(findings.version, '1.7.3')) findings.report(max.place, `memory_max = -1 (no limit) needs Nomad 1.7.3 or newer; the target is ${findings.version}`);
        continue;
      }
      if (max.value < 0 || max.value >= memory.value) continue;
      findings.report(max.place, `memory_max (${max.value} MB) cannot be below memory (${memory.value} MB)`, {
        related: memory.field ? [{ place: memory.field.place, message: 'the reserved memory' }] : [],
        fixes: [{ title: `Raise memory_max to ${memory.value}`, place: max.place, newText: String(memory.value) }],
      });
    }
  },
};

export const cpuOrCores: SemanticRule = {
  id: 'resources-cpu-and-cores',
  summary: 'a task asks for cpu or cores, not both',
  since: '1.1.0',
  check(job, findings) {
    for (const task of job.tasks) {
      const resources = task.view.objects('Resources')[0];
      const cpu = resources?.field('CPU');
      const cores = resources?.field('Cores');
      if (cpu && cores && (numberOf(cpu) ?? 0) > 0 && (numberOf(cores) ?? 0) > 0) findings.report(cores.place, 'A task asks for either cpu (MHz) or cores, not both', { related: [{ place: cpu.place, message: 'cpu is set here' }] });
    }
  },
};

export const templateSource: SemanticRule = {
  id: 'template-source-missing',
  summary: 'a template has data or source',
  check(job, findings) {
    for (const task of job.tasks) {
      for (const template of task.view.objects('Templates')) {
        const source = template.field('SourcePath');
        const data = template.field('EmbeddedTmpl');
        if (!nonEmpty(source) && !nonEmpty(data)) findings.report(template.place, `The template needs "${findings.name('data', 'EmbeddedTmpl')}" (the template itself) or "${findings.name('source', 'SourcePath')}" (a file)`);
      }
    }
  },
};

export const templateDestinations: SemanticRule = {
  id: 'template-destination-duplicate',
  summary: 'two templates of a task never render to one destination',
  check(job, findings) {
    for (const task of job.tasks) {
      const destinations = task.view.objects('Templates').map((template) => template.field('DestPath'));
      reportRepeats(findings, destinations, (path) => `Another template of task "${task.name ?? ''}" already renders to "${path}"`, 'the other template');
    }
  },
};

export const templateChangeMode: SemanticRule = {
  id: 'template-change-signal',
  summary: 'change_mode "signal" needs a signal (SIGHUP when left out) and cannot go with env = true',
  check(job, findings) {
    for (const task of job.tasks) {
      for (const template of task.view.objects('Templates')) {
        const mode = template.field('ChangeMode');
        if (stringOf(mode) !== 'signal' || !mode) continue;
        emptySignal(template.field('ChangeSignal'), findings);
        const env = template.field('Envvars');
        if (env && booleanOf(env) === true) findings.report(mode.place, 'A template that sets environment variables (env = true) cannot signal the task: use change_mode "restart"', { related: [{ place: env.place, message: 'env is set here' }] });
      }
    }
  },
};

export const templatePerms: SemanticRule = {
  id: 'template-perms-octal',
  summary: 'template perms is an octal mode such as "0644"',
  check(job, findings) {
    for (const task of job.tasks) {
      for (const template of task.view.objects('Templates')) {
        const perms = template.field('Perms');
        const text = stringOf(perms);
        if (perms && text !== undefined && text !== '' && !/^[0-7]{1,4}$/.test(text)) findings.report(perms.place, `"${text}" is not an octal file mode such as "0644"`);
      }
    }
  },
};

/**
 * Whether a relative path climbs out of the allocation directory, seen from
 * `base` inside it (Nomad's escapingfs.PathEscapesAllocViaRelative). Paths
 * with interpolation are not judged.
 */
export function escapesAllocation(base: string, path: string): boolean {
  if (path.includes('${') || path.startsWith('/')) return false;
  const depth = depthAfter(base, 0);
  return depth < 0 || depthAfter(path, depth) < 0;
}

const SLASH = 0x2f;
const DOT = 0x2e;

/**
 * The depth after walking the `/`-separated parts of `path` from `depth`, or
 * -1 once a `..` climbs above the start. Reads the characters in place: it
 * runs for every destination of every task on each validation, and splitting
 * into arrays cost more than the rest of the rule.
 */
function depthAfter(path: string, depth: number): number {
  let start = 0;
  for (let i = 0; i <= path.length; i++) {
    if (i < path.length && path.charCodeAt(i) !== SLASH) continue;
    const length = i - start;
    const dots = length <= 2 && path.charCodeAt(start) === DOT && (length === 1 || path.charCodeAt(start + 1) === DOT) ? length : 0;
    // An empty part (`a//b`) and `.` stay where they are.
    if (dots === 2) {
      if (--depth < 0) return -1;
    } else if (length > 0 && dots !== 1) depth++;
    start = i + 1;
  }
  return depth;
}

export const pathsInsideAllocation: SemanticRule = {
  id: 'destination-escapes-allocation',
  summary: 'template, artifact and dispatch_payload destinations stay inside the allocation directory',
  check(job, findings) {
    for (const task of job.tasks) {
      for (const template of task.view.objects('Templates')) checkInsideAllocation(template.field('DestPath'), 'task', findings);
      for (const artifact of task.view.objects('Artifacts')) checkInsideAllocation(artifact.field('RelativeDest'), 'task', findings);
      for (const payload of task.view.objects('DispatchPayload')) checkInsideAllocation(payload.field('File'), 'task/local', findings);
    }
  },
};

function checkInsideAllocation(field: FieldView | undefined, base: string, findings: Findings): void {
  const path = stringOf(field);
  if (field && path !== undefined && escapesAllocation(base, path)) findings.report(field.place, `"${path}" leads outside the allocation directory`);
}

export const artifactSource: SemanticRule = {
  id: 'artifact-source-missing',
  summary: 'an artifact has a source',
  check(job, findings) {
    for (const task of job.tasks) {
      for (const artifact of task.view.objects('Artifacts')) {
        const source = artifact.field('GetterSource');
        if (source && source.value === '') findings.report(source.place, 'The artifact needs a source to download');
      }
    }
  },
};

export const vaultChangeSignal: SemanticRule = {
  id: 'vault-change-signal',
  summary: 'vault change_mode "signal" needs a signal (SIGHUP when left out)',
  check(job, findings) {
    for (const vault of job.vaults) if (stringOf(vault.field('ChangeMode')) === 'signal') emptySignal(vault.field('ChangeSignal'), findings);
  },
};

export const vaultPolicies: SemanticRule = {
  id: 'vault-policies-empty',
  summary: 'a vault block lists policies (before 1.7, which added workload identities)',
  until: '1.7.0',
  check(job, findings) {
    for (const vault of job.vaults) {
      const policies = vault.field('Policies');
      if (!policies || (Array.isArray(policies.value) && policies.value.length === 0)) findings.report(policies?.place ?? vault.place, `The vault block needs "${findings.name('policies', 'Policies')}" before Nomad 1.7; the target is ${findings.version}`);
    }
  },
};

export const vaultRootPolicy: SemanticRule = {
  id: 'vault-root-policy',
  summary: 'a task cannot ask for Vault\'s root policy',
  check(job, findings) {
    for (const vault of job.vaults) {
      const policies = vault.field('Policies');
      if (policies && stringsOf(policies)?.includes('root')) findings.report(policies.place, 'A task cannot be given Vault\'s "root" policy');
    }
  },
};

/** Nomad sends SIGHUP when change_signal is left out; only an empty one is refused. */
function emptySignal(signal: FieldView | undefined, findings: Findings): void {
  if (signal && signal.value === '') findings.report(signal.place, 'change_mode "signal" needs a signal to send, e.g. "SIGHUP" (or leave change_signal out for SIGHUP)', { fixes: [{ title: 'Send SIGHUP', place: signal.place, newText: '"SIGHUP"' }] });
}

export const negativeDurations: SemanticRule = {
  id: 'duration-negative',
  summary: 'kill_timeout, shutdown_delay and template splay are not negative',
  check(job, findings) {
    const fields: FieldView[] = [];
    for (const group of job.groups) {
      const delay = group.view.field('ShutdownDelay');
      if (delay) fields.push(delay);
      for (const task of group.tasks) {
        for (const name of ['KillTimeout', 'ShutdownDelay']) {
          const field = task.view.field(name);
          if (field) fields.push(field);
        }
        for (const template of task.view.objects('Templates')) {
          const splay = template.field('Splay');
          if (splay) fields.push(splay);
        }
      }
    }
    for (const field of fields) {
      const value = durationOf(field);
      if (value !== undefined && value < 0) findings.report(field.place, 'This duration cannot be negative');
    }
  },
};

/** Bytes of each digest go-getter can check (TaskArtifact.validateChecksum). */
const CHECKSUM_BYTES: Readonly<Record<string, number>> = { md5: 16, sha1: 20, sha256: 32, sha512: 64 };

/** Why a `type:hex` artifact checksum would be refused, or undefined when Nomad takes it. */
export function checksumProblem(written: string): string | undefined {
  // Nomad leaves checksums with a `${...}` reference to the download, which happens after interpolation.
  if (/\$\{[a-zA-Z0-9_\-.]+\}/.test(written)) return undefined;
  const check = written.trim();
  if (check === '') return 'The artifact checksum cannot be empty';
  const parts = check.split(':');
  if (parts.length !== 2) return `The artifact checksum must be written "type:value", e.g. "sha256:<64 hex digits>"; got "${check}"`;
  const [type, hex] = parts;
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return `The checksum value "${hex}" is not hexadecimal (an even number of 0-9, a-f)`;
  const bytes = CHECKSUM_BYTES[type];
  if (bytes === undefined) return `"${type}" is not a checksum type Nomad checks: use md5, sha1, sha256 or sha512`;
  if (hex.length !== bytes * 2) return `A ${type} checksum has ${bytes * 2} hex digits, not ${hex.length}`;
  return undefined;
}

export const artifactChecksum: SemanticRule = {
  id: 'artifact-checksum-invalid',
  summary: 'an artifact\'s options checksum is "type:hex" with type md5, sha1, sha256 or sha512 and a digest of that length',
  check(job, findings) {
    for (const task of job.tasks) {
      for (const artifact of task.view.objects('Artifacts')) {
        const checksum = artifact.objects('GetterOptions')[0]?.entry('checksum');
        const text = stringOf(checksum);
        const problem = text === undefined ? undefined : checksumProblem(text);
        if (checksum && problem) findings.report(checksum.place, problem);
      }
    }
  },
};

export const numaDevices: SemanticRule = {
  id: 'numa-device-unrequested',
  summary: 'each device a numa block names is a device the task requests (the affinity values are the schema\'s enum)',
  since: '1.9.0',
  check(job, findings) {
    for (const task of job.tasks) {
      for (const resources of task.view.objects('Resources')) {
        const numa = resources.objects('NUMA')[0];
        const devices = numa?.field('Devices');
        const names = stringsOf(devices);
        if (!devices || !names || names.length === 0) continue;
        const requested = resources.objects('Devices').map((device) => stringOf(device.field('Name')));
        // A device name that needs evaluation could be any of them.
        if (requested.includes(undefined)) continue;
        const missing = names.filter((name) => !requested.includes(name));
        if (missing.length > 0) findings.report(devices.place, `numa names ${missing.map((name) => `"${name}"`).join(', ')}, which the task does not request: add a device block for each${requested.length > 0 ? `; requested: ${requested.map((name) => `"${name}"`).join(', ')}` : ''}`);
      }
    }
  },
};
