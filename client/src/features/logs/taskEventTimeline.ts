// A readable timeline of what happened to each task of an allocation, built
// from `TaskStates[task].Events`. Pure (no vscode) so the explorer can use it
// for allocation tooltips and the allocation JSON view, and tests can pin it.

/** The fields of a Nomad TaskEvent that the timeline reads; the rest are ignored. */
export interface TaskEventLike {
  Type?: string;
  /** Unix time in nanoseconds. */
  Time?: number;
  DisplayMessage?: string;
  Message?: string;
  Details?: Record<string, string> | null;
  ExitCode?: number;
  Signal?: number;
  DriverMessage?: string;
  DriverError?: string;
  KillReason?: string;
  KillError?: string;
  /** Nanoseconds. */
  KillTimeout?: number;
  RestartReason?: string;
  /** Nanoseconds. */
  StartDelay?: number;
  SetupError?: string;
  ValidationError?: string;
  DownloadError?: string;
  FailedSibling?: string;
  TaskSignal?: string;
  TaskSignalReason?: string;
  FailsTask?: boolean;
}

/** The fields of a Nomad TaskState that the timeline reads. */
export interface TaskStateLike {
  State?: string;
  Failed?: boolean;
  Restarts?: number;
  Events?: readonly TaskEventLike[] | null;
}

export interface TimelineEntry {
  time?: Date;
  type: string;
  summary: string;
  /** The event is an error or made the task fail. */
  problem: boolean;
}

export interface TimelineFormatOptions {
  /** How a time is written; defaults to local `YYYY-MM-DD HH:MM:SS`. */
  formatTime?: (time: Date) => string;
}

const PROBLEM_TYPES = new Set([
  'Setup Failure', 'Driver Failure', 'Failed Validation', 'Failed Artifact Download', 'Not Restarting',
  'Sibling Task Failed', 'Task hook failed', 'Restore Failed', 'Alloc Unhealthy',
]);

/** One entry per event, oldest first, each with a one-line summary in our own words. */
export function taskEventTimeline(events: readonly TaskEventLike[] | null | undefined): TimelineEntry[] {
  return [...(events ?? [])]
    .sort((a, b) => (a.Time ?? 0) - (b.Time ?? 0))
    .map((event) => {
      const type = event.Type || 'Event';
      return {
        time: event.Time ? new Date(Math.floor(event.Time / 1e6)) : undefined,
        type,
        summary: summarize(type, event),
        problem: PROBLEM_TYPES.has(type) || event.FailsTask === true || (type === 'Terminated' && exitedBadly(event)),
      };
    });
}

function summarize(type: string, e: TaskEventLike): string {
  const fallback = e.DisplayMessage || e.Message || '';
  switch (type) {
    case 'Received':
      return 'Placed on the client';
    case 'Task Setup':
      return e.Message || fallback || 'Preparing the task';
    case 'Driver':
      return e.DriverMessage || fallback || 'Driver working';
    case 'Started':
      return 'Task started';
    case 'Restarting':
      return joinParts([`Restarting${e.StartDelay ? ` in ${formatDuration(e.StartDelay)}` : ''}`, e.RestartReason]);
    case 'Not Restarting':
      return joinParts(['Will not restart', e.RestartReason || fallback]);
    case 'Killing':
      return joinParts([`Stopping${e.KillTimeout ? ` (kill timeout ${formatDuration(e.KillTimeout)})` : ''}`, e.KillReason]);
    case 'Killed':
      return e.KillError ? `Killed, with error: ${e.KillError}` : 'Killed';
    case 'Terminated':
      return describeExit(e);
    case 'Driver Failure':
      return joinParts(['Driver failed', e.DriverError || fallback]);
    case 'Setup Failure':
      return joinParts(['Setup failed', e.SetupError || fallback]);
    case 'Failed Validation':
      return joinParts(['Task is invalid', e.ValidationError || fallback]);
    case 'Failed Artifact Download':
      return joinParts(['Artifact download failed', e.DownloadError || fallback]);
    case 'Sibling Task Failed':
      return e.FailedSibling ? `Stopped because task "${e.FailedSibling}" failed` : 'Stopped because another task failed';
    case 'Signaling':
      return joinParts([`Sent signal ${e.TaskSignal || ''}`.trim(), e.TaskSignalReason]);
    default:
      return fallback || type;
  }
}

function describeExit(e: TaskEventLike): string {
  const details = e.Details ?? {};
  const exitCode = e.ExitCode ?? numberOrUndefined(details.exit_code) ?? 0;
  const signal = e.Signal ?? numberOrUndefined(details.signal) ?? 0;
  const parts = [`Exited with code ${exitCode}`];
  if (signal !== 0) parts.push(`signal ${signal}`);
  if (details.oom_killed === 'true') parts.push('killed for running out of memory');
  const message = e.Message || (details.message ?? '');
  return joinParts([parts.join(', '), message]);
}

function exitedBadly(e: TaskEventLike): boolean {
  const details = e.Details ?? {};
  return (e.ExitCode ?? numberOrUndefined(details.exit_code) ?? 0) !== 0 || details.oom_killed === 'true';
}

function numberOrUndefined(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

function joinParts(parts: Array<string | undefined>): string {
  return parts.filter((part): part is string => !!part).join(': ');
}

/** Nanoseconds as `1h2m3s` / `1.5s` / `250ms`, the way Nomad users read durations. */
export function formatDuration(nanoseconds: number): string {
  const ms = nanoseconds / 1e6;
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const totalSeconds = ms / 1000;
  if (totalSeconds < 60) return `${Number(totalSeconds.toFixed(1))}s`;
  const whole = Math.round(totalSeconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  return `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s ? `${s}s` : ''}`;
}

/** Local `YYYY-MM-DD HH:MM:SS`: unambiguous and sortable, unlike locale formats. */
export function formatLocalTime(time: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${time.getFullYear()}-${pad(time.getMonth() + 1)}-${pad(time.getDate())} ${pad(time.getHours())}:${pad(time.getMinutes())}:${pad(time.getSeconds())}`;
}

/**
 * Plain-text timeline of every task of an allocation, e.g.
 * `Task "web": running, 1 restart` followed by one indented line per event
 * (`2026-11-27 09:52:03  Terminated  Exited with code 137, signal 9`).
 * Problem events are marked with `!`. Returns '' when there are no task states.
 */
export function formatTaskEventTimeline(
  taskStates: Record<string, TaskStateLike> | null | undefined,
  options: TimelineFormatOptions = {},
): string {
  const formatTime = options.formatTime ?? formatLocalTime;
  const blocks: string[] = [];
  for (const name of Object.keys(taskStates ?? {}).sort()) {
    const state = taskStates![name];
    const restarts = state.Restarts ?? 0;
    const status = [state.State || 'unknown', state.Failed ? 'failed' : '', restarts ? `${restarts} restart${restarts === 1 ? '' : 's'}` : '']
      .filter(Boolean)
      .join(', ');
    const entries = taskEventTimeline(state.Events);
    const width = Math.max(0, ...entries.map((entry) => entry.type.length));
    const lines = entries.map((entry) => {
      const when = entry.time ? formatTime(entry.time) : '-';
      return `${entry.problem ? '!' : ' '} ${when}  ${entry.type.padEnd(width)}  ${entry.summary}`;
    });
    blocks.push([`Task "${name}": ${status}`, ...(lines.length ? lines : ['  (no events yet)'])].join('\n'));
  }
  return blocks.join('\n\n');
}
