// Follows stdout or stderr of every allocation of a job (or of one group) in
// one bounded buffer. Nomad streams logs per task only, so this watches the
// job's allocations with a blocking query and opens one task-log stream per
// running task, each line prefixed with the allocation's short id and the task
// name. Allocations join as their tasks start and are marked when they end.
// No vscode here, so the whole logic is unit-tested under Node.
import type { QueryResult } from '../../nomad/client';
import type { NomadError } from '../../nomad/errors';
import type { AllocationListStub } from '../../nomad/types';
import { watchQuery, type Watch } from '../../nomad/watch';
import { ChangeListeners, LogFollower, type FollowState, type LogFrameSource, type LogTextSink } from './logFollower';
import { LineAssembler, LogLineBuffer, type LogLineBufferLimits } from './logLineBuffer';
import type { JobLogTarget } from './logTarget';

export interface JobLogSources {
  /** One (blocking) read of the job's allocations. */
  allocations(index: number, signal: AbortSignal, wait: string): Promise<QueryResult<AllocationListStub[]>>;
  /**
   * The log stream of one task. `fromStart` for a task that started after the
   * document opened (its whole output is new); otherwise the usual tail.
   */
  task(allocId: string, task: string, fromStart: boolean): LogFrameSource;
  describeError(error: unknown): string;
}

const ENDED_STATUSES = new Set(['complete', 'failed', 'lost']);

/** The prefix of every line of one task, e.g. `[1a2b3c4d web] `. */
export function linePrefix(allocId: string, task: string): string {
  return `[${allocId.slice(0, 8)} ${task}] `;
}

/** One task's share of the job-wide buffer: its own half-written line, whole lines prefixed. */
class PrefixedLines implements LogTextSink {
  private readonly lines: LineAssembler;

  constructor(
    private readonly prefix: string,
    private readonly out: LogLineBuffer,
  ) {
    this.lines = new LineAssembler(out.limits.maxLineChars, (line) => out.appendLine(prefix + line));
  }

  append(text: string): void {
    this.lines.append(text);
  }

  appendLine(line: string): void {
    this.lines.flush();
    this.out.appendLine(this.prefix + line);
  }
}

export class JobLogFollower {
  readonly buffer: LogLineBuffer;
  private readonly streams = new Map<string, LogFollower<PrefixedLines>>();
  /** Allocation/task pairs already joined, so a finished stream is not opened again. */
  private readonly joined = new Set<string>();
  private readonly joinedAllocations = new Set<string>();
  /** Allocations whose end was announced. */
  private readonly ended = new Set<string>();
  private readonly watch: Watch;
  private readonly changes = new ChangeListeners();
  private currentState: FollowState = 'following';
  private firstAnswer = true;
  private lastProblem: string | undefined;

  constructor(
    private readonly target: JobLogTarget,
    private readonly sources: JobLogSources,
    limits: LogLineBufferLimits,
  ) {
    this.buffer = new LogLineBuffer(limits);
    const scope = target.group ? `group "${target.group}" of job "${target.jobId}"` : `job "${target.jobId}"`;
    this.buffer.appendLine(
      `[nomad] ${target.type} of every running allocation of ${scope}, each line led by [allocation task]; allocations join as they start.`,
    );
    this.watch = watchQuery(
      (index, signal, wait) => sources.allocations(index, signal, wait),
      (allocations) => this.update(allocations),
      (error) => this.problem(error),
      { wait: '5m' },
    );
  }

  get state(): FollowState {
    return this.currentState;
  }

  /** Streams open right now (tests read it). */
  get openStreams(): number {
    return this.streams.size;
  }

  onDidChange(listener: () => void): { dispose(): void } {
    return this.changes.add(listener);
  }

  /** Stops watching and closes every stream; the text stays as it is. */
  stop(): void {
    if (this.currentState !== 'following') return;
    this.currentState = 'stopped';
    this.watch.dispose();
    for (const stream of this.streams.values()) stream.stop();
    this.streams.clear();
  }

  private update(allocations: AllocationListStub[]): void {
    if (this.currentState !== 'following') return;
    const fromStart = !this.firstAnswer;
    this.firstAnswer = false;
    this.lastProblem = undefined;
    const mine = allocations
      .filter((alloc) => !this.target.group || alloc.TaskGroup === this.target.group)
      .sort((a, b) => (a.CreateIndex ?? 0) - (b.CreateIndex ?? 0));
    let changed = false;
    for (const alloc of mine) {
      if (ENDED_STATUSES.has(alloc.ClientStatus)) {
        changed = this.markEnded(alloc) || changed;
        continue;
      }
      for (const [task, state] of Object.entries(alloc.TaskStates ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
        if (state?.State === 'running') changed = this.join(alloc, task, fromStart) || changed;
      }
    }
    if (changed) this.emit();
  }

  private join(alloc: AllocationListStub, task: string, fromStart: boolean): boolean {
    const key = `${alloc.ID}/${task}`;
    if (this.joined.has(key)) return false;
    this.joined.add(key);
    this.joinedAllocations.add(alloc.ID);
    const prefix = linePrefix(alloc.ID, task);
    this.buffer.appendLine(`${prefix}[nomad] Joined: task "${task}" of ${alloc.Name} is running.`);
    const stream = new LogFollower(this.sources.task(alloc.ID, task, fromStart), new PrefixedLines(prefix, this.buffer), {
      describeError: (error) => this.sources.describeError(error),
    });
    this.streams.set(key, stream);
    stream.onDidChange(() => this.emit());
    void stream.done.then(() => this.streams.delete(key));
    return true;
  }

  /** Only allocations this document followed are announced; old ones were never part of it. */
  private markEnded(alloc: AllocationListStub): boolean {
    if (this.ended.has(alloc.ID) || !this.joinedAllocations.has(alloc.ID)) return false;
    this.ended.add(alloc.ID);
    const why = alloc.ClientDescription ? `: ${alloc.ClientDescription}` : '';
    this.buffer.appendLine(`[${alloc.ID.slice(0, 8)}] [nomad] Ended: ${alloc.Name} is ${alloc.ClientStatus}${why}.`);
    return true;
  }

  /** Said once per distinct problem: the watch retries with back-off and must not fill the log. */
  private problem(error: NomadError): void {
    if (this.currentState !== 'following') return;
    const text = this.sources.describeError(error);
    if (text === this.lastProblem) return;
    this.lastProblem = text;
    this.buffer.appendLine(`[nomad] Cannot read the allocations of job "${this.target.jobId}" (retrying): ${text}`);
    this.emit();
  }

  private emit(): void {
    this.changes.fire();
  }
}
