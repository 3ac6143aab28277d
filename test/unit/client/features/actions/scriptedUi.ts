// A scripted ActionUi for unit tests: every prompt takes the next step of the
// script (and fails the test if the action asks something else), every
// message is recorded.
import { strict as assert } from 'node:assert';
import type { ActionContext, ActionsClient, FollowedChange } from '../../../../../client/src/features/actions/actionContext';
import type { ActionUi, ChosenFile, ConfirmOptions, InputOptions, PickItem, PickOptions } from '../../../../../client/src/features/actions/actionUi';
import type { JobRef } from '../../../../../client/src/features/actions/targets';

export type Step =
  /** Picks the item whose label contains the text; undefined backs out. */
  | { pick: string | undefined; items?: (items: readonly PickItem<unknown>[], options: PickOptions) => void }
  | { input: string | undefined | ((options: InputOptions) => string | undefined) }
  /** Answers a modal with this action label; undefined is Cancel. */
  | { confirm: string | undefined; dialog?: (message: string, options: ConfirmOptions) => void | Promise<void> }
  | { chooseFile: ChosenFile | undefined };

export class ScriptedUi implements ActionUi {
  readonly infos: string[] = [];
  readonly errors: Array<{ message: string; advice?: string }> = [];
  readonly confirms: string[] = [];
  readonly diffs: Array<{ left: string; right: string; title: string }> = [];
  readonly commands: Array<{ command: string; args: unknown[] }> = [];
  readonly pickTitles: string[] = [];
  /** Changes an action handed to `followChange` (unit-test contexts only). */
  readonly followed: FollowedChange[] = [];
  readonly opened: string[] = [];
  editor: ChosenFile | undefined;
  private readonly steps: Step[];

  /** `runCommand` lets integration tests really run the commands an action triggers (reveal in the tree). */
  constructor(steps: Step[] = [], private readonly runCommand?: (command: string, ...args: unknown[]) => Thenable<unknown>) {
    this.steps = [...steps];
  }

  private next<K extends 'pick' | 'input' | 'confirm' | 'chooseFile'>(kind: K, what: string): Extract<Step, Record<K, unknown>> {
    const step = this.steps.shift();
    assert.ok(step, `the action asked for an unscripted ${kind}: ${what}`);
    assert.ok(kind in step, `the action asked for a ${kind} (${what}) but the script expected ${Object.keys(step)[0]}`);
    return step as Extract<Step, Record<K, unknown>>;
  }

  /** Fails when the action stopped before using every step. */
  assertDone(): void {
    const errors = this.errors.map((e) => e.message).join(' | ');
    assert.deepEqual(this.steps, [], `the action did not ask everything the script expected${errors ? `; it reported: ${errors}` : ''}`);
  }

  async pick<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T | undefined> {
    this.pickTitles.push(options.title);
    const step = this.next('pick', options.title);
    step.items?.(items, options);
    if (step.pick === undefined) return undefined;
    const found = items.find((item) => item.label.includes(step.pick!));
    assert.ok(found, `no item "${step.pick}" among ${items.map((i) => i.label).join(' | ')}`);
    return found.value;
  }

  async input(options: InputOptions): Promise<string | undefined> {
    const step = this.next('input', options.title);
    return typeof step.input === 'function' ? step.input(options) : step.input;
  }

  async openExternal(url: string): Promise<void> {
    this.opened.push(url);
  }

  async confirm(message: string, options: ConfirmOptions): Promise<string | undefined> {
    this.confirms.push(message);
    const step = this.next('confirm', message);
    await step.dialog?.(message, options);
    if (step.confirm !== undefined) assert.ok(options.actions.includes(step.confirm), `"${step.confirm}" is not offered by: ${message}`);
    return step.confirm;
  }

  info(message: string): void {
    this.infos.push(message);
  }

  error(message: string, advice?: string): void {
    this.errors.push({ message, advice });
  }

  async chooseFile(title: string): Promise<ChosenFile | undefined> {
    return this.next('chooseFile', title).chooseFile;
  }

  activeEditorContent(): ChosenFile | undefined {
    return this.editor;
  }

  async showDiff(left: string, right: string, title: string): Promise<void> {
    this.diffs.push({ left, right, title });
  }

  async executeCommand(command: string, ...args: unknown[]): Promise<unknown> {
    this.commands.push({ command, args });
    return this.runCommand?.(command, ...args);
  }

  withProgress<T>(_title: string, task: () => Promise<T>): Promise<T> {
    return task();
  }

  /** Titles and reported lines of cancellable progress notifications, in order. */
  readonly progress: string[] = [];
  private progressController: AbortController | undefined;

  /** Presses Cancel on the cancellable progress notification that is showing. */
  cancelProgress(): void {
    assert.ok(this.progressController, 'no cancellable progress is showing');
    this.progressController.abort();
  }

  async withCancellableProgress<T>(title: string, task: (signal: AbortSignal, report: (message: string) => void) => Promise<T>): Promise<T> {
    this.progress.push(title);
    const controller = (this.progressController = new AbortController());
    try {
      return await task(controller.signal, (message) => this.progress.push(message));
    } finally {
      this.progressController = undefined;
    }
  }
}

/** Records every call made to the fake client; methods not given reject so unexpected calls are loud. */
export function fakeClient(methods: Partial<Record<keyof ActionsClient, (...args: any[]) => unknown>>) {
  const calls: Array<{ method: string; args: unknown[] }> = [];
  const client = new Proxy({} as ActionsClient, {
    get(_target, name: string | symbol) {
      // Not a thenable: `await`ing the client must give the client.
      if (typeof name !== 'string' || name === 'then') return undefined;
      return async (...args: unknown[]) => {
        calls.push({ method: name, args });
        const impl = methods[name as keyof ActionsClient];
        if (!impl) throw new Error(`unexpected client call ${name}`);
        return impl(...args);
      };
    },
  });
  return { client, calls, callsTo: (method: string) => calls.filter((c) => c.method === method) };
}

export function context(ui: ScriptedUi, client: ActionsClient): ActionContext {
  return {
    ui,
    getClient: async () => client,
    versionDocumentUri: (job: JobRef, version: number) => `nomad:/${job.id}?version=${version}`,
    followChange: (change) => ui.followed.push(change),
  };
}

/** A NomadError-shaped failure. */
export function nomadError(kind: string, status: number, serverText: string, advice = 'What to do.') {
  return Object.assign(new Error(`Nomad answered ${status}: ${serverText}`), { kind, status, serverText, items: [], advice });
}

export const stub = (id: string, extra: Record<string, unknown> = {}) => ({
  ID: id, ParentID: '', Name: id, Namespace: 'default', Type: 'batch', Priority: 50, Status: 'running', StatusDescription: '',
  JobSummary: null, CreateIndex: 1, ModifyIndex: 1, JobModifyIndex: 1, ...extra,
});
