// Literal values outside a property's allowed set. A value differing only in
// letter case gets a warning, not an error: Nomad lowercases some of them.
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Expression } from '../../../hcl/ast';
import type { ValueSchema } from '../../../schema/schemaModel';
import { truncate } from '../../../values/valueCheck';
import { DiagnosticCodes, type SuggestionData } from '../codes';
import type { ValidationRule } from '../rule';
import type { RuleContext } from '../ruleContext';
import { closestMatch, didYouMean } from '../suggest';

const LISTED_VALUES = 8;

export const enumRule: ValidationRule = {
  checkAttribute({ attribute, value }, _owner, ctx) {
    const written = attribute.value;
    if (!written) return;
    checkEnum(written, value, () => `"${attribute.name}"`, ctx);
    if (written.kind !== 'tuple') return;
    const items = value.items;
    if (items) for (const item of written.items) checkEnum(item, items, () => `Each item of "${attribute.name}"`, ctx);
  },
};

/** `what` names the attribute in messages; built only when there is one to write (this runs for every attribute). */
function checkEnum(expression: Expression, schema: ValueSchema, what: () => string, ctx: RuleContext): void {
  const allowed = schema.enumValues;
  if (!allowed || expression.kind !== 'literal' || expression.value === null) return;
  const written = expression.value;
  if (allowed.some((value) => value === written || String(value) === String(written))) return;
  // The schema lists null and "" where Go writes them for "unset": not choices to offer.
  const names = allowed.filter((value) => value !== null && value !== '').map(String);
  const sameButCase = names.find((name) => name.toLowerCase() === String(written).toLowerCase());
  if (sameButCase !== undefined) {
    ctx.report(expression, DiagnosticSeverity.Warning, DiagnosticCodes.invalidEnum, `"${truncate(String(written))}" differs from "${sameButCase}" only in letter case; ${what()} is usually compared exactly`, {
      data: { suggestion: sameButCase } satisfies SuggestionData,
    });
    return;
  }
  const suggestion = closestMatch(String(written), names);
  const listed = names.slice(0, LISTED_VALUES).map((name) => `"${name}"`).join(', ') + (names.length > LISTED_VALUES ? ', …' : '');
  ctx.report(
    expression,
    DiagnosticSeverity.Error,
    DiagnosticCodes.invalidEnum,
    `"${truncate(String(written))}" is not allowed: ${what()} takes one of ${listed}.${didYouMean(suggestion)}`,
    suggestion === undefined ? {} : { data: { suggestion } satisfies SuggestionData },
  );
}
