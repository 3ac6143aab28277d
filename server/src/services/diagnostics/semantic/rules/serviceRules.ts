// Services and their checks, at group and task level (Service.Validate,
// ServiceCheck.validate, TaskGroup.validateServices and the task's
// validateServices): names, ports that a network defines, check types.
import { durationOf, nonEmpty, stringOf, type FieldView, type ObjectView } from '../jobView';
import { reportRepeats } from '../repeats';
import type { Findings, SemanticRule } from '../semanticRule';

/** Services registered in Nomad's own catalog (provider "nomad") follow the same naming rules. */
const SERVICE_NAME = /^(?:[a-z0-9]|[a-z0-9][a-z0-9-]{0,61}[a-z0-9])$/i;

export const serviceName: SemanticRule = {
  id: 'service-name-invalid',
  summary: 'service names are valid DNS labels (letters, digits, dashes; at most 63)',
  check(job, findings) {
    for (const { service } of job.services) {
      const name = service.field('Name');
      const text = stringOf(name);
      if (!name || text === undefined || text === '') continue;
      // Nomad interpolates ${...} first: judge only what is left of the literal text.
      const stripped = text.includes('${') ? text.replace(/\$\{[^}]*\}/g, 'x') : text;
      if (!SERVICE_NAME.test(stripped)) findings.report(name.place, `"${text}" is not a valid service name: use letters, digits and dashes (at most 63), not starting or ending with a dash`);
    }
  },
};

export const servicePortDefined: SemanticRule = {
  id: 'service-port-undefined',
  summary: 'a service or check port names a port label of the group network (or the task network)',
  check(job, findings) {
    for (const at of job.services) {
      const labels = at.group.portLabels;
      const servicePort = at.service.field('PortLabel');
      const serviceMode = stringOf(at.service.field('AddressMode'));
      checkPort(servicePort, serviceMode, labels, 'service', findings);
      for (const check of at.service.objects('Checks')) {
        if (!requiresPort(check)) continue;
        checkPort(check.field('PortLabel'), stringOf(check.field('AddressMode')), labels, 'check', findings);
      }
    }
  },
};

function checkPort(port: FieldView | undefined, addressMode: string | undefined, labels: ReadonlySet<string | undefined>, what: string, findings: Findings): void {
  const label = stringOf(port);
  if (!port || label === undefined || label === '' || labels.has(label)) return;
  if (/^\d+$/.test(label)) {
    if (addressMode !== 'driver' && what === 'check') findings.report(port.place, `A check can use a port number only with address_mode = "driver": name a port label, or set address_mode`);
    return; // numeric ports are port numbers for services with address_mode "driver" (and for services, accepted by Nomad)
  }
  const known = [...labels].filter((l): l is string => l !== undefined);
  findings.report(port.place, `No network block of this group defines the port "${label}"${known.length > 0 ? `; defined: ${known.map((l) => `"${l}"`).join(', ')}` : ''}`);
}

/** Checks that talk to a port: http, tcp and grpc (script checks run a command). */
function requiresPort(check: ObjectView): boolean {
  const type = stringOf(check.field('Type'));
  return type === 'http' || type === 'tcp' || type === 'grpc';
}

export const checkPortMissing: SemanticRule = {
  id: 'check-port-missing',
  summary: 'an http, tcp or grpc check has a port (its own or the service\'s)',
  check(job, findings) {
    for (const { service } of job.services) {
      if (nonEmpty(service.field('PortLabel'))) continue;
      if (service.objects('Connect').length > 0) continue; // Connect services get their port from the sidecar
      for (const check of service.objects('Checks')) {
        if (requiresPort(check) && !nonEmpty(check.field('PortLabel'))) findings.report(check.place, `This ${stringOf(check.field('Type')) ?? ''} check needs a port: set "port" on the check or on its service`);
      }
    }
  },
};

const MIN_CHECK_INTERVAL = 1e9;

export const checkTimes: SemanticRule = {
  id: 'check-interval-timeout',
  summary: 'check interval and timeout at least 1s',
  check(job, findings) {
    for (const { service } of job.services) {
      for (const check of service.objects('Checks')) {
        for (const [name, hcl] of [['Interval', 'interval'], ['Timeout', 'timeout']] as const) {
          const field = check.field(name);
          const value = durationOf(field);
          if (field && value !== undefined && value < MIN_CHECK_INTERVAL) findings.report(field.place, `The check ${findings.name(hcl, name)} must be at least 1s`, { fixes: [{ title: `Set ${hcl} to 1s`, place: field.place, newText: findings.durationText(MIN_CHECK_INTERVAL) }] });
        }
      }
    }
  },
};

export const checkTypeNeeds: SemanticRule = {
  id: 'check-type-fields',
  summary: 'http checks have a relative path, script checks a command',
  check(job, findings) {
    for (const { service } of job.services) {
      for (const check of service.objects('Checks')) {
        const type = stringOf(check.field('Type'));
        if (type === 'http') {
          const path = nonEmpty(check.field('Path'));
          const text = stringOf(path);
          if (!path) findings.report(check.place, `An http check needs "${findings.name('path', 'Path')}", e.g. "/health"`);
          else if (text !== undefined && /^[a-z][a-z0-9+.-]*:\/\//i.test(text)) findings.report(path.place, 'The http check path is a path on the service ("/health"), not a full URL');
        }
        if (type === 'script' && !nonEmpty(check.field('Command'))) findings.report(check.place, `A script check needs "${findings.name('command', 'Command')}"`);
      }
    }
  },
};

export const checkNamesUnique: SemanticRule = {
  id: 'check-name-duplicate',
  summary: 'the checks of a task service have distinct names',
  check(job, findings) {
    for (const { service, task } of job.services) {
      if (!task) continue;
      reportRepeats(findings, service.objects('Checks').map((check) => check.field('Name')), (name) => `The check name "${name}" is used twice in this service`, 'first used here');
    }
  },
};

export const serviceAddressMode: SemanticRule = {
  id: 'service-address-mode',
  summary: 'address_mode "alloc" only in group services and checks; "driver" only in task services',
  check(job, findings) {
    for (const { service, task } of job.services) {
      checkAddressMode(service.field('AddressMode'), task !== undefined, true, findings);
      for (const check of service.objects('Checks')) checkAddressMode(check.field('AddressMode'), task !== undefined, false, findings);
    }
  },
};

function checkAddressMode(mode: FieldView | undefined, inTask: boolean, ofService: boolean, findings: Findings): void {
  const text = stringOf(mode);
  if (!mode || text === undefined) return;
  if (inTask && text === 'alloc') findings.report(mode.place, 'address_mode "alloc" is only for services of a group, not of a task');
  if (!inTask && text === 'driver' && ofService) findings.report(mode.place, 'address_mode "driver" is only for services of a task, not of a group');
}

export const taskServiceConnect: SemanticRule = {
  id: 'service-connect-in-task',
  summary: 'connect only in group services',
  check(job, findings) {
    for (const { service, task } of job.services) {
      const connect = service.objects('Connect')[0];
      if (task && connect) findings.report(connect.place, 'A connect block belongs in a service of the group, not of a task');
    }
  },
};

export const groupCheckTask: SemanticRule = {
  id: 'check-task',
  summary: 'a check\'s task names a task of the group, only in group services, only for script and grpc checks; group script checks name a task',
  check(job, findings) {
    for (const { service, task, group } of job.services) {
      const taskNames = group.taskNames;
      const serviceTask = nonEmpty(service.field('TaskName'));
      for (const check of service.objects('Checks')) {
        const checkTask = nonEmpty(check.field('TaskName'));
        const name = stringOf(checkTask);
        const type = stringOf(check.field('Type'));
        if (checkTask && task) {
          findings.report(checkTask.place, 'Only checks of group services name a task; this check already runs in its task');
          continue;
        }
        if (checkTask && name !== undefined && name !== '') {
          if (type !== undefined && type !== 'script' && type !== 'grpc') findings.report(checkTask.place, `Only script and grpc checks name a task, not ${type} checks`);
          if (!taskNames.has(name)) findings.report(checkTask.place, `group "${group.name ?? ''}" has no task "${name}"`);
        }
        if (!task && type === 'script' && !checkTask && !serviceTask) findings.report(check.place, `A script check of a group service needs "${findings.name('task', 'TaskName')}" (on the check or the service) to know where to run`);
      }
    }
  },
};
