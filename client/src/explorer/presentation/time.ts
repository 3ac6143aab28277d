// Nomad reports times as integer nanoseconds since the epoch (or RFC 3339 strings in a few places).

/** Milliseconds since the epoch, or undefined for a missing/zero time. */
export function toMillis(time: number | string | null | undefined): number | undefined {
  if (typeof time === 'number') return time > 0 ? Math.floor(time / 1e6) : undefined;
  if (typeof time === 'string' && time !== '') {
    const ms = Date.parse(time);
    return Number.isNaN(ms) || ms <= 0 ? undefined : ms;
  }
  return undefined;
}

/** Compact age such as `45s`, `12m`, `3h`, `5d`; `now` is passed in so results are deterministic in tests. */
export function age(time: number | string | null | undefined, now: number): string | undefined {
  const ms = toMillis(time);
  if (ms === undefined) return undefined;
  const seconds = Math.max(0, Math.round((now - ms) / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h`;
  return `${Math.floor(hours / 24)}d`;
}

export function isoTime(time: number | string | null | undefined): string | undefined {
  const ms = toMillis(time);
  return ms === undefined ? undefined : new Date(ms).toISOString();
}
