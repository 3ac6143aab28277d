// Job version rows: newest first, with stability, tag (Nomad 1.9+) and submit time.
import { versionTagOf } from '../../nomad/versionTags';
import type { Job } from '../../nomad/types';
import { COLORS, escapeMarkdown, joinParts, type ItemView } from './itemView';
import { age, isoTime } from './time';

/** Versions sorted newest first; the first one is the job's current version. */
export function sortVersions(versions: readonly Job[]): Job[] {
  return [...versions].sort((a, b) => (b.Version ?? 0) - (a.Version ?? 0));
}

/** What the connected cluster offers on version rows; each adds a context value part that menus test. */
export interface VersionFeatures {
  /** The cluster keeps sources (1.6+): `source` offers Open Submitted Source. */
  source?: boolean;
  /** The cluster has version tags (1.9+): `tags` offers Tag Version and Compare Tagged Versions. */
  tags?: boolean;
}

export function versionView(version: Job, isCurrent: boolean, now: number, features: VersionFeatures = {}): ItemView {
  const submitted = age(version.SubmitTime, now);
  const tag = versionTagOf(version);
  const tagLines = tag ? [`- Tag: ${escapeMarkdown(tag.Name)}`, ...(tag.Description ? [`- ${escapeMarkdown(tag.Description)}`] : [])] : [];
  return {
    label: tag ? `v${version.Version ?? 0} ${tag.Name}` : `v${version.Version ?? 0}`,
    description: joinParts([isCurrent && 'current', Boolean(version.Stable) && 'stable', tag?.Description, submitted && `${submitted} ago`]),
    tooltip: [
      `**Version ${version.Version ?? 0}**`,
      '',
      ...tagLines,
      `- Stable: ${version.Stable ? 'yes' : 'no'}`,
      `- Submitted: ${isoTime(version.SubmitTime) ?? 'unknown'}`,
    ].join('\n'),
    icon: version.Stable ? { id: 'verified', color: COLORS.ok } : tag ? { id: 'tag' } : { id: 'git-commit' },
    contextValue: [
      'version',
      isCurrent && 'current',
      Boolean(version.Stable) && 'stable',
      features.source && 'source',
      features.tags && 'tags',
      features.tags && tag && 'tagged',
    ]
      .filter(Boolean)
      .join(':'),
    collapsible: 'none',
  };
}
