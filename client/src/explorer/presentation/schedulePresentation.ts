// The schedule row of a periodic job: its cron spec and time zone, and the next launch, which
// follows from them (computed here, as `nomad job status` shows it, with the croner library).
import { Cron } from 'croner';
import type { PeriodicConfig } from '../../nomad/types';
import type { ItemView } from './itemView';

/** The next launch after `now` (ms), or undefined when the spec has none or is not one croner reads. */
export function nextLaunch(periodic: PeriodicConfig, now: number): Date | undefined {
  const spec = periodic.Spec?.trim();
  if (!spec || (periodic.SpecType && periodic.SpecType !== 'cron')) return undefined;
  try {
    return new Cron(spec, { timezone: periodic.TimeZone || 'UTC', paused: true }).nextRun(new Date(now)) ?? undefined;
  } catch {
    return undefined;
  }
}

/** `in 3m`, `in 2h 5m`, `in 4d`: how far away a launch is. */
export function timeUntil(when: Date, now: number): string {
  const ms = when.getTime() - now;
  if (ms < 60_000) return 'in under a minute';
  const minutes = Math.ceil(ms / 60_000);
  if (minutes < 60) return `in ${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `in ${hours}h ${minutes % 60}m` : `in ${hours}h`;
  return `in ${Math.floor(hours / 24)}d`;
}

export function scheduleView(periodic: PeriodicConfig, now: number): ItemView {
  const zone = periodic.TimeZone || 'UTC';
  const next = periodic.Enabled === false ? undefined : nextLaunch(periodic, now);
  const state = periodic.Enabled === false ? 'disabled' : next ? `next launch ${timeUntil(next, now)}` : 'no next launch';
  return {
    label: 'Schedule',
    description: `${periodic.Spec ?? ''} (${zone}) · ${state}`,
    tooltip: [
      `Cron spec \`${periodic.Spec ?? ''}\` in time zone ${zone}.`,
      next ? `Next launch: ${next.toISOString()}.` : undefined,
      periodic.ProhibitOverlap ? 'A launch is skipped while the previous one still runs.' : undefined,
    ]
      .filter(Boolean)
      .join('\n\n'),
    icon: { id: 'watch' },
    contextValue: 'schedule',
    collapsible: 'none',
  };
}
