// The check several rules share: a value that must not repeat (two templates
// rendering to one file, two checks of one name), reported on each repeat
// with the first one as related information.
import { stringOf, type FieldView } from './jobView';
import type { Findings } from './semanticRule';

export function reportRepeats(findings: Findings, fields: Iterable<FieldView | undefined>, message: (value: string) => string, firstMessage: string): void {
  const seen = new Map<string, FieldView>();
  for (const field of fields) {
    const value = stringOf(field);
    if (!field || value === undefined) continue;
    const first = seen.get(value);
    if (first) findings.report(field.place, message(value), { related: [{ place: first.place, message: firstMessage }] });
    else seen.set(value, field);
  }
}
