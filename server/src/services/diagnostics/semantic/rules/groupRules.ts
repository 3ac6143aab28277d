// Task group checks of TaskGroup.Validate: tasks, the leader, scaling
// against count, volumes and their mounts, ports and the ephemeral disk.
import { booleanOf, numberOf, stringOf, type FieldView, type ObjectView } from '../jobView';
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

