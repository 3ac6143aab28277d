// Job-level checks of Job.Validate and of job registration: the job type
// against the blocks it allows, priority, datacenters, periodic and
// parameterized settings.
import type { EffectiveBlock } from '../effective';
import type { JobFacts } from '../jobFacts';
import { durationOf, known, stringOf, stringsOf, type FieldView } from '../jobView';
import { versionAtLeast } from '../../../../schema/targetVersion';
import type { Place } from '../../ruleContext';
import type { Findings, SemanticFix, SemanticRule } from '../semanticRule';

/** A quick fix turning the job into a batch job: replace `type`, or add it. */
export function makeBatchFix(job: JobFacts, findings: Findings): SemanticFix {
  const batch = JSON.stringify('batch');
  if (job.typeField) return { title: 'Change the job type to "batch"', place: job.typeField.place, newText: batch };
  return { title: findings.shape === 'hcl' ? 'Add type = "batch"' : 'Add "Type": "batch"', ...job.view.insertion('type', 'Type', batch) };
}

function batchTypes(findings: Findings): readonly string[] {
  return versionAtLeast(findings.version, '1.2.0') ? ['batch', 'sysbatch'] : ['batch'];
}

export const periodicNeedsBatch: SemanticRule = {
  id: 'periodic-needs-batch',
  summary: 'a periodic job must be a batch (or, from 1.2, sysbatch) job',
  check(job, findings) {
    const periodic = job.periodic;
    if (periodic && periodic.boolean('Enabled')?.value !== false) requireBatch(job, findings, periodic.place, 'periodic');
  },
};

/** Periodic and parameterized jobs are launched as batch work: any other type is refused. */
function requireBatch(job: JobFacts, findings: Findings, place: Place, what: string): void {
  if (job.type === undefined || batchTypes(findings).includes(job.type)) return;
  findings.report(place, `A ${what} job must be of type "batch"; this job is "${job.type}"`, {
    related: job.typeField ? [{ place: job.typeField.place, message: 'the job type' }] : [],
    fixes: [makeBatchFix(job, findings)],
  });
}

export const parameterizedNeedsBatch: SemanticRule = {
  id: 'parameterized-needs-batch',
  summary: 'a parameterized job must be a batch (or, from 1.2, sysbatch) job',
  check(job, findings) {
    const parameterized = job.view.objects('ParameterizedJob')[0];
    if (parameterized) requireBatch(job, findings, parameterized.place, 'parameterized');
  },
};

export const sysbatchNeedsNewer: SemanticRule = {
  id: 'sysbatch-needs-1.2',
  summary: 'the sysbatch job type exists from Nomad 1.2',
  until: '1.2.0',
  check(job, findings) {
    if (job.type === 'sysbatch' && job.typeField) findings.report(job.typeField.place, `The "sysbatch" job type needs Nomad 1.2 or newer; the target is ${findings.version}`);
  },
};

export const priorityRange: SemanticRule = {
  id: 'job-priority-range',
  summary: 'priority at most 100 (from 1.6 the servers may allow more: a warning then)',
  check(job, findings) {
    const field = job.view.field('Priority');
    const priority = typeof field?.value === 'number' ? field.value : undefined;
    if (!field || priority === undefined || priority <= 100) return;
    if (versionAtLeast(findings.version, '1.6.0')) {
      findings.report(field.place, 'Priority above 100 is refused unless the servers raise job_max_priority', { severity: 'warning' });
    } else {
      findings.report(field.place, 'Priority must be between 1 and 100');
    }
  },
};

export const datacentersRequired: SemanticRule = {
  id: 'job-datacenters-missing',
  summary: 'datacenters is required before Nomad 1.5 (then it defaults to ["*"])',
  until: '1.5.0',
  check(job, findings) {
    if (job.view.field('Datacenters') || job.view.objects('Multiregion').length > 0) return;
    findings.report(job.view.place, `The job needs "${findings.name('datacenters', 'Datacenters')}" before Nomad 1.5; the target is ${findings.version}`, {
      fixes: [{ title: 'Add datacenters = ["dc1"]', ...job.view.insertion('datacenters', 'Datacenters', '["dc1"]') }],
    });
  },
};

export const datacenterEmpty: SemanticRule = {
  id: 'job-datacenter-empty',
  summary: 'no empty string in datacenters',
  check(job, findings) {
    const field = job.view.field('Datacenters');
    if (stringsOf(field)?.includes('')) findings.report((field as FieldView).place, 'A datacenter name cannot be empty');
  },
};

export const jobIdSpace: SemanticRule = {
  id: 'job-id-space',
  summary: 'the job ID has no spaces',
  check(job, findings) {
    const id = job.view.field('ID');
    const text = stringOf(id);
    if (id && text?.includes(' ')) findings.report(id.place, 'A job ID cannot contain spaces', { fixes: [{ title: 'Replace the spaces with "-"', place: id.place, newText: JSON.stringify(text.replace(/ /g, '-')) }] });
  },
};

export const systemNoReschedule: SemanticRule = {
  id: 'system-no-reschedule',
  summary: 'system jobs take no reschedule block',
  check(job, findings) {
    if (job.type !== 'system') return;
    for (const view of [job.view, ...job.groups.map((g) => g.view)]) {
      const place = view.placeOf(view === job.view ? 'Reschedule' : 'ReschedulePolicy');
      if (place) findings.report(place, 'System jobs are not rescheduled: remove the reschedule block');
    }
  },
};

export const systemCountOne: SemanticRule = {
  id: 'system-count-max-one',
  summary: 'a group of a system job runs once per node: count at most 1',
  check(job, findings) {
    if (job.type !== 'system') return;
    for (const group of job.groups) {
      const count = group.count;
      if (count?.field && count.value > 1) findings.report(count.place, 'A system job runs one allocation per node: count cannot exceed 1', { fixes: [{ title: 'Set count to 1', place: count.place, newText: '1' }] });
    }
  },
};

export const updateJobType: SemanticRule = {
  id: 'update-job-type',
  summary: 'only service and system jobs take an update block',
  check(job, findings) {
    if (job.type === undefined || job.type === 'service' || job.type === 'system') return;
    for (const view of [job.view, ...job.groups.map((g) => g.view)]) {
      const place = view.placeOf('Update');
      if (place) findings.report(place, `A ${job.type} job cannot have an update block (only service and system jobs are updated in deployments)`);
    }
  },
};

export const migrateJobType: SemanticRule = {
  id: 'migrate-job-type',
  summary: 'only service jobs take a migrate block',
  check(job, findings) {
    if (job.type === undefined || job.type === 'service') return;
    for (const view of [job.view, ...job.groups.map((g) => g.view)]) {
      const place = view.placeOf('Migrate');
      if (place) findings.report(place, `A ${job.type} job cannot have a migrate block (only service jobs are migrated)`);
    }
  },
};

export const periodicSpec: SemanticRule = {
  id: 'periodic-spec-missing',
  summary: 'an enabled periodic block needs a cron expression',
  check(job, findings) {
    const periodic = job.periodic;
    if (!periodic || periodic.boolean('Enabled')?.value === false) return;
    const spec = periodic.field('Spec') ?? periodic.field('Specs');
    if (!spec || (known(spec) && (spec.value === '' || (Array.isArray(spec.value) && spec.value.length === 0)))) {
      findings.report(spec?.place ?? periodic.place, `The periodic block needs "${findings.name('crons', 'Specs')}" (or "${findings.name('cron', 'Spec')}")`);
    }
  },
};

export const periodicTimeZone: SemanticRule = {
  id: 'periodic-time-zone',
  summary: 'time_zone is a known IANA time zone',
  check(job, findings) {
    const zone = job.periodic?.field('TimeZone');
    const name = stringOf(zone);
    if (!zone || name === undefined || name === '' || isTimeZone(name)) return;
    findings.report(zone.place, `"${name}" is not a time zone Nomad knows: use an IANA name such as "Europe/Berlin" or "UTC"`);
  },
};

function isTimeZone(name: string): boolean {
  if (name === 'Local' || name === 'UTC') return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const parameterizedMetaDisjoint: SemanticRule = {
  id: 'parameterized-meta-disjoint',
  summary: 'a meta key is either required or optional, not both',
  check(job, findings) {
    const parameterized = job.view.objects('ParameterizedJob')[0];
    if (!parameterized) return;
    const required = stringsOf(parameterized.field('MetaRequired')) ?? [];
    const optionalField = parameterized.field('MetaOptional');
    const both = (stringsOf(optionalField) ?? []).filter((key) => required.includes(key));
    if (both.length === 0 || !optionalField) return;
    findings.report(optionalField.place, `Meta keys cannot be both required and optional: ${both.map((k) => `"${k}"`).join(', ')}`, {
      related: [{ place: (parameterized.field('MetaRequired') as FieldView).place, message: 'the required keys' }],
    });
  },
};

export const autoPromoteAllGroups: SemanticRule = {
  id: 'auto-promote-all-groups',
  summary: 'auto_promote must be set on every group with canaries, or on none (warning)',
  check(job, findings) {
    const promoting = job.groups.filter((group) => group.update?.boolean('AutoPromote')?.value === true);
    const notPromoting = job.groups.filter((group) => group.update && group.update.boolean('AutoPromote')?.value === false && (group.update.number('Canary')?.value ?? 0) > 0);
    if (promoting.length === 0 || notPromoting.length === 0) return;
    for (const group of notPromoting) {
      findings.report((group.update as EffectiveBlock).place, 'Canaries of this group are not promoted automatically while other groups are: set auto_promote on every group, or on none', {
        severity: 'warning',
        related: promoting.map((other) => ({ place: (other.update as EffectiveBlock).place, message: `group "${other.name ?? ''}" promotes automatically` })),
      });
    }
  },
};

export const stopAfterDisconnect: SemanticRule = {
  id: 'stop-after-client-disconnect',
  summary: 'stop_after_client_disconnect only in batch and service jobs, and not negative (ignored from 1.10, where the deprecation hint says so)',
  until: '1.10.0',
  check(job, findings) {
    for (const group of job.groups) {
      const field = group.view.field('StopAfterClientDisconnect');
      const duration = durationOf(field);
      if (!field || duration === undefined || duration === 0) continue;
      if (duration < 0) findings.report(field.place, 'stop_after_client_disconnect cannot be negative');
      else if (job.type !== undefined && job.type !== 'batch' && job.type !== 'service') findings.report(field.place, `stop_after_client_disconnect only applies to batch and service jobs, not ${job.type}`);
    }
  },
};

