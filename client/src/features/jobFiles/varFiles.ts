// Which variable files belong to a job file. Nomad itself only reads the files
// it is given (`-var-file`), so the editor needs its own convention:
//   1. `*.auto.vars.hcl` in the job's folder always apply (first, alphabetically);
//   2. then a file named after the job: `web.nomad.hcl` -> `web.vars.hcl` or `web.nomad.vars`;
//   3. otherwise one variant (`web.prod.vars.hcl`), or the folder's only variable file;
//   4. several candidates and no rule to pick: the user chooses.
// The `nomad.varFiles` setting overrides all of this per job file, within the workspace folder.

const VAR_FILE_SUFFIXES = ['.auto.vars.hcl', '.vars.hcl', '.nomad.vars'];
const JOB_FILE_SUFFIXES = ['.nomad.hcl', '.nomad.json', '.nomad', '.hcl', '.json'];

/**
 * True when a `nomad.varFiles` entry (relative to the workspace folder) names a file outside that
 * folder: absolute, or climbing out with `..`. Such entries are refused: a repository's settings
 * could otherwise have any file of the machine read and sent to Nomad as variables.
 */
export function leavesFolder(entry: string): boolean {
  const slashed = entry.replace(/\\/g, '/');
  if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed)) return true;
  const depth = slashed.split('/').reduce((level, part) => (level < 0 ? level : part === '..' ? level - 1 : part === '.' || part === '' ? level : level + 1), 0);
  return depth < 0;
}

export function isVarFileName(name: string): boolean {
  return VAR_FILE_SUFFIXES.some((suffix) => name.endsWith(suffix) && name.length > suffix.length);
}

export interface VarFileDiscovery {
  /** Files to use, in the order their values apply (later ones win). */
  files: string[];
  /** When set, the convention could not decide: ask the user which of these to add to `files`. */
  choices?: string[];
}

/** Decides from file names alone: `siblings` are the names of the files beside the job file. */
export function discoverVarFiles(jobFileName: string, siblings: string[]): VarFileDiscovery {
  const base = stripSuffix(jobFileName, JOB_FILE_SUFFIXES);
  const varFiles = siblings.filter(isVarFileName).sort();
  const auto = varFiles.filter((name) => name.endsWith('.auto.vars.hcl'));
  const named = varFiles.filter((name) => !name.endsWith('.auto.vars.hcl'));
  const exact = named.filter((name) => stripSuffix(name, VAR_FILE_SUFFIXES) === base);
  if (exact.length > 0) return { files: [...auto, ...exact] };
  const variants = named.filter((name) => stripSuffix(name, VAR_FILE_SUFFIXES).startsWith(`${base}.`));
  if (variants.length === 1) return { files: [...auto, ...variants] };
  if (variants.length > 1) return { files: auto, choices: variants };
  if (named.length === 1) return { files: [...auto, ...named] };
  if (named.length > 1) return { files: auto, choices: named };
  return { files: auto };
}

function stripSuffix(name: string, suffixes: string[]): string {
  const suffix = suffixes.find((s) => name.endsWith(s));
  return suffix ? name.slice(0, -suffix.length) : name;
}
