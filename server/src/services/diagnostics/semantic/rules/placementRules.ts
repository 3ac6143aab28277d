// Constraints, affinities and spreads at job, group and task level
// (Constraint, Affinity and Spread Validate, and the system job limits).
import type { JobFacts } from '../jobFacts';
import { known, nonEmpty, numberOf, stringOf, type FieldView, type ObjectView } from '../jobView';
import { reportRepeats } from '../repeats';
import type { Findings, SemanticRule } from '../semanticRule';

/** HCL shorthands (`regexp = "..."`) and the operand they stand for; the value is the RTarget. */
const SHORTHANDS = ['distinct_hosts', 'distinct_property', 'regexp', 'version', 'semver', 'set_contains', 'set_contains_all', 'set_contains_any'];

interface Placement {
  readonly view: ObjectView;
  readonly operand: string | undefined;
  readonly operandField: FieldView | undefined;
  readonly attribute: FieldView | undefined;
  readonly value: FieldView | undefined;
}

/** A constraint or affinity as Nomad sees it after the HCL parser turned shorthands into operands. */
function placement(view: ObjectView, findings: Findings): Placement {
  for (const shorthand of SHORTHANDS) {
    const field = view.field(shorthand);
    if (!field) continue;
    if (shorthand === 'distinct_hosts') return { view, operand: 'distinct_hosts', operandField: field, attribute: undefined, value: undefined };
    if (shorthand === 'distinct_property') return { view, operand: shorthand, operandField: field, attribute: field, value: view.field('RTarget') };
    return { view, operand: shorthand, operandField: field, attribute: view.field('LTarget'), value: field };
  }
  const operandField = view.field('Operand');
  // The HCL parser defaults the operator to "="; the API takes the job as written.
  const operand = operandField ? (known(operandField) ? stringOf(operandField) : undefined) : findings.shape === 'hcl' ? '=' : '';
  return { view, operand, operandField, attribute: view.field('LTarget'), value: view.field('RTarget') };
}

const COMPARISONS = ['=', '==', 'is', '!=', 'not', '<', '<=', '>', '>='];

function checkPlacement(kind: 'constraint' | 'affinity', item: Placement, findings: Findings): void {
  const { operand, value } = item;
  if (operand === undefined) return;
  const where = item.operandField?.place ?? item.view.place;
  if (operand === '') {
    findings.report(item.view.place, `The ${kind} needs an operator (${findings.name('operator', 'Operand')})`);
    return;
  }
  const hasValue = value !== undefined && !(known(value) && value.value === '');
  if (operand.startsWith('set_contains') && !hasValue) findings.report(where, `A ${operand} ${kind} needs a value`);
  if (COMPARISONS.includes(operand) && !hasValue) findings.report(where, `The operator "${operand}" needs a value to compare with`);
  if (kind === 'constraint' && (operand === 'is_set' || operand === 'is_not_set') && hasValue) findings.report((value as FieldView).place, `The operator "${operand}" takes no value`);
  const text = stringOf(value);
  if (hasValue && text !== undefined) {
    if (operand === 'regexp' && !compilesAsGoRegexp(text)) findings.report((value as FieldView).place, `"${text}" is not a valid regular expression`);
    if ((operand === 'version' || operand === 'semver') && !isVersionConstraint(text)) findings.report((value as FieldView).place, `"${text}" is not a version constraint such as ">= 1.2, < 2.0"`);
  }
  if (kind === 'constraint' && operand === 'distinct_property' && hasValue && text !== undefined) {
    const count = Number(text);
    if (!/^\d+$/.test(text.trim()) || count < 1) findings.report((value as FieldView).place, `distinct_property allows a whole number of allocations of 1 or more per value, not "${text}"`);
  }
  if (operand !== 'distinct_hosts' && item.attribute === undefined) findings.report(item.view.place, `The ${kind} needs an attribute to test (${findings.name('attribute', 'LTarget')})`);
}

/**
 * Whether Go's RE2 would compile the pattern, approximated with JavaScript's
 * engine: RE2's inline flags and named groups are rewritten first, and
 * only patterns both engines treat alike are judged.
 */
function compilesAsGoRegexp(pattern: string): boolean {
  if (/\\[pPzAQE]|\[\[:/.test(pattern)) return true; // RE2-only syntax JavaScript reads differently: don't judge
  const rewritten = pattern.replace(/\(\?P</g, '(?<').replace(/\(\?[imsU-]+\)/g, '').replace(/\(\?[imsU-]+:/g, '(?:');
  try {
    new RegExp(rewritten);
    return true;
  } catch {
    return false;
  }
}

const VERSION_PART = /^\s*(=|!=|>|<|>=|<=|~>)?\s*v?\d+(\.\d+)*(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?\s*$/;

function isVersionConstraint(text: string): boolean {
  return text.split(',').every((part) => VERSION_PART.test(part));
}

export const constraintValid: SemanticRule = {
  id: 'constraint-invalid',
  summary: 'constraints: an attribute, an operator that has the value it needs, a valid regexp or version range',
  check(job, findings) {
    for (const { view } of job.levels) for (const constraint of view.objects('Constraints')) checkPlacement('constraint', placement(constraint, findings), findings);
  },
};

export const taskConstraintLevel: SemanticRule = {
  id: 'constraint-task-level',
  summary: 'distinct_hosts and distinct_property only at job or group level',
  check(job, findings) {
    for (const { view, level } of job.levels) {
      if (level !== 'task') continue;
      for (const constraint of view.objects('Constraints')) {
        const { operand, operandField } = placement(constraint, findings);
        if (operand === 'distinct_hosts' || operand === 'distinct_property') findings.report(operandField?.place ?? constraint.place, `A ${operand} constraint cannot be set on a task: move it to the group or the job`);
      }
    }
  },
};

export const affinityValid: SemanticRule = {
  id: 'affinity-invalid',
  summary: 'affinities: as constraints, and a weight other than 0',
  check(job, findings) {
    if (job.type === 'system') return;
    for (const { view } of job.levels) {
      for (const affinity of view.objects('Affinities')) checkAffinity(affinity, findings);
    }
  },
};

/** Affinity.Validate: as a constraint, and a weight other than 0. */
function checkAffinity(affinity: ObjectView, findings: Findings): void {
  checkPlacement('affinity', placement(affinity, findings), findings);
  const weight = affinity.field('Weight');
  if (weight && numberOf(weight) === 0) findings.report(weight.place, 'An affinity weight cannot be 0: use -100 to -1 to avoid, 1 to 100 to prefer');
}

export const systemNoAffinityOrSpread: SemanticRule = {
  id: 'system-no-affinity-spread',
  summary: 'system jobs take no affinity or spread blocks',
  check(job, findings) {
    if (job.type !== 'system') return;
    for (const { view } of job.levels) {
      for (const name of ['Affinities', 'Spreads']) {
        for (const item of view.objects(name)) findings.report(item.place, `A system job runs on every node: it cannot have ${name === 'Spreads' ? 'a spread' : 'an affinity'} block`);
      }
    }
  },
};

export const spreadValid: SemanticRule = {
  id: 'spread-invalid',
  summary: 'spread weight 1 to 100, distinct targets, percentages adding up to at most 100',
  check(job: JobFacts, findings) {
    if (job.type === 'system') return;
    for (const { view } of job.levels) {
      for (const spread of view.objects('Spreads')) {
        const weight = spread.field('Weight');
        const value = weight ? numberOf(weight) : 50;
        if (weight && value !== undefined && (value <= 0 || value > 100)) findings.report(weight.place, 'A spread weight must be between 1 and 100');
        const targets = spread.objects('SpreadTarget');
        reportRepeats(findings, targets.map((target) => target.field('Value')), (value) => `The spread target "${value}" is given twice`, 'first given here');
        const sum = targets.reduce((total, target) => total + (numberOf(target.field('Percent')) ?? 0), 0);
        if (sum > 100) findings.report(spread.place, `The spread target percentages add up to ${sum}%, more than 100%`);
      }
    }
  },
};

export const deviceRequestValid: SemanticRule = {
  id: 'device-request-invalid',
  summary: 'a device request names a device; its constraints and affinities are valid and use no distinct_hosts or distinct_property',
  check(job, findings) {
    for (const task of job.tasks) {
      for (const resources of task.view.objects('Resources')) {
        for (const device of resources.objects('Devices')) {
          const name = device.field('Name');
          if (!nonEmpty(name)) findings.report(name?.place ?? device.place, 'The device request needs a name: a type ("gpu"), vendor/type ("nvidia/gpu") or vendor/type/name');
          for (const constraint of device.objects('Constraints')) {
            const item = placement(constraint, findings);
            if (item.operand === 'distinct_hosts' || item.operand === 'distinct_property') findings.report(item.operandField?.place ?? constraint.place, `A device constraint cannot use ${item.operand}: it places allocations, not devices`);
            else checkPlacement('constraint', item, findings);
          }
          for (const affinity of device.objects('Affinities')) checkAffinity(affinity, findings);
        }
      }
    }
  },
};
