// Reading the server version from /v1/agent/self, for feature checks such as
// "does this cluster understand this jobspec block".
import type { AgentSelf } from './types';

/** "1.0.18" (or "1.7.0-beta.1" with a prerelease), or undefined when the agent does not say. */
export function agentVersion(self: AgentSelf): string | undefined {
  const version = self.config?.Version;
  if (typeof version === 'string' && version !== '') return version.replace(/^v/, '');
  if (version && typeof version === 'object' && typeof version.Version === 'string' && version.Version !== '') {
    return version.VersionPrerelease ? `${version.Version}-${version.VersionPrerelease}` : version.Version;
  }
  const build = self.member?.Tags?.build;
  return build ? build.replace(/^v/, '').split(':')[0] : undefined;
}

/** Compares the numeric major.minor.patch parts; a prerelease counts as its release. */
export function versionAtLeast(version: string, minimum: string): boolean {
  const parts = (text: string): number[] => text.split(/[-+]/)[0].split('.').map((n) => Number.parseInt(n, 10) || 0);
  const have = parts(version);
  const need = parts(minimum);
  for (let i = 0; i < Math.max(have.length, need.length); i++) {
    const diff = (have[i] ?? 0) - (need[i] ?? 0);
    if (diff !== 0) return diff > 0;
  }
  return true;
}
