// The Nomad version job files are checked against, and how versions compare. One rule for the
// `needs-newer-nomad` diagnostic, completion's ordering of newer fields and the semantic rules' ranges.
import * as semver from 'semver';

/** `nomad.schemaVersion`, or with `auto` (or empty) the connected cluster's; undefined: nothing known. */
export function targetVersionOf(schemaVersion: string, clusterVersion: string | undefined): string | undefined {
  const configured = schemaVersion.trim();
  return configured === '' || configured === 'auto' ? clusterVersion : configured;
}

const coerced = new Map<string, semver.SemVer | null>();

/** semver.coerce, remembered: the same few version strings come up for every property. */
export function coerceVersion(text: string): semver.SemVer | null {
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
  const targetVersion = coerceVersion(target);
  const sinceVersion = coerceVersion(since);
  return !!targetVersion && !!sinceVersion && semver.lt(targetVersion, sinceVersion);
}

/** `version` is `minimum` or newer; an unreadable version counts as the newest. */
export function versionAtLeast(version: string, minimum: string): boolean {
  const a = coerceVersion(version);
  const b = coerceVersion(minimum);
  return !a || !b || semver.gte(a, b);
}
