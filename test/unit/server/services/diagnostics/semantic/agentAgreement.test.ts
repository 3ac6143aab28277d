// The semantic rule fixtures against a real Nomad agent (NOMAD_TEST_ADDR, see
// the README): the agent accepts each valid neighbour and refuses (or warns
// about) each mistake, as the language server does. The in-process fake does
// not implement Nomad's validation, so without a real agent this suite skips.
import * as assert from 'assert';
import { validateOnAgent } from '../../../../../support/nomad/agentValidation';
import { nomadTarget, type NomadTarget } from '../../../../../support/nomad/target';
import { ruleFixtures } from './ruleFixtures';
import { applies } from '../../../../../../server/src/services/diagnostics/rules/semanticRule';
import { semanticRules } from '../../../../../../server/src/services/diagnostics/semantic/semanticRules';

const unmark = (text: string): string => text.replace(/[⟦⟧]/g, '');

describe('Semantic rules agree with a real Nomad agent', function () {
  this.timeout(60_000);
  let target: NomadTarget;
  let version = '';

  before(async function () {
    target = await nomadTarget();
    if (target.fake) this.skip(); // needs Nomad's own validation
    const response = await fetch(`${target.address}/v1/agent/self`, { headers: target.token ? { 'X-Nomad-Token': target.token } : {} });
    const self = (await response.json()) as { config?: { Version?: { Version?: string } } };
    version = self.config?.Version?.Version ?? '';
  });

  after(async () => target?.close());

  for (const fixture of ruleFixtures) {
    if (fixture.agent === false) continue;
    it(fixture.rule, async function () {
      const rule = semanticRules.find((r) => r.id === fixture.rule);
      // A rule written for other releases than the agent's says nothing about it.
      if (!rule || !applies(rule, version)) this.skip();
      const valid = await validateOnAgent(target.address, unmark(fixture.valid), target.token);
      assert.deepStrictEqual(valid.errors, [], 'the agent accepts the valid neighbour');
      const invalid = await validateOnAgent(target.address, unmark(fixture.invalid), target.token);
      if (fixture.severity === 'warning') assert.notStrictEqual(invalid.warnings, '', 'the agent warns about the mistake');
      else assert.notDeepStrictEqual(invalid.errors, [], 'the agent refuses the mistake');
    });
  }
});
