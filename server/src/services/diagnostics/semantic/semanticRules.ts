// Every semantic rule, in the order findings are most useful: the job, its
// policies, groups, tasks, services, placement. The one place to register a
// rule; test/unit/server/semantic/ holds a fixture for each id.
import * as jobRules from './rules/jobRules';
import * as groupRules from './rules/groupRules';
import * as placementRules from './rules/placementRules';
import * as policyRules from './rules/policyRules';
import * as serviceRules from './rules/serviceRules';
import * as taskRules from './rules/taskRules';
import * as workloadRules from './rules/workloadRules';
import type { SemanticRule } from './semanticRule';

function rulesIn(module: Record<string, unknown>): SemanticRule[] {
  return Object.values(module).filter((value): value is SemanticRule => typeof value === 'object' && value !== null && 'id' in value && 'check' in value);
}

export const semanticRules: readonly SemanticRule[] = [jobRules, policyRules, groupRules, taskRules, workloadRules, serviceRules, placementRules].flatMap(rulesIn);
