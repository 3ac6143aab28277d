// Duration strings Go's time.ParseDuration (and so Nomad) would reject.
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { parseGoDuration } from '../../../values/goDuration';
import { truncate } from '../../../values/valueCheck';
import { DiagnosticCodes } from '../codes';
import type { ValidationRule } from '../rule';

export const durationRule: ValidationRule = {
  checkAttribute({ attribute, value }, _owner, ctx) {
    const written = attribute.value;
    if (!value.duration || written?.kind !== 'literal' || typeof written.value !== 'string') return;
    if (parseGoDuration(written.value) !== undefined) return;
    ctx.report(
      written,
      DiagnosticSeverity.Error,
      DiagnosticCodes.invalidDuration,
      `"${truncate(written.value)}" is not a duration: write a number and a unit (ns, us, ms, s, m, h), as in "30s", "1h30m" or "1.5h"`,
    );
  },
};
