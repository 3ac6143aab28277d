// Go's time.ParseDuration syntax, which Nomad uses for every duration string:
// an optional sign, then one or more decimal numbers each with a unit
// ("300ms", "1.5h", "2h45m"); a bare "0" is also allowed.

const UNIT_NANOSECONDS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  'µs': 1e3, // U+00B5 micro sign
  'μs': 1e3, // U+03BC Greek mu
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

const COMPONENT = /(\d*)(?:\.(\d*))?(ns|us|µs|μs|ms|s|m|h)?/y;
const MAX_NANOSECONDS = 2 ** 63 - 1;

export const DURATION_UNITS = Object.keys(UNIT_NANOSECONDS);

/** Nanoseconds, or undefined when Go would reject the string. */
export function parseGoDuration(text: string): number | undefined {
  let rest = text;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest.startsWith('-') ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') return undefined;
  let total = 0;
  let position = 0;
  while (position < rest.length) {
    COMPONENT.lastIndex = position;
    const match = COMPONENT.exec(rest);
    if (!match || match[0] === '') return undefined;
    const [whole, integer, fraction, unit] = match;
    if (!unit || (integer === '' && (fraction === undefined || fraction === ''))) return undefined;
    total += Number(`${integer || '0'}.${fraction || '0'}`) * UNIT_NANOSECONDS[unit];
    if (total > MAX_NANOSECONDS) return undefined;
    position += whole.length;
  }
  return sign * total;
}
