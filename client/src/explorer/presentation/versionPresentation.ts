// Job version rows: newest first, with stability and submit time.
import type { Job } from '../../nomad/types';
import { COLORS, joinParts, type ItemView } from './itemView';
import { age, isoTime } from './time';

/** Versions sorted newest first; the first one is the job's current version. */
export function sortVersions(versions: readonly Job[]): Job[] {
  return [...versions].sort((a, b) => (b.Version ?? 0) - (a.Version ?? 0));
}

export function versionView(version: Job, isCurrent: boolean, now: number): ItemView {
  const submitted = age(version.SubmitTime, now);
  return {
    label: `v${version.Version ?? 0}`,
    description: joinParts([isCurrent && 'current', Boolean(version.Stable) && 'stable', submitted && `${submitted} ago`]),
    tooltip: [
      `**Version ${version.Version ?? 0}**`,
      '',
      `- Stable: ${version.Stable ? 'yes' : 'no'}`,
      `- Submitted: ${isoTime(version.SubmitTime) ?? 'unknown'}`,
    ].join('\n'),
    icon: version.Stable ? { id: 'verified', color: COLORS.ok } : { id: 'git-commit' },
    contextValue: ['version', isCurrent && 'current', Boolean(version.Stable) && 'stable'].filter(Boolean).join(':'),
    collapsible: 'none',
  };
}
