// The Nomad version job files are checked against, and whether a field is newer than it. One
// rule for the `needs-newer-nomad` diagnostic and for completion's ordering of newer fields.
import * as semver from 'semver';

/** `nomad.schemaVersion`, or with `auto` (or empty) the connected cluster's; undefined: nothing known. */
export function targetVersionOf(schemaVersion: string, clusterVersion: string | undefined): string | undefined {
  const configured = schemaVersion.trim();
  return configured === '' || configured === 'auto' ? clusterVersion : configured;
}

const coerced = new Map<string, semver.SemVer | null>();

/** semver.coerce, remembered: the same few version strings come up for every property. */
function version(text: string): semver.SemVer | null {
  let parsed = coerced.get(text);
  if (parsed === undefined) {
    parsed = semver.coerce(text);
    coerced.set(text, parsed);
  }
  return parsed;
}

/** True when a field introduced in `since` is missing from the `target` version (false when either is unknown). */
export function isNewerThanTarget(since: string | undefined, target: string | undefined): boolean {
  if (!target || !since) return false;
  const targetVersion = version(target);
  const sinceVersion = version(since);
  return !!targetVersion && !!sinceVersion && semver.lt(targetVersion, sinceVersion);
}
