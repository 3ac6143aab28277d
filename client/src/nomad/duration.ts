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

