// Values as Nomad validates them: what the file says, merged over the
// enclosing level (a job's `update` under a group's), over Nomad's defaults,
// the way the API's Canonicalize() fills a job in before Job.Validate sees
// it. Each value remembers where it came from, so a finding about a default
// lands on the block that would have to change.
import type { Place } from '../ruleContext';
import { booleanOf, durationOf, numberOf, stringOf, type FieldView, type ObjectView } from './jobView';

export type Default = string | number | boolean;

export interface EffectiveValue<T> {
  readonly value: T;
  /** The written field, when the value comes from the file. */
  readonly field: FieldView | undefined;
  /** Where to report: the written value, or the innermost block that is written. */
  readonly place: Place;
}

export type ValueKind = 'number' | 'duration' | 'string' | 'boolean';

/**
 * One block as Nomad sees it after merging. `layers` go from the outermost
 * (the job's block) to the innermost (the group's); a later layer wins, and
 * `defaults` fill what no layer sets. `fallback` is reported on when no layer
 * is written (the group header for a default restart policy).
 */
export class EffectiveBlock {
  constructor(
    readonly layers: readonly (ObjectView | undefined)[],
    private readonly defaults: Readonly<Record<string, Default>>,
    private readonly fallback: Place,
  ) {}

  /** The innermost written layer, if any. */
  get written(): ObjectView | undefined {
    for (let i = this.layers.length - 1; i >= 0; i--) if (this.layers[i]) return this.layers[i];
    return undefined;
  }

  get place(): Place {
    return this.written?.place ?? this.fallback;
  }

  /** The field as written in the innermost layer that sets it. */
  field(name: string): FieldView | undefined {
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const field = this.layers[i]?.field(name);
      if (field) return field;
    }
    return undefined;
  }

  number(name: string): EffectiveValue<number> | undefined {
    return this.read(name, numberOf);
  }

  duration(name: string): EffectiveValue<number> | undefined {
    return this.read(name, durationOf);
  }

  string(name: string): EffectiveValue<string> | undefined {
    return this.read(name, stringOf);
  }

  boolean(name: string): EffectiveValue<boolean> | undefined {
    return this.read(name, booleanOf);
  }

  /**
   * The value, or undefined when it cannot be known (written as an expression):
   * rules then stay quiet rather than guess.
   */
  private read<T>(name: string, convert: (field: FieldView | undefined) => T | undefined): EffectiveValue<T> | undefined {
    const field = this.field(name);
    if (field) {
      const value = convert(field);
      return value === undefined ? undefined : { value, field, place: field.place };
    }
    const fallback = this.defaults[name];
    if (fallback === undefined) return undefined;
    const value = convert({ value: fallback, place: this.place, keyPlace: this.place });
    return value === undefined ? undefined : { value, field: undefined, place: this.place };
  }
}

const SECOND = 1e9;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

// One frozen table per job type: jobFacts asks for them per group and task.
const serviceRestart: Readonly<Record<string, Default>> = { Attempts: 2, Delay: 15 * SECOND, Interval: 30 * MINUTE, Mode: 'fail', RenderTemplates: false };
const batchRestart: Readonly<Record<string, Default>> = { Attempts: 3, Delay: 15 * SECOND, Interval: 24 * HOUR, Mode: 'fail', RenderTemplates: false };
const serviceReschedule: Readonly<Record<string, Default>> = { Attempts: 0, Interval: 0, Delay: 30 * SECOND, DelayFunction: 'exponential', MaxDelay: HOUR, Unlimited: true };
const batchReschedule: Readonly<Record<string, Default>> = { Attempts: 1, Interval: 24 * HOUR, Delay: 5 * SECOND, DelayFunction: 'constant', MaxDelay: 0, Unlimited: false };
const noReschedule: Readonly<Record<string, Default>> = { Attempts: 0, Interval: 0, Delay: 0, DelayFunction: '', MaxDelay: 0, Unlimited: false };

/** Restart policy defaults by job type (api TaskGroup.Canonicalize). */
export function restartDefaults(jobType: string): Readonly<Record<string, Default>> {
  return jobType === 'service' || jobType === 'system' ? serviceRestart : batchRestart;
}

/** Reschedule policy defaults by job type (api NewDefaultReschedulePolicy); system jobs have none. */
export function rescheduleDefaults(jobType: string): Readonly<Record<string, Default>> {
  return jobType === 'service' ? serviceReschedule : jobType === 'batch' ? batchReschedule : noReschedule;
}

/** api DefaultUpdateStrategy: what an `update` block holds for the fields it leaves out. */
export const updateDefaults: Readonly<Record<string, Default>> = {
  Stagger: 30 * SECOND,
  MaxParallel: 1,
  HealthCheck: 'checks',
  MinHealthyTime: 10 * SECOND,
  HealthyDeadline: 5 * MINUTE,
  ProgressDeadline: 10 * MINUTE,
  AutoRevert: false,
  AutoPromote: false,
  Canary: 0,
};

export const migrateDefaults: Readonly<Record<string, Default>> = { MaxParallel: 1, HealthCheck: 'checks', MinHealthyTime: 10 * SECOND, HealthyDeadline: 5 * MINUTE };

export const logDefaults: Readonly<Record<string, Default>> = { MaxFiles: 10, MaxFileSizeMB: 10 };

export const ephemeralDiskDefaults: Readonly<Record<string, Default>> = { SizeMB: 300 };

export const resourceDefaults: Readonly<Record<string, Default>> = { CPU: 100, MemoryMB: 300, MemoryMaxMB: 0, Cores: 0 };

export const periodicDefaults: Readonly<Record<string, Default>> = { Enabled: true, SpecType: 'cron' };
