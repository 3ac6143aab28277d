// Task group checks of TaskGroup.Validate: tasks, the leader, scaling
// against count, volumes and their mounts, ports and the ephemeral disk.
import { booleanOf, durationOf, numberOf, stringOf, type FieldView, type ObjectView } from '../jobView';
import { reportRepeats } from '../repeats';
import type { SemanticRule } from '../semanticRule';

export const groupNeedsTasks: SemanticRule = {
  id: 'group-tasks-missing',
  summary: 'a group has at least one task (quiet for an empty group being written, and for a Connect gateway, whose task Nomad adds)',
  check(job, findings) {
    for (const group of job.groups) {
      if (group.tasks.length > 0 || group.view.isEmpty || hasGateway(group.view)) continue;
      findings.report(group.view.place, `group "${group.name ?? ''}" has no task: add a task block`);
    }
  },
};

/** A Connect gateway service: Nomad injects the gateway's task itself. */
function hasGateway(group: ObjectView): boolean {
  return group.objects('Services').some((service) => service.objects('Connect').some((connect) => connect.objects('Gateway').length > 0));
}

export const singleLeader: SemanticRule = {
  id: 'task-leader-single',
  summary: 'at most one leader task per group',
  check(job, findings) {
    for (const group of job.groups) {
      const leaders = group.tasks.map((task) => task.view.field('Leader')).filter((field): field is FieldView => booleanOf(field) === true);
      for (const leader of leaders.slice(1)) findings.report(leader.place, 'Only one task of a group can be the leader', { related: [{ place: leaders[0].place, message: 'the first leader' }] });
    }
  },
};

export const scalingBounds: SemanticRule = {
  id: 'scaling-count-bounds',
  summary: 'scaling max not below min; the group count within [min, max]',
  check(job, findings) {
    for (const group of job.groups) {
      const scaling = group.view.objects('Scaling')[0];
      if (!scaling) continue;
      const minField = scaling.field('Min');
      const maxField = scaling.field('Max');
      const max = numberOf(maxField);
      const min = minField ? numberOf(minField) : group.count?.value;
      if (max !== undefined && min !== undefined && max < min && maxField) {
        findings.report(maxField.place, `The scaling max (${max}) cannot be below its min (${min})`, { related: minField ? [{ place: minField.place, message: 'the scaling min' }] : [] });
        continue;
      }
      const count = group.count;
      if (!count?.field || count.field === minField) continue;
      if (max !== undefined && maxField && count.value > max) {
        findings.report(count.place, `count (${count.value}) is above the scaling max (${max})`, { related: [{ place: maxField.place, message: 'the scaling max' }], fixes: [{ title: `Set count to ${max}`, place: count.place, newText: String(max) }] });
      } else if (minField && min !== undefined && count.value < min) {
        findings.report(count.place, `count (${count.value}) is below the scaling min (${min})`, { related: [{ place: minField.place, message: 'the scaling min' }], fixes: [{ title: `Set count to ${min}`, place: count.place, newText: String(min) }] });
      }
    }
  },
};

export const volumeMountDefined: SemanticRule = {
  id: 'volume-mount-undefined',
  summary: 'a volume_mount names a volume of its group',
  check(job, findings) {
    for (const group of job.groups) {
      const volumes = group.view.objects('Volumes');
      const names = new Set(volumes.map((volume) => volume.key ?? stringOf(volume.field('Name'))));
      for (const task of group.tasks) {
        for (const mount of task.view.objects('VolumeMounts')) {
          const volume = mount.field('Volume');
          const name = stringOf(volume);
          if (!volume) findings.report(mount.place, `The volume_mount needs "${findings.name('volume', 'Volume')}": the name of a volume of the group`);
          else if (name !== undefined && !names.has(name)) {
            findings.report(volume.place, `group "${group.name ?? ''}" has no volume "${name}"${volumes.length > 0 ? `; it has ${[...names].map((n) => `"${n}"`).join(', ')}` : ''}`);
          }
        }
      }
    }
  },
};

export const portLabels: SemanticRule = {
  id: 'port-label-duplicate',
  summary: 'port labels are unique across the networks of a group and its tasks; a static port is reserved once per host network',
  check(job, findings) {
    for (const group of job.groups) {
      const labels = new Map<string, { readonly field: FieldView; readonly network: ObjectView }>();
      for (const { port, network } of group.ports) {
        const label = port.field('Label');
        const name = stringOf(label);
        if (label && name !== undefined) {
          const first = labels.get(name);
          // Twice in one network block is the duplicate-name rule's finding.
          if (first && first.network !== network) findings.report(label.place, `The port label "${name}" is already used in this group`, { related: [{ place: first.field.place, message: 'first used here' }] });
          else if (!first) labels.set(name, { field: label, network });
        }
      }
      // A static port is reserved once per host network: key each by both.
      const statics = group.ports.map(({ port }) => {
        const value = port.field('Value');
        const number = numberOf(value);
        return value && number !== undefined && number !== 0 ? { ...value, value: `${stringOf(port.field('HostNetwork')) || 'default'}:${number}` } : undefined;
      });
      reportRepeats(findings, statics, (key) => `The static port ${key.slice(key.lastIndexOf(':') + 1)} is already reserved in this group`, 'first reserved here');
    }
  },
};

export const ephemeralDiskMinimum: SemanticRule = {
  id: 'ephemeral-disk-minimum',
  summary: 'ephemeral_disk size at least 10 MB',
  check(job, findings) {
    for (const group of job.groups) {
      const size = group.ephemeralDisk.number('SizeMB');
      if (size?.field && size.value < 10) findings.report(size.place, `The ephemeral disk must be at least 10 MB (it is ${size.value})`, { fixes: [{ title: 'Set the size to 10 MB', place: size.place, newText: '10' }] });
    }
  },
};

export const logsFitDisk: SemanticRule = {
  id: 'logs-exceed-disk',
  summary: 'each task\'s logs (max_files × max_file_size) fit below the ephemeral disk size',
  check(job, findings) {
    for (const group of job.groups) {
      const disk = group.ephemeralDisk.number('SizeMB');
      if (!disk) continue;
      for (const task of group.tasks) {
        const files = task.logs.number('MaxFiles');
        const size = task.logs.number('MaxFileSizeMB');
        if (!files || !size || files.value * size.value < disk.value) continue;
        const place = task.logs.written ? (files.field ?? size.field)?.place ?? task.logs.place : disk.field?.place ?? task.view.place;
        findings.report(place, `The logs of task "${task.name ?? ''}" may take ${files.value * size.value} MB (${files.value} files of ${size.value} MB), not less than the group's ephemeral disk of ${disk.value} MB`, {
          related: disk.field && disk.field.place !== place ? [{ place: disk.field.place, message: 'the ephemeral disk size' }] : [],
        });
      }
    }
  },
};

export const groupVolumeSource: SemanticRule = {
  id: 'volume-source-missing',
  summary: 'a group volume has a source',
  check(job, findings) {
    for (const group of job.groups) {
      for (const volume of group.view.objects('Volumes')) {
        const source = volume.field('Source');
        if (source && stringOf(source) === '') findings.report(source.place, `volume "${volume.key ?? ''}" needs a source`);
      }
    }
  },
};


export const disconnectValid: SemanticRule = {
  id: 'disconnect-invalid',
  summary: 'disconnect: lost_after and stop_on_client_after not negative and not both set; stop_on_client_after only in service and batch jobs',
  since: '1.8.0',
  check(job, findings) {
    for (const group of job.groups) {
      const disconnect = group.view.objects('Disconnect')[0];
      if (!disconnect) continue;
      const lost = disconnect.field('LostAfter');
      const stop = disconnect.field('StopOnClientAfter');
      const lostValue = durationOf(lost);
      const stopValue = durationOf(stop);
      if (lost && lostValue !== undefined && lostValue < 0) findings.report(lost.place, 'lost_after cannot be negative');
      if (stop && stopValue !== undefined && stopValue < 0) findings.report(stop.place, 'stop_on_client_after cannot be negative');
      if (stop && job.type !== undefined && job.type !== 'service' && job.type !== 'batch') findings.report(stop.keyPlace, `stop_on_client_after is only for service and batch jobs; this job is "${job.type}"`);
      if (stop && lost && lostValue !== undefined && lostValue !== 0) {
        findings.report(stop.keyPlace, 'A disconnect block sets lost_after (when an allocation counts as lost) or stop_on_client_after (when the client stops it), not both', { related: [{ place: lost.keyPlace, message: 'lost_after is set here' }] });
      }
    }
  },
};

/** The group fields a disconnect block replaces (1.8), with the disconnect field each clashes with. */
const LEGACY_DISCONNECT = [
  { api: 'MaxClientDisconnect', hcl: 'max_client_disconnect', instead: 'lost_after' },
  { api: 'StopAfterClientDisconnect', hcl: 'stop_after_client_disconnect', instead: 'stop_on_client_after' },
  { api: 'PreventRescheduleOnLost', hcl: 'prevent_reschedule_on_lost', instead: 'replace' },
] as const;

export const disconnectLegacyFields: SemanticRule = {
  id: 'disconnect-legacy-fields',
  summary: 'a group with a disconnect block cannot also set max_client_disconnect, stop_after_client_disconnect or prevent_reschedule_on_lost = true (1.8 and 1.9; ignored from 1.10)',
  since: '1.8.0',
  until: '1.10.0',
  check(job, findings) {
    for (const group of job.groups) {
      const disconnect = group.view.objects('Disconnect')[0];
      if (!disconnect) continue;
      for (const { api, hcl, instead } of LEGACY_DISCONNECT) {
        const field = group.view.field(api);
        if (!field || !clashes(api, field, disconnect)) continue;
        findings.report(field.keyPlace, `${findings.name(hcl, api)} cannot be used with a disconnect block: set ${instead} in the disconnect block instead`, { related: [{ place: disconnect.place, message: 'the disconnect block' }] });
      }
    }
  },
};

/**
 * Whether Nomad 1.8 refuses the older field beside a disconnect block. Its
 * Canonicalize copies max_client_disconnect into an unset lost_after, and
 * the API always fills in `replace`: so max_client_disconnect clashes unless
 * both are zero, and prevent_reschedule_on_lost unless it is false.
 */
function clashes(api: string, field: FieldView, disconnect: ObjectView): boolean {
  if (api === 'PreventRescheduleOnLost') return booleanOf(field) === true;
  if (api === 'StopAfterClientDisconnect') return true;
  const max = durationOf(field);
  const lost = disconnect.field('LostAfter');
  const lostValue = lost ? durationOf(lost) : 0;
  return max !== undefined && lostValue !== undefined && (lostValue > 0 || (lostValue === 0 && max > 0));
}
