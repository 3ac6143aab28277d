// Go duration strings ("5m", "1m30s", "250ms"), which Nomad takes for the
// blocking-query `wait` parameter. We need the length in milliseconds to
// stretch the request time-out around the wait.

const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** Milliseconds in a Go duration string; throws on text Go would reject. */
export function parseGoDuration(text: string): number {
  if (text === '0') return 0;
  const match = /^([+-]?)((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h))+$/.exec(text);
  if (!match) throw new Error(`invalid duration "${text}"`);
  let total = 0;
  for (const part of text.matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/g)) {
    total += Number(part[1]) * UNIT_MS[part[2]];
  }
  return match[1] === '-' ? -total : total;
}


const NS_PER: [string, number][] = [
  ['h', 3_600_000_000_000],
  ['m', 60_000_000_000],
];

/**
 * Nanoseconds (how the API stores a jobspec duration) as a person writes them in a job file:
 * 15000000000 -> "15s", 5400000000000 -> "1h30m", 250000000 -> "250ms".
 */
export function formatNanoseconds(ns: number): string {
  if (ns === 0) return '0s';
  if (ns < 0) return `-${formatNanoseconds(-ns)}`;
  if (ns < 1e9) {
    if (ns % 1e6 === 0) return `${ns / 1e6}ms`;
    return ns % 1e3 === 0 ? `${ns / 1e3}us` : `${ns}ns`;
  }
  let rest = ns;
  let text = '';
  for (const [unit, size] of NS_PER) {
    const whole = Math.floor(rest / size);
    if (whole) text += `${whole}${unit}`;
    rest -= whole * size;
  }
  // Seconds keep up to nine decimals (nanoseconds), without trailing zeros.
  if (rest) text += `${Number((rest / 1e9).toFixed(9))}s`;
  return text;
}
