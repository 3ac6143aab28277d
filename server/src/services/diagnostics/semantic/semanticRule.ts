// The shape of a semantic rule: one of Nomad's job validation checks, stated
// over the job's facts (groups and tasks with defaults applied), with the
// Nomad versions it applies to. Rules report places, never ranges.
import type { JobFacts } from './jobFacts';
import type { Place } from '../ruleContext';

export interface RelatedPlace {
  readonly place: Place;
  readonly message: string;
}

/** A replacement a quick fix makes: `newText` over `place`. */
export interface SemanticFix {
  readonly title: string;
  readonly place: Place;
  readonly newText: string;
}

export interface FindingOptions {
  /** Nomad refuses the job (error, the default) or accepts it with a warning. */
  readonly severity?: 'error' | 'warning';
  readonly related?: readonly RelatedPlace[];
  readonly fixes?: readonly SemanticFix[];
}

export interface Findings {
  readonly shape: 'hcl' | 'api-json';
  /** The Nomad version the job is checked for (the target, or the newest known). */
  readonly version: string;
  report(place: Place, message: string, options?: FindingOptions): void;
  /** How a field is spelled in this document: `interval` in HCL, `Interval` in API JSON. */
  name(hclName: string, apiName: string): string;
  /** A value as written in this document's syntax (a duration is a string in HCL, nanoseconds in API JSON). */
  durationText(nanoseconds: number): string;
}

export interface SemanticRule {
  /** Stable diagnostic code, e.g. `restart-attempts-fit`. */
  readonly id: string;
  /** What the rule checks, in one line (for the README and the rule table test). */
  readonly summary: string;
  /** First Nomad version the rule applies to. */
  readonly since?: string;
  /** First Nomad version it no longer applies to. */
  readonly until?: string;
  check(job: JobFacts, findings: Findings): void;
}
