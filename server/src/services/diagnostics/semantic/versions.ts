// Nomad versions as semantic rules and the version rule compare them.
import * as semver from 'semver';

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

/** `version` is `minimum` or newer; an unreadable version counts as the newest. */
export function versionAtLeast(version: string, minimum: string): boolean {
  const a = coerceVersion(version);
  const b = coerceVersion(minimum);
  return !a || !b || semver.gte(a, b);
}
