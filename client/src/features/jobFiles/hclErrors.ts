// Turns the cluster's HCL error text into positioned problems. Nomad parses
// the job under the name `input.hcl` and reports HCL diagnostics as
//   input.hcl:3,3-8: Missing item separator; Expected a comma ...
//   input.hcl:3,3-5,1: Summary; Detail          (range over several lines)
// possibly several, one per line, or with ", and N other diagnostic(s)", and
// wrapped as "Failed to parse job: ...". Lines and columns are 1-based; the end
// column is exclusive.

export interface HclProblem {
  /** Zero-based positions, ready for an editor range. */
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  message: string;
}

const LOCATION = /input\.hcl:(\d+),(\d+)-(?:(\d+),)?(\d+): /g;
/** Texts that say the located error is in the variables text, not in the job file (both are named input.hcl). */
const VARIABLES_MARKERS = [/unable to parse var content/i, /Invalid value for variable/, /Variable declaration in a \.var file/];

export interface ParsedHclError {
  /** Problems located in the job file. */
  job: HclProblem[];
  /** Problems located in the variables text sent along with it. */
  variables: HclProblem[];
  /** The text with no position in it (or all of it, when nothing was located). */
  unlocated?: string;
}

export function parseHclError(text: string): ParsedHclError {
  const result: ParsedHclError = { job: [], variables: [] };
  const matches = [...text.matchAll(LOCATION)];
  if (matches.length === 0) {
    result.unlocated = text.trim();
    return result;
  }
  const leading = text.slice(0, matches[0].index).trim();
  matches.forEach((match, n) => {
    const messageEnd = n + 1 < matches.length ? matches[n + 1].index : text.length;
    const message = cleanMessage(text.slice(match.index + match[0].length, messageEnd));
    const startLine = Number(match[1]) - 1;
    const problem: HclProblem = {
      startLine,
      startColumn: Number(match[2]) - 1,
      endLine: match[3] === undefined ? startLine : Number(match[3]) - 1,
      endColumn: Number(match[4]) - 1,
      message,
    };
    const context = `${leading} ${message}`;
    (VARIABLES_MARKERS.some((marker) => marker.test(context)) ? result.variables : result.job).push(problem);
  });
  return result;
}

function cleanMessage(raw: string): string {
  return raw
    .replace(/,\s*and \d+ other diagnostic\(s\)\s*$/, '')
    .trim()
    .replace(/\s*\n\s*/g, ' ');
}
