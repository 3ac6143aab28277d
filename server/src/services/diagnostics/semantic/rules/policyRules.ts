// The restart, reschedule, update and migrate policies of each group, after
// Nomad's defaults by job type (RestartPolicy, ReschedulePolicy,
// UpdateStrategy and MigrateStrategy Validate).
import { formatDuration } from '../../../completion/snippets';
import type { EffectiveBlock, EffectiveValue } from '../effective';
import type { RelatedPlace, SemanticRule } from '../semanticRule';
import { versionAtLeast } from '../../../../schema/targetVersion';

const SECOND = 1e9;

function related(value: EffectiveValue<unknown> | undefined, message: string): RelatedPlace[] {
  return value?.field ? [{ place: value.field.place, message }] : [];
}

/** Where a finding about a combination goes: the first of the written values, else the block. */
function firstWritten(block: EffectiveBlock, ...values: Array<EffectiveValue<unknown> | undefined>): EffectiveValue<unknown>['place'] {
  return values.find((value) => value?.field)?.place ?? block.place;
}

export const restartModeAmbiguous: SemanticRule = {
  id: 'restart-attempts-zero-delay',
  summary: 'restart mode "delay" needs attempts above 0',
  check(job, findings) {
    for (const group of job.groups) {
      for (const restart of group.restartPolicies) {
        const attempts = restart.number('Attempts');
        const mode = restart.string('Mode');
        if (attempts?.value === 0 && mode && mode.value !== 'fail') {
          findings.report(firstWritten(restart, attempts, mode), `A restart policy with mode "${mode.value}" and 0 attempts would wait forever: raise attempts or use mode "fail"`, { related: related(mode, 'the mode') });
        }
      }
    }
  },
};

export const restartIntervalMinimum: SemanticRule = {
  id: 'restart-interval-minimum',
  summary: 'restart interval at least 5s',
  check(job, findings) {
    for (const group of job.groups) {
      for (const restart of group.restartPolicies) {
        const interval = restart.duration('Interval');
        if (interval && interval.value < 5 * SECOND) {
          findings.report(interval.place, `The restart interval must be at least 5s (it is ${formatDuration(interval.value)})`, { fixes: [{ title: 'Set the interval to 5s', place: interval.place, newText: findings.durationText(5 * SECOND) }] });
        }
      }
    }
  },
};

export const restartAttemptsFit: SemanticRule = {
  id: 'restart-attempts-fit',
  summary: 'restart attempts × delay fit in the interval',
  check(job, findings) {
    for (const group of job.groups) {
      for (const restart of group.restartPolicies) {
        const attempts = restart.number('Attempts');
        const delay = restart.duration('Delay');
        const interval = restart.duration('Interval');
        if (!attempts || !delay || !interval || attempts.value * delay.value <= interval.value) continue;
        const needed = attempts.value * delay.value;
        const place = firstWritten(restart, interval, delay, attempts);
        findings.report(place, `${attempts.value} restarts ${formatDuration(delay.value)} apart do not fit in the interval of ${formatDuration(interval.value)}: make the interval at least ${formatDuration(needed)}`, {
          related: [...related(attempts, 'the attempts'), ...related(delay, 'the delay between restarts')].filter((r) => r.place !== place),
          fixes: interval.field ? [{ title: `Set the interval to ${formatDuration(needed)}`, place: interval.field.place, newText: findings.durationText(needed) }] : [],
        });
      }
    }
  },
};

export const rescheduleAttemptsUnlimited: SemanticRule = {
  id: 'reschedule-attempts-unlimited',
  summary: 'reschedule attempts and unlimited = true exclude each other',
  check(job, findings) {
    for (const reschedule of job.reschedulePolicies) {
      const attempts = reschedule.number('Attempts');
      const unlimited = reschedule.boolean('Unlimited');
      if (attempts && attempts.value > 0 && unlimited?.value === true) {
        findings.report(firstWritten(reschedule, attempts, unlimited), 'A reschedule policy cannot limit attempts and be unlimited: set attempts to 0 or unlimited to false', { related: related(unlimited, 'unlimited') });
      }
    }
  },
};

export const rescheduleIntervalSet: SemanticRule = {
  id: 'reschedule-interval-zero',
  summary: 'reschedule attempts need an interval above 0',
  check(job, findings) {
    for (const reschedule of job.reschedulePolicies) {
      const attempts = reschedule.number('Attempts');
      const interval = reschedule.duration('Interval');
      if (attempts && attempts.value > 0 && interval && interval.value <= 0) findings.report(firstWritten(reschedule, interval, attempts), 'Limited reschedule attempts need an interval above 0');
    }
  },
};

export const rescheduleDelayMinimum: SemanticRule = {
  id: 'reschedule-delay-minimum',
  summary: 'reschedule delay at least 5s; max_delay at least 5s and not below delay',
  check(job, findings) {
    for (const reschedule of job.reschedulePolicies) {
      const delay = reschedule.duration('Delay');
      if (delay && delay.value < 5 * SECOND) findings.report(delay.place, `The reschedule delay must be at least 5s (it is ${formatDuration(delay.value)})`);
      if (reschedule.string('DelayFunction')?.value === 'constant') continue;
      const maxDelay = reschedule.duration('MaxDelay');
      if (!maxDelay) continue;
      if (maxDelay.value < 5 * SECOND) findings.report(maxDelay.place, `The reschedule max_delay must be at least 5s (it is ${formatDuration(maxDelay.value)})`);
      else if (delay && maxDelay.value < delay.value) findings.report(maxDelay.place, `The reschedule max_delay (${formatDuration(maxDelay.value)}) cannot be below the delay (${formatDuration(delay.value)})`, { related: related(delay, 'the delay') });
    }
  },
};

export const rescheduleIntervalMinimum: SemanticRule = {
  id: 'reschedule-interval-minimum',
  summary: 'a limited reschedule policy needs an interval of at least 15s',
  check(job, findings) {
    for (const reschedule of job.reschedulePolicies) {
      if (reschedule.boolean('Unlimited')?.value !== false) continue;
      const attempts = reschedule.number('Attempts');
      const interval = reschedule.duration('Interval');
      if (attempts && attempts.value > 0 && interval && interval.value > 0 && interval.value < 15 * SECOND) findings.report(interval.place, `The reschedule interval must be at least 15s (it is ${formatDuration(interval.value)})`);
    }
  },
};

export const rescheduleAttemptsFit: SemanticRule = {
  id: 'reschedule-attempts-fit',
  summary: 'limited reschedule attempts, with their delays, fit in the interval',
  check(job, findings) {
    for (const reschedule of job.reschedulePolicies) {
      if (reschedule.boolean('Unlimited')?.value !== false) continue;
      const attempts = reschedule.number('Attempts');
      const interval = reschedule.duration('Interval');
      const delay = reschedule.duration('Delay');
      const maxDelay = reschedule.duration('MaxDelay');
      const delayFunction = reschedule.string('DelayFunction');
      if (!attempts || attempts.value <= 0 || !interval || interval.value < 15 * SECOND || !delay || delay.value < 5 * SECOND || !delayFunction || !maxDelay) continue;
      if (delayFunction.value !== 'constant' && (maxDelay.value < 5 * SECOND || maxDelay.value < delay.value)) continue;
      const needed = neededInterval(attempts.value, delay.value, maxDelay.value, delayFunction.value, interval.value);
      if (needed === undefined) continue;
      findings.report(interval.place, `${attempts.value} reschedule attempts with a ${delayFunction.value} delay starting at ${formatDuration(delay.value)} do not fit in ${formatDuration(interval.value)}: make the interval at least ${formatDuration(needed)}`, {
        related: related(attempts, 'the attempts'),
        fixes: interval.field ? [{ title: `Set the interval to ${formatDuration(needed)}`, place: interval.field.place, newText: findings.durationText(needed) }] : [],
      });
    }
  },
};

/**
 * The interval the attempts need, or undefined when they fit. Follows
 * ReschedulePolicy.viableAttempts: the delays grow by the delay function up
 * to max_delay, and every attempt must start within the interval.
 */
function neededInterval(attempts: number, delay: number, maxDelay: number, delayFunction: string, interval: number): number | undefined {
  const round = (ns: number): number => Math.round(ns / SECOND) * SECOND;
  if (delayFunction === 'constant') {
    const needed = attempts * delay;
    return interval < needed ? needed : undefined;
  }
  if (delayFunction === 'exponential') {
    let needed = 0;
    let possible = 0;
    for (let i = 0; i < attempts; i++) {
      const next = 2 ** i * delay;
      if (next > maxDelay) needed += maxDelay;
      else needed = next;
      if (needed < interval) possible++;
    }
    return possible < attempts ? round(needed) : undefined;
  }
  if (delayFunction === 'fibonacci') {
    const slots = [delay, delay];
    let ceiling = false;
    for (let i = 2; i < attempts; i++) {
      let next: number;
      if (ceiling) next = slots[i - 1] + maxDelay;
      else {
        next = slots[i - 1] + slots[i - 2];
        if (next > maxDelay) {
          next = maxDelay;
          ceiling = true;
        }
      }
      slots.push(next);
    }
    const needed = slots[slots.length - 1];
    return interval < needed ? round(needed) : undefined;
  }
  return undefined;
}

export const updateHealthyTimes: SemanticRule = {
  id: 'update-min-healthy-time',
  summary: 'update min_healthy_time below healthy_deadline, healthy_deadline below progress_deadline',
  check(job, findings) {
    for (const update of job.updates) {
      const minHealthy = update.duration('MinHealthyTime');
      const healthy = update.duration('HealthyDeadline');
      const progress = update.duration('ProgressDeadline');
      if (minHealthy && healthy && minHealthy.value >= healthy.value) {
        findings.report(firstWritten(update, minHealthy, healthy), `min_healthy_time (${formatDuration(minHealthy.value)}) must be shorter than healthy_deadline (${formatDuration(healthy.value)})`, {
          related: related(healthy, 'the healthy deadline'),
        });
      }
      if (healthy && progress && progress.value !== 0 && healthy.value >= progress.value) {
        findings.report(firstWritten(update, healthy, progress), `healthy_deadline (${formatDuration(healthy.value)}) must be shorter than progress_deadline (${formatDuration(progress.value)}), or progress_deadline 0`, {
          related: related(progress, 'the progress deadline'),
        });
      }
    }
  },
};

export const updatePositiveTimes: SemanticRule = {
  id: 'update-durations-positive',
  summary: 'update healthy_deadline and stagger above 0; min_healthy_time and progress_deadline not negative',
  check(job, findings) {
    for (const update of job.updates) {
      for (const [name, hcl, strict] of [['HealthyDeadline', 'healthy_deadline', true], ['Stagger', 'stagger', true], ['MinHealthyTime', 'min_healthy_time', false], ['ProgressDeadline', 'progress_deadline', false]] as const) {
        const value = update.duration(name);
        if (!value?.field || (strict ? value.value > 0 : value.value >= 0)) continue;
        findings.report(value.place, `${findings.name(hcl, name)} must be ${strict ? 'above 0' : '0 or more'}`);
      }
    }
  },
};

export const updateAutoPromoteCanary: SemanticRule = {
  id: 'update-auto-promote-canary',
  summary: 'auto_promote needs canary above 0',
  check(job, findings) {
    for (const update of job.updates) {
      const promote = update.boolean('AutoPromote');
      const canary = update.number('Canary');
      if (promote?.value === true && canary?.value === 0) findings.report(promote.place, 'auto_promote needs canaries: set canary to 1 or more', { related: related(canary, 'the canary count') });
    }
  },
};

export const updateMaxParallelCount: SemanticRule = {
  id: 'update-max-parallel-count',
  summary: 'update max_parallel above the group count replaces every allocation at once (warning)',
  check(job, findings) {
    for (const group of job.groups) {
      const update = group.update;
      const maxParallel = update?.number('MaxParallel');
      const count = group.count;
      if (!update || !maxParallel?.field || !count || maxParallel.value <= count.value || job.view.objects('Multiregion').length > 0) continue;
      // From 1.3.6 a group of one (and so every system job group) is not warned about.
      if (count.value <= 1 && versionAtLeast(findings.version, '1.3.6')) continue;
      findings.report(maxParallel.place, `max_parallel (${maxParallel.value}) is above the group's count (${count.value}): a destructive change replaces all allocations at once`, {
        severity: 'warning',
        related: count.field ? [{ place: count.field.place, message: 'the group count' }] : [{ place: group.view.place, message: `the group (count ${count.value})` }],
      });
    }
  },
};

export const migrateHealthyTimes: SemanticRule = {
  id: 'migrate-min-healthy-time',
  summary: 'migrate min_healthy_time not above healthy_deadline; health_check set when max_parallel > 0',
  check(job, findings) {
    if (job.type !== 'service') return;
    for (const group of job.groups) {
      const migrate = group.migrate;
      if (!migrate) continue;
      const minHealthy = migrate.duration('MinHealthyTime');
      const healthy = migrate.duration('HealthyDeadline');
      if (minHealthy && healthy && minHealthy.value > healthy.value) {
        findings.report(firstWritten(migrate, minHealthy, healthy), `migrate min_healthy_time (${formatDuration(minHealthy.value)}) cannot be longer than healthy_deadline (${formatDuration(healthy.value)})`, { related: related(healthy, 'the healthy deadline') });
      }
    }
  },
};

